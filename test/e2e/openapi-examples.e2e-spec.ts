import request from 'supertest';
import { DemoSeeder } from '../../src/modules/demo/demo.seeder.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { httpStatusOf, type ErrorCode } from '../../src/platform/errors/error-codes.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * The examples of the OpenAPI document (`/docs`) work as shipped. Every POST, PUT and PATCH
 * route has an example for each JSON and CSV body it accepts and for each of its path and
 * required query parameters (`@ApiRequestExample`); sent with an admin key to a fresh tenant
 * loaded with the demo data, every one answers 2xx. Every documented error status shows an
 * example of its own status and a code of that status. A new route without a working example
 * fails here.
 */
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: string | number | boolean;
}
interface MediaType {
  example?: unknown;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

/** One example request: the route, the media type of its body (null: no body), the body and the URL with its parameters. */
interface ExampleRequest {
  route: string;
  method: 'post' | 'put' | 'patch';
  url: string;
  mediaType: 'application/json' | 'text/csv' | null;
  body: unknown;
}

const WRITES = ['post', 'put', 'patch'] as const;
/** The body media types whose examples are sent (a multipart form holds the same CSV as a file part: not sent). */
const SENT_MEDIA_TYPES = ['text/csv', 'application/json'] as const;
/**
 * Routes whose examples others need, sent first in this order: a plan staffs a forecast version,
 * a case update names a case, a schedule is generated from a plan, a scenario is published.
 */
const FIRST = ['POST /api/v1/forecasts', 'POST /api/v1/cases', 'POST /api/v1/staffing/plans', 'POST /api/v1/schedules/generate', 'POST /api/v1/schedule-scenarios/{id}/publish'];

describe('OpenAPI examples', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  let document: Document;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    await t.app.get(DemoSeeder).seedTenant(tenant.tenantId);
    document = (await request(t.baseUrl).get('/docs-json').expect(200)).body as Document;
  }, 120_000);
  afterAll(() => t?.close());

  /** Every write route's examples, in an order that meets their dependencies, and what is missing. */
  function exampleRequests(): { requests: ExampleRequest[]; missing: string[] } {
    const requests: ExampleRequest[] = [];
    const missing: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of WRITES) {
        const operation = item[method];
        if (!operation) continue;
        const route = `${method.toUpperCase()} ${path}`;
        let url = path;
        const query = new URLSearchParams();
        for (const p of operation.parameters ?? []) {
          const needed = p.in === 'path' || (p.in === 'query' && p.required);
          if (!needed) continue;
          if (p.example === undefined) missing.push(`${route}: ${p.in} parameter ${p.name}`);
          else if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
          else query.set(p.name, String(p.example));
        }
        if (query.size) url += `?${query.toString()}`;
        const content = operation.requestBody?.content;
        if (!content) {
          requests.push({ route, method, url, mediaType: null, body: undefined });
          continue;
        }
        for (const mediaType of SENT_MEDIA_TYPES.filter((m) => content[m])) {
          if (content[mediaType].example === undefined) missing.push(`${route}: ${mediaType} body`);
          else requests.push({ route, method, url, mediaType, body: content[mediaType].example });
        }
      }
    }
    const rank = (r: ExampleRequest): number => (FIRST.includes(r.route) ? FIRST.indexOf(r.route) : FIRST.length);
    return { requests: requests.sort((a, b) => rank(a) - rank(b)), missing };
  }

  it('has an example for every body (JSON and CSV) and every path and required query parameter of every write route', () => {
    const { requests, missing } = exampleRequests();
    expect(missing).toEqual([]);
    // api-keys, channels, staffing (3), import-mappings, forecasts, actuals (2), schedules, agent-states,
    // adherence rules, forecasting (2), special days, objectives, business hours, nine KPI inputs, KPI recompute.
    expect(new Set(requests.map((r) => r.route)).size).toBeGreaterThanOrEqual(27);
  });

  it('accepts every example as shipped (2xx), the plan staffing the forecast version its example created', async () => {
    const failures: unknown[] = [];
    let forecastVersionId: string | null = null;
    let planId: string | null = null;
    let scenarioId: string | null = null;
    for (const r of exampleRequests().requests) {
      let body = r.body;
      let url = r.url;
      // The substitutions: ids of stored things no example id can name on every install. A plan
      // names a forecast version; a schedule generation names a plan; a publication names the
      // scenario of the generation job.
      if (r.route === 'POST /api/v1/staffing/plans') body = { ...(body as object), forecastVersionId };
      if (r.route === 'POST /api/v1/schedules/generate') body = { ...(body as object), plan: planId };
      if (r.route === 'POST /api/v1/schedule-scenarios/{id}/publish') url = `/api/v1/schedule-scenarios/${scenarioId}/publish`;
      let call = request(t.baseUrl)[r.method](url).set('Authorization', `Bearer ${tenant.keys.admin}`);
      if (r.mediaType) call = call.set('Content-Type', r.mediaType).send(body as string | object);
      const res = await call;
      if (res.status < 200 || res.status > 299) failures.push({ route: r.route, mediaType: r.mediaType, status: res.status, body: res.body as unknown });
      if (r.route === 'POST /api/v1/forecasts') forecastVersionId ??= (res.body as { id: string }).id;
      if (r.route === 'POST /api/v1/staffing/plans') planId ??= (res.body as { id: string }).id;
      if (r.route === 'POST /api/v1/schedules/generate' && res.status === 202) {
        const jobId = (res.body as { id: string }).id;
        await t.app.get(JobsService).settled(jobId);
        const job = await request(t.baseUrl).get(`/api/v1/jobs/${jobId}`).set('Authorization', `Bearer ${tenant.keys.admin}`);
        const done = job.body as { status: string; result: { id: string } | null; error: unknown };
        if (done.status !== 'succeeded') failures.push({ route: r.route, job: done });
        scenarioId ??= done.result?.id ?? null;
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('shows every documented error status an example of that status with a code of that status', () => {
    const wrong: unknown[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400 || (Number(status) >= 500 && !response.content)) continue;
          const media = Object.entries(response.content ?? { '(no content)': {} });
          for (const [mediaType, { example }] of media) {
            checked++;
            const e = example as { statusCode?: number; code?: ErrorCode; message?: string } | undefined;
            const ok = e?.statusCode === Number(status) && e.code !== undefined && httpStatusOf(e.code) === Number(status) && typeof e.message === 'string' && e.message.length > 0;
            if (!ok) wrong.push({ route: `${method.toUpperCase()} ${path}`, status, mediaType, example });
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('names in each error example the first code of that status its description gives', () => {
    const responses = document.paths['/api/v1/staffing/calculate'].post.responses;
    const codeOf = (status: string): unknown => (responses[status].content?.['application/json'].example as { code: string }).code;
    expect([codeOf('401'), codeOf('403'), codeOf('413'), codeOf('422')]).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_INTERVALS', 'VALIDATION_FAILED']);
    const upload = document.paths['/api/v1/forecasts'].post.responses;
    expect((upload['415'].content?.['application/json'].example as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((upload['422'].content?.['application/json'].example as { code: string }).code).toBe('INVALID_ROWS');
  });
});
