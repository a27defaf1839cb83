import request from 'supertest';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

describe('channels', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const auth = (): [string, string] => ['Authorization', `Bearer ${tenant.keys.admin}`];
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
  });
  afterAll(() => t.close());

  it('creates (201) with defaults, replaces (200), reads, lists and deletes (204)', async () => {
    const created = await request(t.baseUrl)
      .put('/api/v1/channels/sales')
      .set(...auth())
      .send({ name: 'Sales', media: 'voice-inbound', timeZone: 'Europe/Berlin' })
      .expect(201);
    expect(created.body).toMatchObject({
      code: 'sales', intervalMinutes: 30, serviceLevelTarget: 0.8, thresholdSeconds: 20,
      shrinkage: 0, concurrency: 1, maxAsaSeconds: null, patienceSeconds: null,
    });
    const replaced = await request(t.baseUrl)
      .put('/api/v1/channels/sales')
      .set(...auth())
      .send({
        name: 'Sales DE', media: 'chat', timeZone: 'Europe/Berlin', intervalMinutes: 15,
        serviceLevelTarget: 0.9, thresholdSeconds: 30, maxAsaSeconds: 25, maxAbandonRate: 0.05,
        maxOccupancy: 0.85, minOccupancy: 0.6, shrinkage: 0.3, patienceSeconds: 120, concurrency: 2,
      })
      .expect(200);
    expect(replaced.body).toMatchObject({ name: 'Sales DE', media: 'chat', intervalMinutes: 15, concurrency: 2, maxOccupancy: 0.85 });
    const got = await request(t.baseUrl).get('/api/v1/channels/sales').set(...auth()).expect(200);
    expect(got.body).toEqual(replaced.body);
    const list = await request(t.baseUrl).get('/api/v1/channels').set(...auth()).expect(200);
    expect(list.body).toEqual({ data: [replaced.body], next: null });
    await request(t.baseUrl).delete('/api/v1/channels/sales').set(...auth()).expect(204);
    await request(t.baseUrl).get('/api/v1/channels/sales').set(...auth()).expect(failsWith(404, 'CHANNEL_NOT_FOUND'));
  });

  it.each([
    [{ media: 'voice-inbound', timeZone: 'UTC' }, 'name'],
    [{ name: 'x', media: 'fax', timeZone: 'UTC' }, 'media'],
    [{ name: 'x', media: 'chat', timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ name: 'x', media: 'chat', timeZone: 'UTC', intervalMinutes: 20 }, 'intervalMinutes'],
    [{ name: 'x', media: 'chat', timeZone: 'UTC', serviceLevelTarget: 0 }, 'serviceLevelTarget'],
    [{ name: 'x', media: 'chat', timeZone: 'UTC', serviceLevelTarget: 1.2 }, 'serviceLevelTarget'],
    [{ name: 'x', media: 'chat', timeZone: 'UTC', thresholdSeconds: -1 }, 'thresholdSeconds'],
    [{ name: 'x', media: 'chat', timeZone: 'UTC', shrinkage: 1 }, 'shrinkage'],
    [{ name: 'x', media: 'chat', timeZone: 'UTC', concurrency: 0.5 }, 'concurrency'],
    [{ name: 'x', media: 'chat', timeZone: 'UTC', minOccupancy: 0.9, maxOccupancy: 0.8 }, 'minOccupancy'],
    [{ name: 'x', media: 'chat', timeZone: 'UTC', colour: 'red' }, 'colour'],
  ])('refuses %j with 422 naming %s, and writes nothing', async (body, field) => {
    const res = await request(t.baseUrl).put('/api/v1/channels/bad').set(...auth()).send(body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(res.body.message).toContain(field);
    await request(t.baseUrl).get('/api/v1/channels/bad').set(...auth()).expect(failsWith(404, 'CHANNEL_NOT_FOUND'));
  });

  it('refuses a code with characters outside a-z, 0-9, _ and -', async () => {
    const res = await request(t.baseUrl).put('/api/v1/channels/Bad%20Code').set(...auth()).send({ name: 'x', media: 'chat', timeZone: 'UTC' }).expect(failsWith(422, 'VALIDATION_FAILED'));
    expect(res.body.details.errors[0].field).toBe('code');
  });
});
