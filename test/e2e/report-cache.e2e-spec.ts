import request from 'supertest';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * JSON pages of versioned listings are kept by ETag (src/modules/listing/page-cache.ts): a page
 * is only ever sent again to its own tenant, and new data is read at once. Two tenants with the
 * same channel code and URL but different actuals; the offered counts are the uploaded ones.
 */
describe('report pages kept by ETag', () => {
  let t: TestApp;
  let a: TenantKeys;
  let b: TenantKeys;
  const URL = '/api/v1/reports/interval-comparison?channel=sales&from=2026-03-02&to=2026-03-03';
  const HEADER = 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds';
  const upload = async (tenant: TenantKeys, offered: number) => request(t.baseUrl).post('/api/v1/actuals/intervals')
    .set('Authorization', `Bearer ${tenant.keys.planner}`).set('Content-Type', 'text/csv')
    .send(`${HEADER}\nsales,2026-03-02 09:00,${offered},${offered},0,${offered},0,20,${offered * 100},0`).expect(201);
  const offered = async (tenant: TenantKeys): Promise<number> =>
    (await request(t.baseUrl).get(URL).set('Authorization', `Bearer ${tenant.keys.analyst}`).expect(200)).body.data[0].actualOffered as number;

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = [await t.newTenant(), await t.newTenant()];
    for (const tenant of [a, b]) {
      await request(t.baseUrl).put('/api/v1/channels/sales').set('Authorization', `Bearer ${tenant.keys.admin}`)
        .send({ name: 'Sales', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, serviceLevelTarget: 0.8, thresholdSeconds: 20 }).expect(201);
    }
    await upload(a, 11);
    await upload(b, 22);
  });
  afterAll(() => t.close());

  it('sends each tenant its own page, again and again, and reads new data at once', async () => {
    expect([await offered(a), await offered(b), await offered(a), await offered(b)]).toEqual([11, 22, 11, 22]);
    await upload(a, 33);
    expect([await offered(a), await offered(b)]).toEqual([33, 22]);
  });
});
