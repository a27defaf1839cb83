import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { accuracyMeasures } from '../../src/core/forecasting/accuracy-measures.js';
import { rollingOriginBacktest } from '../../src/core/forecasting/rolling-origin-backtest.js';
import { projectRoot } from '../../src/platform/project-root.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Forecasting proven on real data: the Anonymous Bank 1999 arrivals (6-minute bins), ingested as
 * 30-minute interval actuals of one UTC channel from 1999-08-01, back-tested over HTTP with every
 * method: one-week horizons re-fitted weekly over the last 8 weeks of 1999 (origins 1999-11-06 …
 * 1999-12-25), 12 weeks of training. The best method must beat seasonal-naive interval WAPE by
 * at least 20% (relative), and the figures must equal those of the core run on the file
 * directly (so ingestion and the local grid lose nothing).
 */
const FILE = resolve(projectRoot(), '../shared/data/anonymous-bank-1999/callcenter_6min_1999.csv');
const present = existsSync(FILE);
if (!present) console.warn(`forecast-backtest-bank skipped: ${FILE} is absent`);
const maybe = present ? describe : describe.skip;

const HEADER = 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds';
const FIRST = Date.UTC(1999, 7, 1);
const DAYS = 153; // 1999-08-01 … 1999-12-31

/** 30-minute arrival counts from 1999-08-01, as whole contacts (the one imputed day of May has halves; it is outside). */
function halfHours(): Float64Array {
  const series = new Float64Array(DAYS * 48);
  for (const line of readFileSync(FILE, 'utf8').split(/\r?\n/).slice(1)) {
    if (!line) continue;
    const [date, start, , , calls] = line.split(',');
    const day = Math.round((Date.parse(`${date}T00:00:00Z`) - FIRST) / 86_400_000);
    if (day < 0) continue;
    const [hh, mm] = start.split(':').map(Number);
    series[day * 48 + Math.floor((hh * 60 + mm) / 30)] += Number(calls);
  }
  return series.map(Math.round);
}

maybe('forecast back-test on the Anonymous Bank 1999 arrivals', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const series = present ? halfHours() : new Float64Array(0);

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    const auth: [string, string] = ['Authorization', `Bearer ${tenant.keys.admin}`];
    await request(t.baseUrl).put('/api/v1/channels/bank').set(...auth).send({ name: 'Anonymous Bank', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30 }).expect(201);
    const rows = [HEADER];
    for (let i = 0; i < series.length; i++) {
      if (series[i] === 0) continue;
      const at = new Date(FIRST + i * 1_800_000).toISOString();
      rows.push(`bank,${at},${series[i]},${series[i]},0,${series[i]},0,20,${180 * series[i]},0`);
    }
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...auth).set('Content-Type', 'text/csv').send(rows.join('\n')).expect(201);
  });
  afterAll(() => t?.close());

  it('the best method beats seasonal-naive interval WAPE by at least 20%, with the core figures', async () => {
    const res = await request(t.baseUrl)
      .post('/api/v1/forecasts/backtest')
      .set('Authorization', `Bearer ${tenant.keys.planner}`)
      .send({ channels: ['bank'], from: '1999-11-06', to: '2000-01-01', horizonDays: 7, historyWeeks: 12 })
      .expect(200);
    const byMethod = new Map<string, { origins: number; interval: { wape: number }; daily: { wape: number } }>(res.body.data.map((r: { method: string }) => [r.method, r]));
    expect([...byMethod.keys()]).toEqual(['seasonal-naive', 'weekday-profile', 'holt-winters', 'double-seasonal']);
    const naive = byMethod.get('seasonal-naive')!.interval.wape;
    const best = Math.min(...[...byMethod.values()].map((r) => r.interval.wape));
    expect(byMethod.get('seasonal-naive')!.origins).toBe(8);
    expect(1 - best / naive).toBeGreaterThanOrEqual(0.2);
    expect(res.body.data[0].byMonth.map((m: { month: string }) => m.month)).toEqual(['1999-11', '1999-12']);

    const firstOriginDay = Date.UTC(1999, 10, 6) / 86_400_000 - FIRST / 86_400_000;
    for (const [method, r] of byMethod) {
      const f = new Float64Array(8 * 7 * 48);
      const a = new Float64Array(f.length);
      rollingOriginBacktest(method as 'seasonal-naive', series, 48, { firstOriginDay, origins: 8, horizonDays: 7, stepDays: 7, trainDays: 84 }, f, a);
      expect(r.interval.wape).toBeCloseTo(accuracyMeasures(f, a).wape, 12);
    }
  });
});
