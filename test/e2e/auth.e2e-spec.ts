import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../src/platform/auth/roles.js';
import { startTestApp, TEST_ADMIN_KEY, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * The role matrix: every route of the API with the roles allowed besides admin. Written out by
 * hand from docs/api-conventions.md, so a route whose decorator drifts fails here; a
 * route missing from this table fails the coverage test below.
 */
const READ: Role[] = ['planner', 'scheduler', 'analyst'];
const ADMIN: Role[] = [];
export const ROLE_MATRIX: Record<string, Role[]> = {
  'GET /api/v1/api-keys': ADMIN,
  'POST /api/v1/api-keys': ADMIN,
  'DELETE /api/v1/api-keys/{id}': ADMIN,
  'GET /api/v1/channels': READ,
  'GET /api/v1/dashboard/range': READ,
  'GET /api/v1/channels/{code}': READ,
  'PUT /api/v1/channels/{code}': ADMIN,
  'DELETE /api/v1/channels/{code}': ADMIN,
  'POST /api/v1/staffing/calculate': ['scheduler'],
  'POST /api/v1/staffing/evaluate': ['scheduler', 'analyst'],
  'POST /api/v1/staffing/plans': ['scheduler'],
  'GET /api/v1/staffing/plans': READ,
  'GET /api/v1/staffing/plans/{id}': READ,
  'GET /api/v1/staffing/plans/{id}/intervals': READ,
  'DELETE /api/v1/staffing/plans/{id}': ['scheduler'],
  // ingestion: planners write forecasts, actuals and import mappings; everyone reads
  'POST /api/v1/forecasts': ['planner'],
  'GET /api/v1/forecasts': READ,
  'GET /api/v1/forecasts/{id}': READ,
  'GET /api/v1/forecasts/{id}/intervals': READ,
  'DELETE /api/v1/forecasts/{id}': ADMIN,
  'POST /api/v1/actuals/intervals': ['planner'],
  'GET /api/v1/actuals/intervals': READ,
  'POST /api/v1/actuals/contacts': ['planner'],
  'GET /api/v1/actuals/contacts': READ,
  'GET /api/v1/import-mappings': READ,
  'GET /api/v1/import-mappings/{name}': READ,
  'PUT /api/v1/import-mappings/{name}': ['planner'],
  'DELETE /api/v1/import-mappings/{name}': ['planner'],
  'GET /api/v1/uploads': READ,
  'GET /api/v1/uploads/{id}': READ,
  // forecasting: planners run forecasting
  'POST /api/v1/forecasts/backtest': ['planner'],
  'POST /api/v1/forecasts/generate': ['planner'],
  'PUT /api/v1/calendar/special-days': ['planner'],
  'GET /api/v1/calendar/special-days': READ,
  'GET /api/v1/reports/forecast-accuracy': READ,
  'GET /api/v1/reports/interval-comparison': READ,
  // KPI rollups: everyone reads, admins recompute
  'GET /api/v1/kpis': READ,
  'GET /api/v1/kpis/catalogue': READ,
  'POST /api/v1/kpis/recompute': ADMIN,
  'GET /api/v1/reports/calibration': READ,
  'GET /api/v1/jobs/{id}': READ,
  // adherence: schedulers write schedules, agent states and rules; everyone reads
  'POST /api/v1/schedules': ['scheduler'],
  'POST /api/v1/agent-states': ['scheduler'],
  'GET /api/v1/adherence/rules': READ,
  'PUT /api/v1/adherence/rules': ['scheduler'],
  'GET /api/v1/adherence': READ,
  'GET /api/v1/adherence/exceptions': READ,
  'GET /api/v1/staffing/headcount': READ,
  // KPI inputs and deferred contacts: planners upload inputs and set objectives and the business calendar
  'POST /api/v1/cases': ['planner'],
  'POST /api/v1/cases/updates': ['planner'],
  'POST /api/v1/quality-evaluations': ['planner'],
  'POST /api/v1/surveys': ['planner'],
  'POST /api/v1/fcr-outcomes': ['planner'],
  'POST /api/v1/costs': ['planner'],
  'POST /api/v1/workforce-events': ['planner'],
  'POST /api/v1/customer-counts': ['planner'],
  'POST /api/v1/outbound-attempts': ['planner'],
  'GET /api/v1/cases/objectives': READ,
  'PUT /api/v1/cases/objectives': ['planner'],
  'GET /api/v1/calendar/business-hours': READ,
  'PUT /api/v1/calendar/business-hours': ['planner'],
  'GET /api/v1/cases/compliance': READ,
  // scheduling: admins set the rules; schedulers keep the roster, generate and publish; everyone reads
  'GET /api/v1/scheduling/rules': READ,
  'PUT /api/v1/scheduling/rules': ADMIN,
  'POST /api/v1/agents': ['scheduler'],
  'GET /api/v1/agents': READ,
  'GET /api/v1/agents/{id}': READ,
  'PUT /api/v1/agents/{id}': ['scheduler'],
  'POST /api/v1/schedules/generate': ['scheduler'],
  'GET /api/v1/schedule-scenarios': READ,
  'GET /api/v1/schedule-scenarios/{id}': READ,
  'GET /api/v1/schedule-scenarios/{id}/coverage': READ,
  'GET /api/v1/schedule-scenarios/{id}/activities': READ,
  'POST /api/v1/schedule-scenarios/{id}/publish': ['scheduler'],
};
const PUBLIC_ROUTES = ['GET /health', 'GET /metrics'];

function concrete(path: string): string {
  return path.replace('{id}', randomUUID()).replace('{code}', `matrix-${Math.random().toString(36).slice(2, 8)}`);
}

describe('authentication and roles', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  let routes: string[];
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    const doc = await request(t.baseUrl).get('/docs-json');
    routes = Object.entries<Record<string, unknown>>(doc.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => t.close());

  it('the matrix covers every route of the OpenAPI document', () => {
    const covered = new Set([...Object.keys(ROLE_MATRIX), ...PUBLIC_ROUTES]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(Object.entries(ROLE_MATRIX))('%s: 401 without a key or with a bad one', async (route) => {
    const [method, path] = route.split(' ') as [string, string];
    const none = await request(t.baseUrl)[method.toLowerCase() as 'get'](concrete(path)).send({});
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const bad = await request(t.baseUrl)[method.toLowerCase() as 'get'](concrete(path))
      .set('Authorization', 'Bearer wfm_notakey_at_all_0000000000')
      .send({});
    expect(bad.status).toBe(401);
  });

  it.each(Object.entries(ROLE_MATRIX).flatMap(([route, allowed]) =>
    (['admin', 'planner', 'scheduler', 'analyst'] as Role[]).map((role) => [route, role, role === 'admin' || allowed.includes(role)] as const),
  ))('%s as %s: allowed=%s', async (route, role, allowed) => {
    const [method, path] = route.split(' ') as [string, string];
    const res = await request(t.baseUrl)[method.toLowerCase() as 'get'](concrete(path))
      .set('Authorization', `Bearer ${tenant.keys[role]}`)
      .send({});
    if (allowed) {
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  it('public routes need no key', async () => {
    for (const route of PUBLIC_ROUTES) {
      const [, path] = route.split(' ') as [string, string];
      expect((await request(t.baseUrl).get(path)).status).toBe(200);
    }
  });

  it('creates a key shown once, lists it by prefix without the secret, records use, revokes it', async () => {
    const created = await request(t.baseUrl)
      .post('/api/v1/api-keys')
      .set('Authorization', `Bearer ${tenant.keys.admin}`)
      .send({ name: 'bi', role: 'analyst' })
      .expect(201);
    expect(created.body.key).toMatch(/^wfm_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{30,}$/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    expect(created.body.lastUsedAt).toBeNull();

    await request(t.baseUrl).get('/api/v1/channels').set('Authorization', `Bearer ${created.body.key}`).expect(200);
    const list = await request(t.baseUrl).get('/api/v1/api-keys').set('Authorization', `Bearer ${tenant.keys.admin}`).expect(200);
    const listed = list.body.data.find((k: { id: string }) => k.id === created.body.id);
    expect(listed).toMatchObject({ name: 'bi', role: 'analyst', prefix: created.body.prefix, revokedAt: null });
    expect(listed.key).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    expect(listed.lastUsedAt).not.toBeNull();

    await request(t.baseUrl).delete(`/api/v1/api-keys/${created.body.id}`).set('Authorization', `Bearer ${tenant.keys.admin}`).expect(204);
    const after = await request(t.baseUrl).get('/api/v1/channels').set('Authorization', `Bearer ${created.body.key}`);
    expect(after.status).toBe(401);
  });

  it('stores only a hash of each key', async () => {
    const rows: Array<{ key_hash: string; prefix: string }> = await t.dataSource.query(
      'SELECT key_hash, prefix FROM api_keys WHERE tenant_id = $1',
      [tenant.tenantId],
    );
    for (const row of rows) {
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      for (const key of Object.values(tenant.keys)) expect(row.key_hash).not.toContain(key.slice(13));
    }
  });

  it('refuses to revoke the last active admin key of a tenant', async () => {
    const other = await t.newTenant();
    const list = await request(t.baseUrl).get('/api/v1/api-keys').set('Authorization', `Bearer ${other.keys.admin}`);
    const admin = list.body.data.find((k: { role: string }) => k.role === 'admin');
    const res = await request(t.baseUrl).delete(`/api/v1/api-keys/${admin.id}`).set('Authorization', `Bearer ${other.keys.admin}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LAST_ADMIN_KEY');
  });

  it('WFM_ADMIN_API_KEY is an admin key of the default tenant', async () => {
    const res = await request(t.baseUrl).get('/api/v1/api-keys').set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(res.status).toBe(200);
  });

  it('never lets one tenant read or change another tenant’s rows (404, not 403)', async () => {
    const a = await t.newTenant();
    const b = await t.newTenant();
    await request(t.baseUrl)
      .put('/api/v1/channels/private')
      .set('Authorization', `Bearer ${a.keys.admin}`)
      .send({ name: 'A only', media: 'chat', timeZone: 'UTC' })
      .expect(201);
    const aKeys = await request(t.baseUrl).get('/api/v1/api-keys').set('Authorization', `Bearer ${a.keys.admin}`);
    const aKeyId = aKeys.body.data[0].id as string;

    const read = await request(t.baseUrl).get('/api/v1/channels/private').set('Authorization', `Bearer ${b.keys.analyst}`);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('CHANNEL_NOT_FOUND');
    const list = await request(t.baseUrl).get('/api/v1/channels').set('Authorization', `Bearer ${b.keys.admin}`);
    expect(list.body.data.map((c: { code: string }) => c.code)).not.toContain('private');
    expect((await request(t.baseUrl).delete('/api/v1/channels/private').set('Authorization', `Bearer ${b.keys.admin}`)).status).toBe(404);
    expect((await request(t.baseUrl).delete(`/api/v1/api-keys/${aKeyId}`).set('Authorization', `Bearer ${b.keys.admin}`)).status).toBe(404);
    const bKeys = await request(t.baseUrl).get('/api/v1/api-keys').set('Authorization', `Bearer ${b.keys.admin}`);
    expect(bKeys.body.data.map((k: { id: string }) => k.id)).not.toContain(aKeyId);

    // The same code in tenant B is B's own channel; A's stays as it was.
    await request(t.baseUrl)
      .put('/api/v1/channels/private')
      .set('Authorization', `Bearer ${b.keys.admin}`)
      .send({ name: 'B only', media: 'email', timeZone: 'UTC' })
      .expect(201);
    const stillA = await request(t.baseUrl).get('/api/v1/channels/private').set('Authorization', `Bearer ${a.keys.analyst}`).expect(200);
    expect(stillA.body.name).toBe('A only');
    expect((await request(t.baseUrl).get(`/api/v1/channels/private`).set('Authorization', `Bearer ${a.keys.admin}`)).status).toBe(200);
  });
});
