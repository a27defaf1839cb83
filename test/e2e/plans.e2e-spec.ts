import request from 'supertest';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Staffing plans from a stored forecast version. Expected agent counts: the A = 10 case of
 * pyworkforce / R ErlangC (100 contacts per 30 min, AHT 180 s, 80/20 → 14 agents, 20 with 30%
 * shrinkage; occupancy cap 0.70 → 15). Other rows are checked against the stateless
 * /staffing/calculate of the same inputs (one kernel, two entry points).
 */
describe('staffing plans', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  let versionId: string;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    await request(t.baseUrl).put('/api/v1/channels/sales').set(...as('admin'))
      .send({ name: 'Sales', media: 'voice-inbound', timeZone: 'Europe/Berlin', serviceLevelTarget: 0.8, thresholdSeconds: 20, shrinkage: 0.3 }).expect(201);
    await request(t.baseUrl).put('/api/v1/channels/chat').set(...as('admin'))
      .send({ name: 'Chat', media: 'chat', timeZone: 'UTC', intervalMinutes: 60, serviceLevelTarget: 0.8, thresholdSeconds: 20, maxOccupancy: 0.7, shrinkage: 0.3 }).expect(201);
    const csv = [
      'channel,interval_start,volume,aht_seconds,shrinkage',
      'sales,2026-03-02 09:00,100,180,',
      'sales,2026-03-02 09:30,0,180,',
      'sales,2026-03-02 10:00,250,240,0.5',
      'chat,2026-03-02T08:00:00Z,200,180,',
    ].join('\n');
    const res = await request(t.baseUrl).post('/api/v1/forecasts?label=week%2010').set(...as('planner')).set('Content-Type', 'text/csv').send(csv).expect(201);
    versionId = res.body.id;
  });
  afterAll(() => t.close());

  it('computes and stores the requirement of every interval with each channel’s goal', async () => {
    const created = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: versionId }).expect(201);
    expect(created.body).toMatchObject({ forecastVersionId: versionId, model: 'erlang-c', intervalCount: 4, createdBy: 'scheduler key', firstIntervalStart: '2026-03-02T08:00:00Z' });
    expect(created.body.channels.map((c: { channel: string }) => c.channel).sort()).toEqual(['chat', 'sales']);
    const id = created.body.id as string;

    const page = await request(t.baseUrl).get(`/api/v1/staffing/plans/${id}/intervals`).set(...as('analyst')).expect(200);
    const rows = page.body.data as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.channel, r.periodStart, r.agents, r.requiredWithShrinkage, r.binding])).toEqual([
      ['chat', '2026-03-02T08:00:00Z', expect.any(Number), expect.any(Number), expect.any(String)],
      ['sales', '2026-03-02T08:00:00Z', 14, 20, 'service-level'],
      ['sales', '2026-03-02T08:30:00Z', 0, 0, 'none'],
      ['sales', '2026-03-02T09:00:00Z', expect.any(Number), expect.any(Number), 'service-level'],
    ]);
    expect(rows[1]).toMatchObject({ periodStartLocal: '2026-03-02T09:00:00+01:00', shrinkage: 0.3 });
    expect(rows[3]).toMatchObject({ shrinkage: 0.5 });

    // The same inputs through the stateless endpoint give the same numbers.
    const check = await request(t.baseUrl).post('/api/v1/staffing/calculate').set(...as('scheduler')).send({
      intervals: [
        { channel: 'chat', volume: 200, ahtSeconds: 180 },
        { channel: 'sales', volume: 250, ahtSeconds: 240, shrinkage: 0.5 },
      ],
    }).expect(200);
    expect(rows[0]).toMatchObject({ agents: check.body.intervals[0].agents, requiredWithShrinkage: check.body.intervals[0].requiredWithShrinkage, binding: check.body.intervals[0].binding });
    expect(rows[3]).toMatchObject({ agents: check.body.intervals[1].agents, requiredWithShrinkage: check.body.intervals[1].requiredWithShrinkage });
    expect(rows[3].serviceLevel).toBe(check.body.intervals[1].serviceLevel);

    const got = await request(t.baseUrl).get(`/api/v1/staffing/plans/${id}`).set(...as('analyst')).expect(200);
    expect(got.body.totals.requiredWithShrinkageHours).toBeCloseTo(
      (rows[0].requiredWithShrinkage as number) * 1 + (20 + 0 + (rows[3].requiredWithShrinkage as number)) * 0.5, 12);
    const list = await request(t.baseUrl).get('/api/v1/staffing/plans').set(...as('analyst')).expect(200);
    expect(list.body.data.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('streams the intervals as CSV with a channel filter, and honours If-None-Match', async () => {
    const created = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: versionId, channels: ['sales'] }).expect(201);
    const url = `/api/v1/staffing/plans/${created.body.id}/intervals?format=csv&channel=sales&from=2026-03-02T08:00:00Z&to=2026-03-02T09:00:00Z`;
    const csv = await request(t.baseUrl).get(url).set(...as('analyst')).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('channel,period_start,period_start_local,volume,aht_seconds,shrinkage,agents,agents_fractional,required_with_shrinkage,service_level,asa_seconds,wait_probability,occupancy,abandon_rate,blocking_probability,binding,warnings');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^sales,2026-03-02T08:00:00Z,2026-03-02T09:00:00\+01:00,100,180,0\.3,14,13\.0\d*,20,0\.88835/);
    const etag = csv.headers.etag;
    await request(t.baseUrl).get(url).set(...as('analyst')).set('If-None-Match', etag).expect(304);
  });

  it('applies goal overrides and Erlang A over the stored goal', async () => {
    const res = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler'))
      .send({ forecastVersionId: versionId, channels: ['sales'], goal: { maxOccupancy: 0.7 } }).expect(201);
    const rows = (await request(t.baseUrl).get(`/api/v1/staffing/plans/${res.body.id}/intervals?channel=sales`).set(...as('analyst'))).body.data;
    expect(rows[0]).toMatchObject({ agents: 15, requiredWithShrinkage: 22, binding: 'occupancy' });
    const a = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler'))
      .send({ forecastVersionId: versionId, model: 'erlang-a', channels: ['sales'] });
    failsWith(422, 'VALIDATION_FAILED')(a);
    expect(a.body.details.errors[0].field).toBe('channel sales.patienceSeconds');
    const ok = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler'))
      .send({ forecastVersionId: versionId, model: 'erlang-a', patienceSeconds: 300, channels: ['sales'] }).expect(201);
    const aRows = (await request(t.baseUrl).get(`/api/v1/staffing/plans/${ok.body.id}/intervals?channel=sales`).set(...as('analyst'))).body.data;
    expect(aRows[0].abandonRate).toBeGreaterThan(0);
    expect(aRows[0].agents).toBeLessThanOrEqual(14);
  });

  it('keeps the forecast version while a plan uses it (409), frees it when the plan is deleted', async () => {
    const csv = 'channel,interval_start,volume,aht_seconds\nsales,2026-03-09 09:00,100,180\n';
    const v = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).set('Content-Type', 'text/csv').send(csv).expect(201);
    const plan = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: v.body.id }).expect(201);
    const blocked = await request(t.baseUrl).delete(`/api/v1/forecasts/${v.body.id}`).set(...as('admin'));
    failsWith(409, 'FORECAST_IN_USE')(blocked);
    await request(t.baseUrl).delete(`/api/v1/staffing/plans/${plan.body.id}`).set(...as('scheduler')).expect(204);
    await request(t.baseUrl).get(`/api/v1/staffing/plans/${plan.body.id}`).set(...as('scheduler')).expect(failsWith(404, 'PLAN_NOT_FOUND'));
    await request(t.baseUrl).delete(`/api/v1/forecasts/${v.body.id}`).set(...as('admin')).expect(204);
  });

  it('answers 404 for an unknown version, another tenant’s plan, and 422 for an unknown channel subset', async () => {
    const missing = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: '00000000-0000-4000-8000-00000000abcd' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('FORECAST_VERSION_NOT_FOUND');
    const plan = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: versionId }).expect(201);
    const other = await t.newTenant();
    const res = await request(t.baseUrl).get(`/api/v1/staffing/plans/${plan.body.id}`).set('Authorization', `Bearer ${other.keys.analyst}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('PLAN_NOT_FOUND');
    const foreignVersion = await request(t.baseUrl).post('/api/v1/staffing/plans').set('Authorization', `Bearer ${other.keys.scheduler}`).send({ forecastVersionId: versionId });
    failsWith(404, 'FORECAST_VERSION_NOT_FOUND')(foreignVersion);
    const subset = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: versionId, channels: ['nope'] });
    failsWith(422, 'VALIDATION_FAILED')(subset);
    expect(subset.body.details.errors[0].field).toBe('channels');
  });
});
