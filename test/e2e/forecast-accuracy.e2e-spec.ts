import request from 'supertest';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * The forecast-accuracy report follows the conventions of the interval comparison:
 * the same query parameters, RFC 4180 CSV with a documented header, a weak ETag on JSON and CSV
 * that If-None-Match answers with 304 and that new data changes, columns documented in OpenAPI.
 */
describe('forecast accuracy report conventions', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  let base: string;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const HEADER = 'channel,period_start,period_start_local,forecast,actual,variance,within_five_percent,forecast_intervals,actual_intervals';

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    await request(t.baseUrl).put('/api/v1/channels/sales').set(...as('admin'))
      .send({ name: 'Sales', media: 'voice-inbound', timeZone: 'Europe/Berlin', intervalMinutes: 30, serviceLevelTarget: 0.8, thresholdSeconds: 20 }).expect(201);
    const forecast = ['channel,interval_start,volume,aht_seconds', 'sales,2026-03-02T08:00:00Z,105,180', 'sales,2026-03-02T08:30:00Z,50,180'].join('\n');
    const v = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).set('Content-Type', 'text/csv').send(forecast).expect(201);
    const actuals = ['channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds',
      'sales,2026-03-02T08:00:00Z,100,100,0,80,0,20,18000,500'].join('\n');
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv').send(actuals).expect(201);
    base = `/api/v1/reports/forecast-accuracy?forecastVersion=${v.body.id}&channel=sales&from=2026-03-02&to=2026-03-03`;
  });
  afterAll(() => t.close());

  it('streams CSV (format=csv or Accept: text/csv) with the documented header, empty fields for null and an ETag', async () => {
    const res = await request(t.baseUrl).get(`${base}&format=csv`).set(...as('analyst')).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    // 09:00 Berlin (08:00Z): (105 − 100) ÷ 100 = 0.05, within ±5%; 09:30: no actuals → actual, variance and band empty (missing, not 0).
    expect(res.text).toBe(`${HEADER}\r\nsales,2026-03-02T08:00:00Z,2026-03-02T09:00:00+01:00,105,100,0.05,true,1,1\r\n` +
      'sales,2026-03-02T08:30:00Z,2026-03-02T09:30:00+01:00,50,,,,1,0\r\n');
    expect(res.headers.etag).toMatch(/^W\/".+"$/);
    const accept = await request(t.baseUrl).get(base).set(...as('analyst')).set('Accept', 'text/csv').expect(200);
    expect(accept.text).toBe(res.text);
    await request(t.baseUrl).get(`${base}&format=csv`).set(...as('analyst')).set('If-None-Match', res.headers.etag).expect(304);
  });

  it('answers JSON with an ETag that If-None-Match honours and that new data changes', async () => {
    const json = await request(t.baseUrl).get(base).set(...as('analyst')).expect(200);
    expect(json.body.data).toHaveLength(2);
    const etag = json.headers.etag;
    await request(t.baseUrl).get(base).set(...as('analyst')).set('If-None-Match', etag).expect(304);
    // JSON and CSV of the same URL parameters are different representations: different tags.
    const csv = await request(t.baseUrl).get(`${base}&format=csv`).set(...as('analyst')).expect(200);
    expect(csv.headers.etag).not.toBe(etag);
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv')
      .send('channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds\nsales,2026-03-02T08:30:00Z,40,40,0,40,0,20,7200,0')
      .expect(201);
    const after = await request(t.baseUrl).get(base).set(...as('analyst')).set('If-None-Match', etag).expect(200);
    expect(after.body.data[1]).toMatchObject({ actual: 40, withinFivePercent: false });
    expect(after.body.data[1].variance).toBeCloseTo((50 - 40) / 40, 12);
  });

  it('refuses unknown channels with 422 and documents its CSV columns and errors in OpenAPI', async () => {
    const res = await request(t.baseUrl).get(`${base.replace('channel=sales', 'channel=nope')}`).set(...as('analyst')).expect(422);
    expect(res.body.code).toBe('UNKNOWN_CHANNELS');
    const doc = (await request(t.baseUrl).get('/docs-json').expect(200)).body as { paths: Record<string, { get: { summary: string; responses: Record<string, unknown> } }> };
    const op = doc.paths['/api/v1/reports/forecast-accuracy'].get;
    expect(op.summary).toContain(`CSV columns: ${HEADER.split(',').join(', ')}`);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '404', '422']));
    for (const path of ['/api/v1/reports/interval-comparison', '/api/v1/reports/calibration']) expect(doc.paths[path].get.summary).toContain('CSV columns: channel, ');
  });
});
