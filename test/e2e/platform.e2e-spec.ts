import request from 'supertest';
import { startTestApp, type TestApp, type TenantKeys } from '../support/test-app.js';

describe('platform (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
  });
  afterAll(() => t.close());

  it('GET /health reports the database up, without a key', async () => {
    const res = await request(t.baseUrl).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const given = await request(t.baseUrl).get('/health').set('x-request-id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await request(t.baseUrl).get('/health').set('x-request-id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await request(t.baseUrl).get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/channels/{code}', '/api/v1/api-keys', '/health']));
    const ui = await request(t.baseUrl).get('/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('describes every DTO property in the OpenAPI document', async () => {
    const doc = await request(t.baseUrl).get('/docs-json').expect(200);
    const missing: string[] = [];
    for (const [name, schema] of Object.entries<{ properties?: Record<string, { description?: string; $ref?: string; allOf?: unknown }> }>(doc.body.components.schemas)) {
      for (const [prop, s] of Object.entries(schema.properties ?? {})) {
        if (!s.description && !s.$ref && !s.allOf) missing.push(`${name}.${prop}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('exposes Prometheus metrics with request counts and the database pool', async () => {
    await request(t.baseUrl).get('/health');
    const res = await request(t.baseUrl).get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/wfm_http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
    expect(res.text).toContain('wfm_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/wfm_db_pool_connections \d+/);
  });

  it('sets helmet security headers', async () => {
    const res = await request(t.baseUrl).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers unknown routes, malformed JSON and oversized bodies in the one error shape', async () => {
    const notFound = await request(t.baseUrl).get('/api/v1/nothing-here').set('Authorization', `Bearer ${tenant.keys.admin}`);
    expect(notFound.status).toBe(404);
    expect(notFound.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
    const bad = await request(t.baseUrl)
      .put('/api/v1/channels/x')
      .set('Authorization', `Bearer ${tenant.keys.admin}`)
      .set('Content-Type', 'application/json')
      .send('{bad json');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
  });

  it('rejects a body over the configured limit with 413', async () => {
    const small = await startTestApp({ WFM_BODY_LIMIT_BYTES: '2048' });
    try {
      const keys = await small.newTenant();
      const res = await request(small.baseUrl)
        .put('/api/v1/channels/big')
        .set('Authorization', `Bearer ${keys.keys.admin}`)
        .send({ name: 'x'.repeat(5000), media: 'chat', timeZone: 'UTC' });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    } finally {
      await small.close();
    }
  });
});
