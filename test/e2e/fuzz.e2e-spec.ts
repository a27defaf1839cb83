import request from 'supertest';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Malformed input on every route: each operation of the OpenAPI document (and the dashboard's
 * asset route) gets malformed path parameters, query parameters, JSON bodies and upload bodies,
 * and must answer a 4xx with a `code` (or a 2xx), never a 5xx. Dates that do not exist, or lie
 * outside 1900–2200, must be refused (4xx), not rolled over. Valid seeds are mutated one field at
 * a time so that each mutation reaches the check of that field.
 */

type Operation = { method: 'get' | 'post' | 'put' | 'delete'; path: string; params: Array<{ in: string; name: string }>; consumes: string[] };

const b64 = (s: string): string => Buffer.from(s).toString('base64url');

/** Path parameter values no route can take. */
const PATH_VALUES = ['x%00y', '%E0%A4%A', 'a'.repeat(3000), '00000000-0000-0000-0000-000000000000', 'not-a-uuid', '%2e%2e', '%F0%9F%92%A9', '%20'];

/** Dates and instants that do not exist or lie outside 1900–2200: always refused. */
const IMPOSSIBLE_DATES = ['2030-02-30', '2031-02-29', '0000-01-01', '1899-12-31', '2201-01-01', '2030-04-31T00:00:00+02:00', '9999-12-31T23:59:59Z'];
const BAD_DATES = ['2030-13-01', 'yesterday'];
const BAD_NUMBERS = ['-1', '0', '1e400', '99999999999999999999', '0x10'];
const FORGED_CURSORS = [
  b64('{"x":1}'), '!!!', b64('["voice","\u0000"]'), b64('["voice","2030-02-30T00:00:00Z"]'), b64('["voice","99999999999999999999"]'),
  b64('["voice","x|y|z"]'), b64('["2030-02-30T00:00:00Z","00000000-0000-0000-0000-000000000000"]'), b64(`["voice","${'9'.repeat(400)}"]`),
  b64('["-100000-01-01T00:00:00Z","00000000-0000-0000-0000-000000000000"]'), b64('2030-02-30T00:00:00Z|00000000-0000-0000-0000-000000000000'),
  b64('-100000-01-01T00:00:00Z|00000000-0000-0000-0000-000000000000'),
];
const GENERIC_QUERY = ['%00', 'a'.repeat(2000), '', 'not-a-uuid'];

/**
 * JSON values a field of a body may receive: every field gets null and every other one of the
 * rest (NUL bytes and deep nesting are refused before any route, probed once per route).
 */
const BODY_VALUES: unknown[] = [1e308, -1, 1.5, '', 'x'.repeat(10_000), [], {}, true, '2030-02-30', '0000-01-01', [null], 1e19];

/** Values every cell of an upload gets, and numbers every other cell gets. */
const CELL_VALUES = ['\u0000', 'x'.repeat(10_000)];
const CELL_NUMBERS = ['1e19', '1e400', '-1', 'NaN'];
/** Dates every date or instant cell gets: each must be refused. */
const CELL_DATES = ['2030-02-30', '2030-02-30T09:00:00Z', '0000-01-01T00:00:00Z', '1899-12-31'];

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** Paths of the leaves of a JSON seed (object keys, and the first item of arrays). */
function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.length ? [path, ...leaves(value[0], [...path, 0])] : [path];
  if (value && typeof value === 'object') return [path, ...Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))];
  return [path];
}

function withValue(seed: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(seed) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

describe('fuzz: malformed input on every route answers 4xx with a code, never 5xx', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  let operations: Operation[];
  const ids: Record<string, string> = {};
  const failures: string[] = [];
  const admin = (): [string, string] => ['Authorization', `Bearer ${tenant.keys.admin}`];

  /** Sends one request and records it when it answers 5xx, or a 4xx without a code, or (mustRefuse) a 2xx/3xx. */
  async function probe(label: string, send: () => request.Test, mustRefuse = false): Promise<void> {
    let res: request.Response;
    const t0 = Date.now();
    try {
      res = await send().timeout(20_000);
      if (process.env.WFM_FUZZ_TRACE && Date.now() - t0 > 500) process.stderr.write(`slow ${Date.now() - t0} ms: ${label}\n`);
    } catch (error) {
      failures.push(`${label} → ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const body = res.body as { code?: unknown } | undefined;
    const coded = typeof body?.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(body.code);
    if (res.status >= 500 || (res.status >= 400 && !coded) || (mustRefuse && res.status < 400)) {
      failures.push(`${label} → ${res.status} ${JSON.stringify(res.body ?? res.text).slice(0, 200)}`);
    }
  }

  /** Runs the probes, a few at a time. */
  async function runAll(probes: Array<() => Promise<void>>, concurrency = 6): Promise<void> {
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < probes.length) await probes[next++]();
    }));
  }

  const url = (op: Operation, path: Record<string, string> = {}): string =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => path[name] ?? ids[name === 'code' ? 'channel' : name === 'name' ? 'mapping' : `${op.path.split('/')[3]}`] ?? 'x');
  const send = (op: Operation, target: string): request.Test => request(t.baseUrl)[op.method](target).set(...admin());

  beforeAll(async () => {
    t = await startTestApp({ WFM_DB_POOL_SIZE: '12' });
    tenant = await t.newTenant();
    for (const [code, media] of [['voice', 'voice-inbound'], ['mail', 'email']]) {
      await request(t.baseUrl).put(`/api/v1/channels/${code}`).set(...admin()).send({ name: code, media, timeZone: 'UTC', intervalMinutes: 30, thresholdSeconds: 20 }).expect(201);
    }
    ids.channel = 'voice';
    const forecast = await request(t.baseUrl).post('/api/v1/forecasts').set(...admin()).set('Content-Type', 'text/csv')
      .send('channel,interval_start,volume,aht_seconds\nvoice,2026-03-02T09:00:00Z,100,180\n').expect(201);
    ids.forecasts = forecast.body.id;
    const plan = await request(t.baseUrl).post('/api/v1/staffing/plans').set(...admin()).send({ forecastVersionId: forecast.body.id }).expect(201);
    ids.staffing = plan.body.id;
    ids.uploads = forecast.body.uploadId;
    ids['api-keys'] = '00000000-0000-0000-0000-000000000000';
    ids.jobs = '00000000-0000-0000-0000-000000000000';
    ids.mapping = 'fuzz-mapping';
    const doc = await request(t.baseUrl).get('/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: { content: Record<string, unknown> } }>>;
    operations = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, o]) => ({ method: method as Operation['method'], path, params: o.parameters ?? [], consumes: Object.keys(o.requestBody?.content ?? {}) })));
  });
  afterAll(() => t.close());

  afterEach(() => {
    const found = failures.splice(0);
    expect(found.slice(0, 60)).toEqual([]);
  });

  it('path parameters', async () => {
    const probes: Array<() => Promise<void>> = [];
    for (const op of operations.filter((o) => o.path.includes('{'))) {
      for (const value of PATH_VALUES) {
        const target = op.path.replace(/\{\w+\}/g, value);
        probes.push(() => probe(`${op.method.toUpperCase()} ${target.slice(0, 120)}`, () => send(op, target).send(op.method === 'put' ? {} : undefined)));
      }
    }
    for (const value of PATH_VALUES) probes.push(() => probe(`GET /assets/${value.slice(0, 40)}`, () => request(t.baseUrl).get(`/assets/${value}`)));
    probes.push(() => probe('GET /assets/..%2F..%2Fpackage.json', () => request(t.baseUrl).get('/assets/..%2F..%2Fpackage.json')));
    await runAll(probes);
  });

  it('query parameters (impossible dates are refused)', async () => {
    const probes: Array<() => Promise<void>> = [];
    for (const op of operations.filter((o) => o.params.some((p) => p.in === 'query'))) {
      const names = op.params.filter((p) => p.in === 'query').map((p) => p.name);
      const base: Record<string, string> = {};
      if (names.includes('channel')) base.channel = 'voice';
      if (names.includes('from')) base.from = '2026-03-01';
      if (names.includes('to')) base.to = '2026-03-03';
      if (names.includes('forecastVersion') && op.path !== '/api/v1/kpis') base.forecastVersion = ids.forecasts;
      const target = url(op);
      for (const name of names) {
        const dated = ['from', 'to', 'asOf'].includes(name);
        const values = [
          ...GENERIC_QUERY,
          ...(dated ? [...IMPOSSIBLE_DATES, ...BAD_DATES] : []),
          ...(['limit', 'minSeconds'].includes(name) ? BAD_NUMBERS : []),
          ...(name === 'cursor' ? FORGED_CURSORS : []),
        ];
        for (const value of values) {
          const query = Object.entries({ ...base, [name]: value }).map(([k, v]) => `${k}=${k === name ? value : encodeURIComponent(v)}`).join('&');
          const refuse = dated && IMPOSSIBLE_DATES.includes(value);
          probes.push(() => probe(`${op.method.toUpperCase()} ${target}?${query.slice(0, 160)}`, () => send(op, `${target}?${query.replace(/#/g, '%23').replace(/ /g, '%20')}`).send(op.consumes.includes('application/json') ? {} : undefined), refuse));
        }
        probes.push(() => probe(`${op.method.toUpperCase()} ${target} ${name} repeated`, () => send(op, `${target}?${name}=a&${name}=b`)));
      }
      probes.push(() => probe(`${op.method.toUpperCase()} ${target}?unknown`, () => send(op, `${target}?zzz=1&__proto__=1&constructor[prototype]=1`)));
    }
    await runAll(probes);
  });

  it('JSON bodies: every field of a valid body replaced by malformed values, and malformed documents', async () => {
    const seeds: Record<string, unknown> = {
      'POST /api/v1/api-keys': { name: 'fuzz', role: 'analyst' },
      'PUT /api/v1/channels/{code}': { name: 'Fuzz', media: 'chat', timeZone: 'Europe/Berlin', intervalMinutes: 15, thresholdSeconds: 30, serviceLevelTarget: 0.8, shrinkage: 0.3, concurrency: 2 },
      'POST /api/v1/staffing/calculate': { model: 'erlang-a', intervalMinutes: 30, goal: { serviceLevelTarget: 0.8, thresholdSeconds: 20, maxOccupancy: 0.9 }, patienceSeconds: 120, shrinkage: 0.3, concurrency: 1, intervals: [{ start: '2026-03-02T09:00:00Z', channel: 'voice', volume: 100, ahtSeconds: 180, shrinkage: 0.2 }] },
      'POST /api/v1/staffing/evaluate': { model: 'erlang-c', goal: { serviceLevelTarget: 0.8, thresholdSeconds: 20 }, intervals: [{ channel: 'voice', volume: 100, ahtSeconds: 180, agents: 14 }] },
      'POST /api/v1/staffing/plans': { forecastVersionId: '<forecast>', label: 'fuzz', model: 'erlang-c', channels: ['voice'] },
      'PUT /api/v1/import-mappings/{name}': { description: 'fuzz', kind: 'contacts', delimiter: ';', dateTimeFormat: 'dd/mm/yyyy hh:mm:ss', nullValues: { Agent: ['-'] }, skipRows: [{ Result: 'TEST' }], fields: { channel: { column: 'Queue', values: { Q1: 'voice' } }, contact_id: 'Id', arrived_at: 'Start', handle_seconds: 'Talk', wait_seconds: 'Wait' } },
      'PUT /api/v1/adherence/rules': { graceSeconds: 30, satisfies: { work: ['available'] } },
      'POST /api/v1/forecasts/backtest': { channels: ['voice'], from: '2026-02-02', to: '2026-02-16', horizonDays: 7, historyWeeks: 4, methods: ['seasonal-naive'] },
      'POST /api/v1/forecasts/generate': { channels: ['voice'], horizonStart: '2026-02-16', horizonDays: 7, method: 'seasonal-naive', label: 'fuzz' },
      'PUT /api/v1/calendar/special-days': { days: [{ date: '2026-12-25', channel: 'voice', label: 'Christmas', kind: 'closed' }] },
      'PUT /api/v1/cases/objectives': { priorities: [{ priority: 'P1', initialResponse: { amount: 15, unit: 'minutes', clock: '24x7' }, updateCadence: { amount: 1, unit: 'hours', clock: '24x7' }, resolution: null }] },
      'PUT /api/v1/calendar/business-hours': { timeZone: 'UTC', workingDays: ['mon', 'tue'], opensAt: '09:00', closesAt: '17:00', holidays: ['2026-12-25'] },
    };
    const probes: Array<() => Promise<void>> = [];
    for (const op of operations.filter((o) => o.consumes.includes('application/json'))) {
      const key = `${op.method.toUpperCase()} ${op.path}`;
      const target = url(op, { code: 'fuzz-channel', name: 'fuzz-mapping' });
      const raw = (label: string, type: string, text: string): void => {
        probes.push(() => probe(`${key} ${label}`, () => send(op, target).set('Content-Type', type).send(text)));
      };
      raw('deep array', 'application/json', nested(5000));
      raw('deep object', 'application/json', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000));
      raw('deep rows', 'application/json', `{"rows":[${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}]}`);
      raw('NUL key', 'application/json', '{"\\u0000":1}');
      raw('truncated', 'application/json', '{"a":');
      raw('not an object', 'application/json', '"text"');
      raw('null', 'application/json', 'null');
      raw('array', 'application/json', '[1,2]');
      raw('proto', 'application/json', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}');
      raw('bad charset', 'application/json; charset=latin1', '{}');
      raw('form', 'application/x-www-form-urlencoded', 'a=1');
      raw('multipart without boundary', 'multipart/form-data', '--x\r\n');
      const seed = seeds[key];
      if (seed === undefined) continue;
      const valid = JSON.parse(JSON.stringify(seed).replace('"<forecast>"', JSON.stringify(ids.forecasts))) as unknown;
      leaves(valid).forEach((path, k) => {
        for (const value of [null, ...BODY_VALUES.filter((_, j) => (j + k) % 2 === 0)]) {
          const body = withValue(valid, path, value);
          probes.push(() => probe(`${key} ${path.join('.') || '(body)'}=${JSON.stringify(value).slice(0, 30)}`, () => send(op, target).set('Content-Type', 'application/json').send(JSON.stringify(body))));
        }
      });
    }
    await runAll(probes);
  });

  it('upload bodies: every cell of a valid CSV replaced by malformed values, malformed CSV, JSON rows and multipart', async () => {
    const seeds: Record<string, string> = {
      '/api/v1/forecasts': 'channel,interval_start,volume,aht_seconds,shrinkage\nvoice,2026-04-02T09:00:00Z,120,180,0.3',
      '/api/v1/actuals/intervals': 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds\nvoice,2026-03-02T09:00:00Z,100,90,5,80,3,20,16200,900',
      '/api/v1/actuals/contacts': 'channel,contact_id,arrived_at,answered_at,ended_at,abandoned_at,handle_seconds,wait_seconds,agent_id,outcome\nvoice,c1,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,2026-03-02T09:03:10Z,,180,10,a1,answered',
      '/api/v1/schedules': 'agent_id,team,channels,activity,start,end\na1,red,voice,work,2026-03-02T09:00:00Z,2026-03-02T12:00:00Z',
      '/api/v1/agent-states': 'agent_id,state,start,end\na1,available,2026-03-02T09:00:00Z,2026-03-02T12:00:00Z',
      '/api/v1/agents': 'agent_id,team,channels,min_weekly_hours,max_weekly_hours,available_days,available_from,available_to\na1,red,voice,20,40,mon-fri,08:00,18:00',
      '/api/v1/cases': 'case_id,channel,priority,created_at,first_response_at,auto_reply_at,resolved_at,contact_type\nC1,mail,P1,2026-03-02T09:00:00Z,2026-03-02T09:10:00Z,2026-03-02T09:00:30Z,2026-03-02T12:00:00Z,billing',
      '/api/v1/cases/updates': 'case_id,updated_at\nC1,2026-03-02T10:00:00Z',
      '/api/v1/quality-evaluations': 'contact_id,agent_id,date,score,max_score,channel\nk1,a1,2026-03-02,42,50,mail',
      '/api/v1/surveys': 'kind,date,channel,agent,score,scale_min,scale_max\ncsat,2026-03-02,mail,a1,5,1,5',
      '/api/v1/fcr-outcomes': 'contact_id,channel,date,resolved_first_time\nk1,mail,2026-03-02,true',
      '/api/v1/costs': 'kind,period_start,period_end,channel,category,contact_type,amount,currency\nbudget,2026-03-01,2026-04-01,,staff,,131000.25,EUR',
      '/api/v1/workforce-events': 'agent_id,date,event,voluntary,team\na1,2026-01-05,hired,,red',
      '/api/v1/customer-counts': 'period_start,period_end,channel,customers\n2026-01-01,2027-01-01,mail,40000',
      '/api/v1/outbound-attempts': 'target_id,attempted_at,channel,agent_id,right_party\nt1,2026-03-02T09:00:00Z,mail,a1,false',
    };
    const uploads = operations.filter((o) => o.consumes.includes('multipart/form-data'));
    expect(uploads.map((o) => o.path).sort()).toEqual(Object.keys(seeds).sort());
    const probes: Array<() => Promise<void>> = [];
    for (const op of uploads) {
      const post = (label: string, type: string, body: string | Buffer | object, refuse = false): void => {
        probes.push(() => probe(`POST ${op.path} ${label}`, () => send(op, op.path).set('Content-Type', type).send(body), refuse));
      };
      const [header, row] = seeds[op.path].split('\n');
      const columns = header.split(',');
      const cells = row.split(',');
      cells.forEach((_, k) => {
        const dated = /(date|_at|start|end)$/.test(columns[k]);
        const values = [...CELL_VALUES, ...(dated ? CELL_DATES : CELL_NUMBERS.filter((_v, j) => (j + k) % 2 === 0))];
        for (const value of values) {
          const bad = [...cells];
          bad[k] = value;
          // A NUL byte, or a date that does not exist or lies outside 1900–2200, is refused wherever it is.
          post(`${columns[k]}=${JSON.stringify(value).slice(0, 30)}`, 'text/csv', `${header}\n${bad.join(',')}\n`, value.includes('\0') || (dated && /^\d{4}-/.test(value)));
        }
      });
      post('NUL in header', 'text/csv', `${header}\u0000\n${row}\n`, true);
      post('unterminated quote', 'text/csv', `${header}\n"${row}\n`, true);
      post('binary', 'text/csv', Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x0a]), true);
      post('UTF-16 charset', 'text/csv; charset=utf-16', `${header}\n${row}\n`, true);
      post('JSON rows not an array', 'application/json', { rows: 'x' }, true);
      post('JSON rows of null', 'application/json', { rows: [null, 1, 'x', []] }, true);
      post('JSON row with objects', 'application/json', { rows: [Object.fromEntries(columns.map((c) => [c.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase()), { a: 1 }]))] }, true);
      post('JSON row with NUL', 'application/json', { rows: [Object.fromEntries(columns.map((c) => [c.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase()), 'x\u0000']))] }, true);
      post('multipart unclosed', 'multipart/form-data; boundary=XX', `--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${header}`, true);
      post('multipart NUL field', 'multipart/form-data; boundary=XX', `--XX\r\nContent-Disposition: form-data; name="label"\r\n\r\na\u0000b\r\n--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${header}\n${row}\r\n--XX--\r\n`, true);
      post('multipart NUL file name', 'multipart/form-data; boundary=XX', `--XX\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''a%00b.csv\r\n\r\n${header}\n${row}\r\n--XX--\r\n`, true);
      probes.push(() => probe(`POST ${op.path} long Idempotency-Key`, () => send(op, op.path).set('Content-Type', 'text/csv').set('Idempotency-Key', 'k'.repeat(5000)).send(`${header}\n${row}\n`), true));
    }
    await runAll(probes, 4);
  });
});
