import request from 'supertest';
import { erlangAServiceLevelOracle, erlangCServiceLevelOracle } from '../support/queueing-oracle.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/** One interval of the hand-built data: offered, answered, abandoned, within threshold (both), handle and wait seconds, staffed agents. */
type Row = [offered: number, answered: number, abandoned: number, within: number, handle: number, wait: number, staffed: number | null];

const HALF_HOUR = 1800;
/**
 * Erlang C and Erlang A (ICMI definition, as the achieved level) at 20 s for a half-hour, from
 * independent oracles (test/support/queueing-oracle.ts): Erlang C from the 200-bit reference
 * recurrence (src/core/queueing/reference/scan-high-precision-erlang.ts), Erlang A from the
 * birth–death chain (src/core/queueing/reference/erlang-a-birth-death.ts), never the kernels the
 * report calls.
 */
const erlangC = ([offered, answered, , , handle, , staffed]: Row): number => erlangCServiceLevelOracle(staffed!, (offered * (handle / answered)) / HALF_HOUR, handle / answered, 20);
const erlangA = ([offered, answered, , , handle, , staffed]: Row, patienceSeconds: number): number =>
  erlangAServiceLevelOracle(staffed!, (offered * (handle / answered)) / HALF_HOUR, handle / answered, patienceSeconds, 20);
const achieved = ([, answered, abandoned, within]: Row): number => within / (answered + abandoned);

/** Textbook statistics on plain arrays (independent of src/core/calibration). */
function stats(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const sorted = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return lo >= n - 1 ? sorted[n - 1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  };
  return {
    mean,
    sd: n > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : null,
    p10: q(0.1), p50: q(0.5), p90: q(0.9),
    meanAbs: xs.reduce((s, x) => s + Math.abs(x), 0) / n,
  };
}

function expectResiduals(row: Record<string, unknown>, prefix: 'erlangC' | 'erlangA', residuals: number[]): void {
  const s = stats(residuals);
  expect(row[`${prefix}Intervals`]).toBe(residuals.length);
  expect(row[`${prefix}ResidualMean`]).toBeCloseTo(s.mean, 9);
  if (s.sd === null) expect(row[`${prefix}ResidualStdDev`]).toBeNull();
  else expect(row[`${prefix}ResidualStdDev`]).toBeCloseTo(s.sd, 9);
  expect(row[`${prefix}ResidualP10`]).toBeCloseTo(s.p10, 9);
  expect(row[`${prefix}ResidualP50`]).toBeCloseTo(s.p50, 9);
  expect(row[`${prefix}ResidualP90`]).toBeCloseTo(s.p90, 9);
  expect(row[`${prefix}ResidualMeanAbs`]).toBeCloseTo(s.meanAbs, 9);
}

describe('calibration report', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const RANGE = 'from=2026-03-02&to=2026-03-03';
  // calls: abandonment known only from interval actuals; 10:30 has no staffed agents (patience sample only).
  const calls: Row[] = [
    [80, 76, 4, 62, 15200, 760, 10],
    [40, 40, 0, 36, 10000, 200, 6],
    [60, 57, 3, 46, 11400, 1140, 7],
    [10, 10, 0, 10, 2000, 0, null],
  ];
  // quiet: nobody abandons and the channel has no patience setting.
  const quiet: Row[] = [
    [30, 30, 0, 27, 6000, 150, 5],
    [20, 20, 0, 20, 3000, 40, 3],
  ];
  const upload = (rows: Row[], code: string): string => [
    'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds,agents_staffed',
    ...rows.map(([o, an, ab, w, h, wt, s], k) => `${code},2026-03-02T${String(9 + Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'}:00Z,${o},${an},${ab},${w - Math.min(ab, 1)},${Math.min(ab, 1)},20,${h},${wt},${s ?? ''}`),
  ].join('\n');

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    for (const code of ['calls', 'chat', 'quiet']) {
      await request(t.baseUrl).put(`/api/v1/channels/${code}`).set(...as('admin'))
        .send({ name: code, media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, serviceLevelTarget: 0.8, thresholdSeconds: 20 }).expect(201);
    }
    for (const [rows, code] of [[calls, 'calls'], [quiet, 'quiet']] as const) {
      await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv').send(upload(rows, code)).expect(201);
    }
    // chat: a per-contact log, so the abandoned contacts' waits (50 s and 70 s) are known; no staffed agents.
    const contacts = ['channel,contact_id,arrived_at,outcome,wait_seconds,handle_seconds',
      'chat,c1,2026-03-02T09:01:00Z,answered,10,200', 'chat,c2,2026-03-02T09:02:00Z,answered,30,100',
      'chat,c3,2026-03-02T09:03:00Z,abandoned,50,', 'chat,c4,2026-03-02T09:04:00Z,abandoned,70,'].join('\n');
    await request(t.baseUrl).post('/api/v1/actuals/contacts').set(...as('planner')).set('Content-Type', 'text/csv').send(contacts).expect(201);
  });
  afterAll(() => t.close());

  it('estimates patience as abandoned ÷ total wait and summarises the residuals of Erlang C and Erlang A per channel', async () => {
    const res = await request(t.baseUrl).get(`/api/v1/reports/calibration?${RANGE}`).set(...as('analyst')).expect(200);
    expect(res.body.next).toBeNull();
    expect(res.body.data.map((r: { channel: string }) => r.channel)).toEqual(['*', 'calls', 'chat', 'quiet']);
    const [all, c, chat, q] = res.body.data;

    // calls: waits of abandoned contacts imputed at the interval ASA: 760 + 4·(760/76) = 800, 200, 1140 + 3·(1140/57) = 1200, 0 → 2200 s;
    // 7 abandoned: θ = 7/2200 per second, mean patience 2200/7 = 314.2857… s.
    expect(c).toMatchObject({ intervals: 4, offered: 190, abandoned: 7, waitSeconds: 2200, abandonedWaitLogged: 0, erlangAPatienceSource: 'estimated' });
    expect(c.abandonmentRatePerSecond).toBeCloseTo(7 / 2200, 12);
    expect(c.patienceSeconds).toBeCloseTo(2200 / 7, 9);
    expect(c.erlangAPatienceSeconds).toBeCloseTo(2200 / 7, 9);
    const staffed = calls.filter((r) => r[6] !== null);
    expectResiduals(c, 'erlangC', staffed.map((r) => achieved(r) - erlangC(r)));
    expectResiduals(c, 'erlangA', staffed.map((r) => achieved(r) - erlangA(r, 2200 / 7)));

    // chat: logged waits: answered 10 + 30, abandoned 50 + 70 → 160 s for 2 abandoned: patience 80 s; no staffed agents, no residual.
    expect(chat).toMatchObject({
      intervals: 1, offered: 4, abandoned: 2, waitSeconds: 160, abandonedWaitLogged: 2, patienceSeconds: 80, erlangAPatienceSource: 'estimated',
      erlangCIntervals: 0, erlangCResidualMean: null, erlangAIntervals: 0, erlangAResidualP50: null,
    });
    expect(chat.abandonmentRatePerSecond).toBeCloseTo(2 / 160, 12);

    // quiet: no abandonment: θ = 0, patience unbounded (null); Erlang A at infinite patience is Erlang C.
    expect(q).toMatchObject({ abandoned: 0, waitSeconds: 190, abandonmentRatePerSecond: 0, patienceSeconds: null, erlangAPatienceSeconds: null, erlangAPatienceSource: 'unbounded' });
    const quietResiduals = quiet.map((r) => achieved(r) - erlangC(r));
    expectResiduals(q, 'erlangC', quietResiduals);
    expectResiduals(q, 'erlangA', quietResiduals);

    // All channels: summed contacts and waits (9 abandoned over 2200 + 160 + 190 s), every channel's residuals pooled.
    expect(all).toMatchObject({ intervals: 7, offered: 244, abandoned: 9, waitSeconds: 2550, abandonedWaitLogged: 2, erlangAPatienceSource: 'per-channel', erlangAPatienceSeconds: null });
    expect(all.patienceSeconds).toBeCloseTo(2550 / 9, 9);
    expectResiduals(all, 'erlangC', [...staffed.map((r) => achieved(r) - erlangC(r)), ...quietResiduals]);
    expectResiduals(all, 'erlangA', [...staffed.map((r) => achieved(r) - erlangA(r, 2200 / 7)), ...quietResiduals]);
  });

  it('uses the channel patience setting when nothing can be estimated, narrows by channel and range', async () => {
    await request(t.baseUrl).put('/api/v1/channels/quiet').set(...as('admin'))
      .send({ name: 'quiet', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, serviceLevelTarget: 0.8, thresholdSeconds: 20, patienceSeconds: 90 }).expect(200);
    const res = await request(t.baseUrl).get(`/api/v1/reports/calibration?channel=quiet&${RANGE}`).set(...as('analyst')).expect(200);
    expect(res.body.data.map((r: { channel: string }) => r.channel)).toEqual(['*', 'quiet']);
    const q = res.body.data[1];
    expect(q).toMatchObject({ patienceSeconds: null, erlangAPatienceSeconds: 90, erlangAPatienceSource: 'channel' });
    expectResiduals(q, 'erlangA', quiet.map((r) => achieved(r) - erlangA(r, 90)));
    // Only 09:00 of calls: one residual, no spread.
    const one = await request(t.baseUrl).get('/api/v1/reports/calibration?channel=calls&from=2026-03-02T09:00:00Z&to=2026-03-02T09:30:00Z').set(...as('analyst')).expect(200);
    expect(one.body.data[1]).toMatchObject({ intervals: 1, abandoned: 4, waitSeconds: 800, patienceSeconds: 200, erlangCIntervals: 1, erlangCResidualStdDev: null });
    expect(one.body.data[1].erlangCResidualP10).toBeCloseTo(achieved(calls[0]) - erlangC(calls[0]), 9);
  });

  it('answers CSV with the documented columns, pages by cursor, honours If-None-Match and refuses unknown channels', async () => {
    const csv = await request(t.baseUrl).get(`/api/v1/reports/calibration?${RANGE}&format=csv`).set(...as('analyst')).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('calibration.csv');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('channel,intervals,offered,abandoned,wait_seconds,abandoned_wait_logged,abandonment_rate_per_second,patience_seconds,' +
      'erlang_a_patience_seconds,erlang_a_patience_source,erlang_c_intervals,erlang_c_residual_mean,erlang_c_residual_std_dev,erlang_c_residual_p10,' +
      'erlang_c_residual_p50,erlang_c_residual_p90,erlang_c_residual_mean_abs,erlang_a_intervals,erlang_a_residual_mean,erlang_a_residual_std_dev,' +
      'erlang_a_residual_p10,erlang_a_residual_p50,erlang_a_residual_p90,erlang_a_residual_mean_abs');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['channel', '*', 'calls', 'chat', 'quiet']);
    expect(lines[3].split(',').slice(0, 8)).toEqual(['chat', '1', '4', '2', '160', '2', String(2 / 160), '80']);
    await request(t.baseUrl).get(`/api/v1/reports/calibration?${RANGE}&format=csv`).set(...as('analyst')).set('If-None-Match', csv.headers.etag).expect(304);

    const first = await request(t.baseUrl).get(`/api/v1/reports/calibration?${RANGE}&limit=2`).set(...as('analyst')).expect(200);
    expect(first.body.data.map((r: { channel: string }) => r.channel)).toEqual(['*', 'calls']);
    const second = await request(t.baseUrl).get(`/api/v1/reports/calibration?${RANGE}&limit=2&cursor=${first.body.next}`).set(...as('analyst')).expect(200);
    expect(second.body.data.map((r: { channel: string }) => r.channel)).toEqual(['chat', 'quiet']);
    expect(second.body.next).toBeNull();

    const res = await request(t.baseUrl).get(`/api/v1/reports/calibration?${RANGE}&channel=nope`).set(...as('analyst')).expect(422);
    expect(res.body.code).toBe('UNKNOWN_CHANNELS');
    const other = await t.newTenant();
    const empty = await request(t.baseUrl).get(`/api/v1/reports/calibration?${RANGE}`).set('Authorization', `Bearer ${other.keys.analyst}`).expect(200);
    expect(empty.body).toEqual({ data: [], next: null });
  });
});
