import { readFileSync } from 'node:fs';
import request from 'supertest';
import { realData } from '../support/shared-data.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Occupancy from agent states, proven on the Anonymous Bank per-call records (Brown et al.,
 * JASA 2005). Each served call names its agent (`server`): an agent's calls of a day give their
 * busy segments (on-contact, overlapping calls merged), the gaps between their first call and
 * their last end are `available`, and that span is their scheduled work. Uploaded through the
 * API, the engine's per-half-hour busy and idle seconds, staffed agents and occupancy must equal
 * an independent count done here second by second with plain arrays.
 */
const BANK = realData('anonymous-bank-1999', ['october_1999.txt']);
const FILE = BANK.file('october_1999.txt');
const DAYS = ['991004', '991005'];
/** Israel Standard Time (DST ended 3 September 1999). */
const OFFSET_MS = 2 * 3_600_000;
const DAY0_MS = Date.UTC(1999, 9, 4) - OFFSET_MS; // 1999-10-04 00:00 local
const HALF = 1800;
const INTERVALS = 2 * 48 + 4; // two days and two hours for calls running past midnight

interface Call {
  agent: string;
  start: number; // seconds since DAY0
  end: number;
  day: number;
}

function calls(): Call[] {
  const out: Call[] = [];
  for (const line of readFileSync(FILE, 'utf8').split(/\r?\n/).slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 17 || f[12] !== 'AGENT' || !DAYS.includes(f[5])) continue;
    const [h, m, s] = f[13].split(':').map(Number);
    const day = DAYS.indexOf(f[5]);
    const start = day * 86_400 + h * 3600 + m * 60 + s;
    const seconds = Number(f[15]);
    if (seconds > 0) out.push({ agent: f[16], start, end: start + seconds, day }); // ser_time is right even past midnight
  }
  return out;
}

const iso = (secondsFromDay0: number): string => new Date(DAY0_MS + secondsFromDay0 * 1000).toISOString().replace('.000Z', 'Z');


BANK.describe("occupancy from agent states on the bank's per-call records", () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const all = BANK.present ? calls() : [];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    await request(t.baseUrl).put('/api/v1/channels/bank').set(...as('admin')).send({ name: 'Bank', media: 'voice-inbound', timeZone: 'Asia/Jerusalem', intervalMinutes: 30 }).expect(201);
  });
  afterAll(() => t.close());

  it('matches a second-by-second count of busy and present agents per half-hour', async () => {
    // Derivation (the engine's input): per agent and day, merged busy segments and the gaps.
    const schedule = ['agent_id,team,channels,activity,start,end'];
    const states = ['agent_id,state,start,end'];
    const byAgentDay = new Map<string, Call[]>();
    for (const c of all) byAgentDay.set(`${c.agent}|${c.day}`, [...(byAgentDay.get(`${c.agent}|${c.day}`) ?? []), c]);
    for (const [key, list] of byAgentDay) {
      const agent = key.split('|')[0];
      list.sort((a, b) => a.start - b.start);
      const merged: Array<[number, number]> = [];
      for (const c of list) {
        const last = merged[merged.length - 1];
        if (last && c.start <= last[1]) last[1] = Math.max(last[1], c.end);
        else merged.push([c.start, c.end]);
      }
      schedule.push(`${agent},bank,bank,work,${iso(merged[0][0])},${iso(merged[merged.length - 1][1])}`);
      merged.forEach(([s, e], i) => {
        states.push(`${agent},on-contact,${iso(s)},${iso(e)}`);
        const next = merged[i + 1];
        if (next) states.push(`${agent},available,${iso(e)},${iso(next[0])}`);
      });
    }
    const post = (path: string, body: string) => request(t.baseUrl).post(path).set(...as('scheduler')).set('Content-Type', 'text/csv').send(body);
    await post('/api/v1/schedules', schedule.join('\n')).expect(201);
    await post('/api/v1/agent-states', states.join('\n')).expect(201);

    // Independent count: one byte per agent-second, busy = inside a call, present = between
    // the agent's first call and last end of the day.
    const span = INTERVALS * HALF;
    const busy = new Float64Array(INTERVALS);
    const present = new Float64Array(INTERVALS);
    for (const [, list] of byAgentDay) {
      const b = new Uint8Array(span);
      const p = new Uint8Array(span);
      let first = Infinity;
      let last = -Infinity;
      for (const c of list) {
        for (let s = c.start; s < c.end; s++) b[s] = 1;
        first = Math.min(first, c.start);
        last = Math.max(last, c.end);
      }
      for (let s = first; s < last; s++) p[s] = 1;
      for (let s = 0; s < span; s++) {
        busy[Math.floor(s / HALF)] += b[s];
        present[Math.floor(s / HALF)] += p[s];
      }
    }

    const res = await request(t.baseUrl).get(`/api/v1/staffing/headcount?channel=bank&from=${iso(0)}&to=${iso(span)}&limit=10000`).set(...as('analyst')).expect(200);
    const rows = res.body.data as Array<{ periodStart: string; periodStartLocal: string; staffed: number; scheduled: number; busySeconds: number; idleSeconds: number; occupancy: number | null }>;
    expect(rows).toHaveLength(INTERVALS);
    expect(rows[20].periodStartLocal).toBe('1999-10-04T10:00:00+02:00');
    let checked = 0;
    rows.forEach((r, i) => {
      expect(r.periodStart).toBe(iso(i * HALF));
      expect(r.busySeconds).toBe(busy[i]);
      expect(r.idleSeconds).toBe(present[i] - busy[i]);
      expect(r.staffed).toBeCloseTo(present[i] / HALF, 12);
      // The schedule is the logged-in span. The third local day holds no shift: its intervals are
      // unknown (null), not 0, except where a shift of the day before runs into them.
      if (i < 2 * 48 || present[i] > 0) expect(r.scheduled).toBeCloseTo(present[i] / HALF, 12);
      else expect(r.scheduled).toBeNull();
      if (present[i] > 0) {
        expect(r.occupancy).toBeCloseTo(busy[i] / present[i], 12);
        checked++;
      } else {
        expect(r.occupancy).toBeNull();
      }
    });
    // The centre is busy in daytime: many intervals checked, and a 10:00 occupancy that is real.
    expect(checked).toBeGreaterThan(30);
    expect(rows[20].occupancy).toBeGreaterThan(0.3);

    // Every agent was where the derived schedule says: 100 % adherence.
    const adherence = await request(t.baseUrl).get(`/api/v1/adherence?level=agent&granularity=day&from=${iso(0)}&to=${iso(2 * 86_400)}&limit=10000`).set(...as('analyst')).expect(200);
    expect(adherence.body.data).toHaveLength(byAgentDay.size);
    for (const r of adherence.body.data as Array<{ adherence: number }>) expect(r.adherence).toBe(1);
  });
});
