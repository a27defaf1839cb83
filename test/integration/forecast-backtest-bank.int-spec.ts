import { readFileSync } from 'node:fs';
import request from 'supertest';
import { accuracyMeasures } from '../../src/core/forecasting/accuracy-measures.js';
import { rollingOriginBacktest } from '../../src/core/forecasting/rolling-origin-backtest.js';
import { sumBlocks } from '../../src/core/forecasting/sum-blocks.js';
import { realData } from '../support/shared-data.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Forecasting proven on real data: the Anonymous Bank 1999 arrivals (6-minute bins), ingested as
 * 30-minute interval actuals of one UTC channel from 1999-08-01, back-tested over HTTP with every
 * method: one-week horizons re-fitted weekly over the last 8 weeks of 1999 (origins 1999-11-06 …
 * 1999-12-25), 12 weeks of training. The best method must beat seasonal-naive interval WAPE by
 * at least 20% (relative); the smoothing methods must earn their place against the plain mean of
 * the last six same weekdays per interval (computed here, independently, from the file); and the
 * figures must equal those of the core run on the file directly (so ingestion and the local grid
 * lose nothing).
 *
 * Measured (interval WAPE; bench forecast-backtest-bank prints all figures): seasonal-naive
 * 0.2557, weekday-profile 0.1969, holt-winters 0.1992, double-seasonal 0.1955 (log scale, fitted
 * at leads of 1–7 days), plain six-weekday mean 0.1997. Both smoothing methods beat the plain
 * mean at interval level, holt-winters only just (0.25%); at daily level holt-winters (0.1229)
 * is worse than the plain mean (0.1153), which the last test states rather than hides.
 */
const BANK = realData('anonymous-bank-1999', ['callcenter_6min_1999.csv']);
const FILE = BANK.file('callcenter_6min_1999.csv');

const HEADER = 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds';
const FIRST = Date.UTC(1999, 7, 1);
const DAYS = 153; // 1999-08-01 … 1999-12-31
/** 1999-11-06, the first origin, as a day index from FIRST. */
const FIRST_ORIGIN_DAY = (Date.UTC(1999, 10, 6) - FIRST) / 86_400_000;

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

BANK.describe('forecast back-test on the Anonymous Bank 1999 arrivals', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const series = BANK.present ? halfHours() : new Float64Array(0);
  let wapes = new Map<string, { interval: number; daily: number }>();

  /** Interval and daily WAPE of F = the plain mean of the same interval on the last six same weekdays, nothing cleaned, over the same 8 origins. */
  function plainSixWeekdayMean(): { interval: number; daily: number } {
    const f = new Float64Array(8 * 7 * 48);
    const a = new Float64Array(f.length);
    for (let k = 0; k < 8; k++) {
      for (let h = 0; h < 7; h++) {
        const day = FIRST_ORIGIN_DAY + 7 * k + h;
        for (let j = 0; j < 48; j++) {
          let sum = 0;
          for (let w = 1; w <= 6; w++) sum += series[(day - 7 * w) * 48 + j];
          f[(k * 7 + h) * 48 + j] = sum / 6;
          a[(k * 7 + h) * 48 + j] = series[day * 48 + j];
        }
      }
    }
    const fd = new Float64Array(8 * 7);
    const ad = new Float64Array(fd.length);
    sumBlocks(f, 48, fd);
    sumBlocks(a, 48, ad);
    return { interval: accuracyMeasures(f, a).wape, daily: accuracyMeasures(fd, ad).wape };
  }

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

    for (const [method, r] of byMethod) {
      const f = new Float64Array(8 * 7 * 48);
      const a = new Float64Array(f.length);
      rollingOriginBacktest(method as 'seasonal-naive', series, 48, { firstOriginDay: FIRST_ORIGIN_DAY, origins: 8, horizonDays: 7, stepDays: 7, trainDays: 84 }, f, a);
      expect(r.interval.wape).toBeCloseTo(accuracyMeasures(f, a).wape, 12);
    }
    wapes = new Map([...byMethod].map(([m, r]) => [m, { interval: r.interval.wape, daily: r.daily.wape }]));
  });

  it('both smoothing methods beat the plain mean of the last six same weekdays at interval level', () => {
    const mean6 = plainSixWeekdayMean();
    expect(mean6.interval).toBeCloseTo(0.1997, 4); // the figure the issue calls "about 22%" better than seasonal-naive
    expect(wapes.get('double-seasonal')!.interval).toBeLessThan(mean6.interval);
    expect(wapes.get('holt-winters')!.interval).toBeLessThan(mean6.interval);
    // double-seasonal is the best method here at interval level, and beats the plain mean at daily level too
    expect(wapes.get('double-seasonal')!.interval).toBe(Math.min(...[...wapes.values()].map((w) => w.interval)));
    expect(wapes.get('double-seasonal')!.daily).toBeLessThan(mean6.daily);
    // Known shortfall, kept visible: holt-winters' daily totals are worse than the plain mean's
    // (0.1229 vs 0.1153); its interval-level edge comes from the intraday profile. When its daily
    // totals improve, this line fails and must flip.
    expect(wapes.get('holt-winters')!.daily).toBeGreaterThan(mean6.daily);
  });
});
