import request from 'supertest';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

const HEADER = 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds';
const FIRST = Date.UTC(2026, 0, 5); // a Monday
/** Contacts per half-hour, open 08:00–18:00 (slots 16..35) Monday to Friday; weekends closed. */
function offered(day: number, slot: number): number {
  if (slot < 16 || slot >= 36 || day % 7 >= 5) return 0;
  return 10 + (day % 7) + (slot % 3);
}
function date(day: number): string {
  return new Date(FIRST + day * 86_400_000).toISOString().slice(0, 10);
}
/** Rows of the open hours (zeros included) for `days` days from `from`, except the days in `lost`. */
function rows(channel: string, from: number, days: number, lost: number[] = []): string[] {
  const out: string[] = [];
  for (let d = from; d < from + days; d++) {
    if (lost.includes(d)) continue;
    for (let slot = 16; slot < 36; slot++) {
      const n = offered(d, slot);
      if (d % 7 >= 5) continue;
      const hh = String(Math.floor(slot / 2)).padStart(2, '0');
      out.push(`${channel},${date(d)} ${hh}:${slot % 2 ? '30' : '00'},${n},${n},0,${n},0,20,${180 * n},0`);
    }
  }
  return out;
}

/**
 * Missing is not zero, end to end: a weekday lost from the export (no rows at all) is listed as
 * missing and not learnt from; a channel with a short history still gets a forecast (weekday-mean,
 * with a warning) beside the others; generated versions carry a p10–p90 band that staffing plans
 * can be built on; a channel's opening hours say where a row-less interval is missing.
 */
describe('forecasting with missing data', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const LOST = 23; // Wednesday 2026-01-28

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    for (const code of ['gapped', 'short', 'empty']) {
      await request(t.baseUrl).put(`/api/v1/channels/${code}`).set(...as('admin')).send({ name: code, media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30 }).expect(201);
    }
    const csv = [HEADER, ...rows('gapped', 0, 42, [LOST]), ...rows('short', 29, 8)].join('\n');
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv').send(csv).expect(201);
  });
  afterAll(() => t.close());

  it('back-test: lists the lost day as missing and leaves it out of every score', async () => {
    const res = await request(t.baseUrl).post('/api/v1/forecasts/backtest').set(...as('planner'))
      .send({ channels: ['gapped'], from: '2026-01-26', to: '2026-02-16', horizonDays: 7, historyWeeks: 3, methods: ['seasonal-naive', 'weekday-mean'] })
      .expect(200);
    expect(res.body.missing).toEqual({ gapped: { days: ['2026-01-28'], intervals: 20 } });
    const mean = res.body.data.find((r: { method: string }) => r.method === 'weekday-mean');
    // the lost Wednesday's open intervals are neither scored nor learnt (its closed hours are an actual 0)
    expect(mean.interval.points).toBe(3 * 7 * 48 - 20);
    expect(mean.interval.wape).toBe(0);
    expect(res.body.data.find((r: { method: string }) => r.method === 'seasonal-naive').interval.wape).toBe(0);
  });

  it('generate: per channel, a short history gets weekday-mean with a warning, no history a warning, the others a forecast with a band', async () => {
    const res = await request(t.baseUrl).post('/api/v1/forecasts/generate').set(...as('planner'))
      .send({ channels: ['gapped', 'short', 'empty'], horizonStart: '2026-02-16', horizonDays: 7, method: 'auto', label: 'gaps' })
      .expect(201);
    const { gapped, short } = res.body.metadata.channels;
    expect(res.body.metadata.channels.empty).toBeUndefined();
    expect(gapped).toMatchObject({ missingDays: ['2026-01-28'], missingIntervals: 20, warning: null });
    expect(short).toMatchObject({ method: 'weekday-mean', historyDays: 8, backtest: null });
    expect(res.body.warnings).toEqual([
      { channel: 'short', code: 'SHORT_HISTORY', message: '8 days of history leave no back-test: forecast with weekday-mean' },
      { channel: 'empty', code: 'INSUFFICIENT_HISTORY', message: 'channel empty has no actuals before 2026-02-16: not forecast' },
    ]);
    expect(res.body.version.channels).toEqual(['gapped', 'short']);

    const id = res.body.version.id as string;
    const page = await request(t.baseUrl).get(`/api/v1/forecasts/${id}/intervals?channel=gapped&limit=10000`).set(...as('analyst')).expect(200);
    const days = page.body.data as Array<{ periodStart: string; volume: number; volumeP10: number; volumeP90: number }>;
    expect(days).toHaveLength(7 * 48);
    for (const [i, r] of days.entries()) {
      const expected = offered(42 + Math.floor(i / 48), i % 48);
      // the Wednesday is forecast at its usual volume: the lost day is not a day without contacts
      expect(r.volume).toBeCloseTo(expected, 6);
      if (expected === 0) expect([r.volumeP10, r.volumeP90]).toEqual([0, 0]);
      else {
        expect(r.volumeP10).toBeLessThan(r.volume);
        expect(r.volumeP90).toBeGreaterThan(r.volume);
      }
    }
    const csv = await request(t.baseUrl).get(`/api/v1/forecasts/${id}/intervals?channel=gapped&format=csv`).set(...as('analyst')).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('channel,period_start,period_start_local,volume,aht_seconds,shrinkage,volume_p10,volume_p90');
    expect(csv.text.split('\r\n')[1]).toBe('gapped,2026-02-16T00:00:00Z,2026-02-16T00:00:00+00:00,0,180,,0,0');

    // a plan at the 80th percentile staffs more volume than the point forecast, and never less
    const point = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: id, channels: ['gapped'] }).expect(201);
    const p80 = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: id, channels: ['gapped'], volumeQuantile: 0.8 }).expect(201);
    expect(p80.body.totals.volume).toBeGreaterThan(point.body.totals.volume);
    expect(p80.body.totals.agentHours).toBeGreaterThanOrEqual(point.body.totals.agentHours);
    await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: id, volumeQuantile: 0.99 }).expect(422);

    // an uploaded version has no band
    const up = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).set('Content-Type', 'text/csv')
      .send('channel,interval_start,volume,aht_seconds\ngapped,2026-02-16 09:00,10,180\n').expect(201);
    const bad = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: up.body.id, volumeQuantile: 0.8 }).expect(422);
    expect(bad.body.details.errors[0]).toMatchObject({ field: 'volumeQuantile' });
    const listed = await request(t.baseUrl).get(`/api/v1/forecasts/${up.body.id}/intervals`).set(...as('analyst')).expect(200);
    expect(listed.body.data[0]).toMatchObject({ volume: 10, volumeP10: null, volumeP90: null });
  });

  it("opening hours: validated, stored, and a row-less interval inside them is missing", async () => {
    const bad = await request(t.baseUrl).put('/api/v1/channels/planned').set(...as('admin'))
      .send({ name: 'p', media: 'voice-inbound', timeZone: 'UTC', openingHours: { mon: [['18:00', '08:00']], funday: [] } }).expect(422);
    expect(bad.body.details.errors.map((e: { field: string }) => e.field).sort()).toEqual(['openingHours.funday', 'openingHours.mon[0]']);
    const hours = { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], wed: [['08:00', '18:00']], thu: [['08:00', '18:00']], fri: [['08:00', '19:00']] };
    const put = await request(t.baseUrl).put('/api/v1/channels/planned').set(...as('admin'))
      .send({ name: 'p', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, openingHours: hours }).expect(201);
    expect(put.body.openingHours).toEqual(hours);
    const csv = [HEADER, ...rows('planned', 0, 28)].join('\n');
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv').send(csv).expect(201);
    // Friday 18:00–19:00 is open by the planner's hours but never had a row: two missing intervals each Friday
    const res = await request(t.baseUrl).post('/api/v1/forecasts/backtest').set(...as('planner'))
      .send({ channels: ['planned'], from: '2026-01-19', to: '2026-02-02', horizonDays: 7, historyWeeks: 2, methods: ['weekday-mean'] })
      .expect(200);
    expect(res.body.missing.planned).toEqual({ days: [], intervals: 4 * 2 });
  });
});
