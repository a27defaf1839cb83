import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { UploadEvents } from '../../src/modules/uploads/upload-events.js';
import { projectRoot } from '../../src/platform/project-root.js';
import { realData } from '../support/shared-data.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * KPI rollups proven on real data: the October 1999 per-call log of the Anonymous Bank goes in
 * through the saved import mapping (the upload's post-commit hook rolls the KPIs up), and the
 * daily service level under every named definition (Y = 20 s), ASA, both abandonment rates and
 * AHT of every queue must equal an independent count of the raw file written here with plain
 * code, following the data's README: answered = outcome AGENT, abandoned = HANG with a queue
 * start (a hang-up that never queued left in the voice response unit), wait = q_time, handle =
 * ser_time, the day = the date column (no call is offered after midnight of its date), the queue
 * = the type column. "Within Y" means a wait ≤ 20 s (API conventions).
 */
const BANK = realData('anonymous-bank-1999', ['october_1999.txt']);
const FILE = BANK.file('october_1999.txt');
const MAPPING = JSON.parse(readFileSync(join(projectRoot(), 'data/demo/import-mappings/anonymous-bank-1999.json'), 'utf8')) as {
  fields: { channel: { values: Record<string, string> } };
};
const CHANNELS = (JSON.parse(readFileSync(join(projectRoot(), 'data/demo/channels.json'), 'utf8')) as Array<Record<string, unknown>>)
  .filter((c) => c.timeZone === 'Asia/Jerusalem');
const Y_SECONDS = 20;

interface Counts {
  answered: number;
  answeredWithin: number;
  abandoned: number;
  abandonedWithin: number;
  handleSeconds: number;
  waitSeconds: number;
}

/** Per `channel|yyyy-mm-dd`, the counts of the raw file. */
function countRaw(text: string): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line.trim() === '') continue;
    // Two October rows separate fields with spaces instead of a tab.
    const f = line.trim().split(/\s+/);
    const [type, date, qStart, qTime, outcome, serTime] = [f[4], f[5], f[9], Number(f[11]), f[12], Number(f[15])];
    const answered = outcome === 'AGENT';
    const abandoned = outcome === 'HANG' && qStart !== '0:00:00';
    if (!answered && !abandoned) continue;
    const key = `${MAPPING.fields.channel.values[type]}|19${date.slice(0, 2)}-${date.slice(2, 4)}-${date.slice(4, 6)}`;
    const c = out.get(key) ?? { answered: 0, answeredWithin: 0, abandoned: 0, abandonedWithin: 0, handleSeconds: 0, waitSeconds: 0 };
    if (answered) {
      c.answered++;
      if (qTime <= Y_SECONDS) c.answeredWithin++;
      c.handleSeconds += serTime;
      c.waitSeconds += qTime;
    } else {
      c.abandoned++;
      if (qTime <= Y_SECONDS) c.abandonedWithin++;
    }
    out.set(key, c);
  }
  return out;
}

/** The KPI values (numerator, denominator) of one queue-day, from the counts; undefined ratios left out. */
function expectedKpis(c: Counts): Record<string, [number, number]> {
  const offered = c.answered + c.abandoned;
  const late = c.abandoned - c.abandonedWithin;
  const all: Record<string, [number, number]> = {
    'service-level': [c.answeredWithin + c.abandonedWithin, offered],
    'service-level-answered-within-offered': [c.answeredWithin, offered],
    'service-level-answered-within-answered': [c.answeredWithin, c.answered],
    'service-level-offered-minus-short-abandons': [c.answeredWithin, offered - c.abandonedWithin],
    'asa-seconds': [c.waitSeconds, c.answered],
    'abandonment-rate': [c.abandoned, offered],
    'abandonment-after-objective-rate': [late, late + c.answered],
    'aht-seconds': [c.handleSeconds, c.answered],
  };
  return Object.fromEntries(Object.entries(all).filter(([, [, d]]) => d > 0));
}

BANK.describe('KPI rollups on the Anonymous Bank, October 1999', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];

  beforeAll(async () => {
    t = await startTestApp({ KPI_SCHEDULE_ENABLED: 'false' });
    tenant = await t.newTenant();
    for (const { code, ...rest } of CHANNELS) {
      await request(t.baseUrl).put(`/api/v1/channels/${String(code)}`).set(...as('admin')).send({ ...rest, thresholdSeconds: Y_SECONDS }).expect(201);
    }
    await request(t.baseUrl).put('/api/v1/import-mappings/anonymous-bank-1999').set(...as('planner')).send(MAPPING).expect(201);
  });
  afterAll(() => t.close());

  it('daily service level (every definition), ASA, both abandonment rates and AHT per queue equal a plain count of the raw file', async () => {
    const bytes = readFileSync(FILE);
    const expected = countRaw(bytes.toString('utf8'));
    await request(t.baseUrl).post('/api/v1/actuals/contacts?mapping=anonymous-bank-1999').set(...as('planner'))
      .set('Content-Type', 'text/tab-separated-values').send(bytes).expect(201);
    await t.app.get(UploadEvents).idle(); // the post-commit hook recomputes October in the background

    const got = new Map<string, Record<string, { numerator: number; denominator: number; value: number }>>();
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.baseUrl).get('/api/v1/kpis').set(...as('analyst'))
        .query({
          channel: CHANNELS.map((c) => String(c.code)), granularity: 'day', from: '1999-10-01', to: '1999-11-01', limit: 10000,
          kpi: Object.keys(expectedKpis({ answered: 1, answeredWithin: 0, abandoned: 1, abandonedWithin: 0, handleSeconds: 0, waitSeconds: 0 })),
          ...(cursor ? { cursor } : {}),
        }).expect(200);
      for (const r of page.body.data as Array<{ channel: string; periodStartLocal: string; kpi: string; numerator: number; denominator: number; value: number }>) {
        const key = `${r.channel}|${r.periodStartLocal.slice(0, 10)}`;
        const day = got.get(key) ?? {};
        day[r.kpi] = { numerator: r.numerator, denominator: r.denominator, value: r.value };
        got.set(key, day);
      }
      cursor = page.body.next as string | null;
    } while (cursor);

    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(expected.size).toBeGreaterThan(100); // 6 queues × 31 days, less the quiet ones
    for (const [key, counts] of expected) {
      const want = expectedKpis(counts);
      const have = got.get(key)!;
      expect(Object.keys(have).sort()).toEqual(Object.keys(want).sort());
      for (const [kpi, [numerator, denominator]] of Object.entries(want)) {
        // counts and integer-second sums are exact; the value is their ratio to 1e-12
        expect({ key, kpi, numerator: have[kpi].numerator, denominator: have[kpi].denominator }).toEqual({ key, kpi, numerator, denominator });
        expect(Math.abs(have[kpi].value - numerator / denominator)).toBeLessThanOrEqual(1e-12 * Math.max(1, numerator / denominator));
      }
    }
  });
});
