import request from 'supertest';
import { failsWith } from '../support/error-body.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { startTestApp, testDatabaseUrl, type TestApp, type TenantKeys } from '../support/test-app.js';

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

  it('GET /health answers 503 DATABASE_UNAVAILABLE with Retry-After while the database is unreachable, as the API does', async () => {
    // A second app reaches the run's database through a loopback proxy; closing the proxy cuts
    // its connections and refuses new ones (ECONNREFUSED), as a database that went down would.
    const proxy = await startTcpProxy(testDatabaseUrl());
    const cut = await startTestApp({}, proxy.url);
    try {
      const keys = await cut.newTenant();
      await request(cut.baseUrl).get('/health').expect(200);
      await request(cut.baseUrl).get('/api/v1/channels').set('Authorization', `Bearer ${keys.keys.analyst}`).expect(200);
      await proxy.close();
      const health = await request(cut.baseUrl).get('/health').expect(failsWith(503, 'DATABASE_UNAVAILABLE'));
      expect(health.headers['retry-after']).toBe('5');
      expect(JSON.stringify(health.body)).not.toMatch(/ECONNREFUSED|at .*\.js:\d+/); // no driver error or stack leaks out
      const api = await request(cut.baseUrl).get('/api/v1/channels').set('Authorization', `Bearer ${keys.keys.analyst}`).expect(failsWith(503, 'DATABASE_UNAVAILABLE'));
      expect(api.headers['retry-after']).toBe('5');
    } finally {
      await proxy.close();
      await cut.close();
    }
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

  it('serves the dashboard page and its listed assets, and answers 404 ROUTE_NOT_FOUND for any other asset name', async () => {
    expect((await request(t.baseUrl).get('/').expect(200)).headers['content-type']).toMatch(/^text\/html/);
    expect((await request(t.baseUrl).get('/assets/dashboard.js').expect(200)).headers['content-type']).toMatch(/javascript/);
    // Unknown names, a name of another case, a file of web/ that is not an asset, and paths out of web/ (encoded slashes reach the name).
    for (const name of ['nope.js', 'Dashboard.js', 'index.html', '..%2Fpackage.json', '..%2F..%2Fetc%2Fpasswd', '%2Fetc%2Fpasswd']) {
      const res = await request(t.baseUrl).get(`/assets/${name}`).expect(failsWith(404, 'ROUTE_NOT_FOUND'));
      expect(res.body.message).toBe(`no asset ${decodeURIComponent(name)}`);
    }
    // A nested path matches no route at all.
    await request(t.baseUrl).get('/assets/lib/chart.umd.js').expect(failsWith(404, 'ROUTE_NOT_FOUND'));
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
