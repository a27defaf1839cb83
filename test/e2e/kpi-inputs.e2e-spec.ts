import request from 'supertest';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * The nine KPI input uploads over HTTP: for each kind a good file (rows counted in the table
 * afterwards, and every stored column read back by value), a bad file (422 INVALID_ROWS naming
 * line and column, nothing written) and the same bytes twice (duplicate: true, nothing written
 * twice). Expected counts are the rows of the files written out here; expected stored rows are
 * those files transcribed by hand into the table's columns (instants in UTC, channels by code,
 * booleans and empty fields as stored), so a column written into another (a survey's scale_min
 * and scale_max swapped) fails. The KPIs these inputs produce are checked in kpis.e2e-spec.ts,
 * which uploads its inputs through the same endpoints.
 */
interface KindCase {
  path: string;
  table: string;
  good: string;
  rows: number;
  /** The stored columns of the good file's rows (SQL select list over the table `x`), their order, and the rows by hand. */
  stored: { columns: string; orderBy: string; rows: Array<Record<string, unknown>> };
  bad: string;
  error: { line: number; column: string; value: string; reason?: string };
}

/** SQL: a timestamptz column as an ISO instant in UTC, whatever the session zone. */
const utc = (column: string): string => `to_char(x.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS ${column}`;
/** SQL: the channel code of the row's channel_id (null for all channels). */
const CHANNEL = '(SELECT code FROM channels c WHERE c.tenant_id = x.tenant_id AND c.id = x.channel_id) AS channel';

const KINDS: KindCase[] = [
  {
    path: '/api/v1/cases', table: 'cases', rows: 3,
    good: ['case_id,channel,priority,created_at,first_response_at,auto_reply_at,resolved_at,contact_type',
      'C1,mail,P1,2026-03-02T09:00:00Z,2026-03-02T09:10:00Z,2026-03-02T09:00:30Z,2026-03-02T12:00:00Z,billing',
      'C2,mail,P2,2026-03-02 10:00,,,,', // wall clock of the channel (UTC)
      'C3,mail,P4,2026-03-02T11:00:00+01:00,2026-03-03T09:00:00Z,,,'].join('\n'),
    stored: {
      columns: `case_id, ${CHANNEL}, priority, ${utc('created_at')}, ${utc('first_response_at')}, ${utc('auto_reply_at')}, ${utc('resolved_at')}, contact_type`,
      orderBy: 'case_id',
      rows: [
        { case_id: 'C1', channel: 'mail', priority: 'P1', created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:10:00Z', auto_reply_at: '2026-03-02T09:00:30Z', resolved_at: '2026-03-02T12:00:00Z', contact_type: 'billing' },
        { case_id: 'C2', channel: 'mail', priority: 'P2', created_at: '2026-03-02T10:00:00Z', first_response_at: null, auto_reply_at: null, resolved_at: null, contact_type: null },
        { case_id: 'C3', channel: 'mail', priority: 'P4', created_at: '2026-03-02T10:00:00Z', first_response_at: '2026-03-03T09:00:00Z', auto_reply_at: null, resolved_at: null, contact_type: null },
      ],
    },
    bad: ['case_id,channel,priority,created_at,first_response_at,auto_reply_at,resolved_at',
      'C9,mail,P1,2026-03-02T09:00:00Z,,,',
      'C10,mail,P1,2026-03-02T09:00:00Z,2026-03-02T08:00:00Z,,'].join('\n'),
    error: { line: 3, column: 'first_response_at', value: '2026-03-02T08:00:00Z', reason: 'must not be before created_at' },
  },
  {
    path: '/api/v1/quality-evaluations', table: 'quality_evaluations', rows: 2,
    good: ['contact_id,agent_id,date,score,max_score,channel', 'k1,a1,2026-03-02,42,50,mail', 'k2,a2,2026-03-02,7.5,10,'].join('\n'),
    stored: {
      columns: `contact_id, agent_id, evaluated_on::text AS evaluated_on, score, max_score, ${CHANNEL}`,
      orderBy: 'line',
      rows: [
        { contact_id: 'k1', agent_id: 'a1', evaluated_on: '2026-03-02', score: 42, max_score: 50, channel: 'mail' },
        { contact_id: 'k2', agent_id: 'a2', evaluated_on: '2026-03-02', score: 7.5, max_score: 10, channel: null },
      ],
    },
    bad: ['contact_id,agent_id,date,score,max_score', 'k1,a1,2026-03-02,42,50', 'k2,a2,2026-02-30,7,10'].join('\n'),
    error: { line: 3, column: 'date', value: '2026-02-30', reason: 'must be a date YYYY-MM-DD' },
  },
  {
    path: '/api/v1/surveys', table: 'survey_responses', rows: 2,
    good: ['kind,date,channel,agent,score,scale_min,scale_max', 'csat,2026-03-02,mail,a1,5,1,5', 'engagement,2026-03-01,,,3,1,7'].join('\n'),
    stored: {
      columns: `kind, responded_on::text AS responded_on, ${CHANNEL}, agent_id, score, scale_min, scale_max`,
      orderBy: 'line',
      rows: [
        { kind: 'csat', responded_on: '2026-03-02', channel: 'mail', agent_id: 'a1', score: 5, scale_min: 1, scale_max: 5 },
        { kind: 'engagement', responded_on: '2026-03-01', channel: null, agent_id: null, score: 3, scale_min: 1, scale_max: 7 },
      ],
    },
    bad: ['kind,date,channel,agent,score,scale_min,scale_max', 'csat,2026-03-02,mail,a1,6,1,5'].join('\n'),
    error: { line: 2, column: 'score', value: '6', reason: 'must be on the scale [scale_min, scale_max]' },
  },
  {
    path: '/api/v1/fcr-outcomes', table: 'fcr_outcomes', rows: 2,
    good: ['contact_id,channel,date,resolved_first_time', 'k1,mail,2026-03-02,true', 'k2,,2026-03-02,no'].join('\n'),
    stored: {
      columns: `contact_id, ${CHANNEL}, contact_on::text AS contact_on, resolved_first_time`,
      orderBy: 'contact_id',
      rows: [
        { contact_id: 'k1', channel: 'mail', contact_on: '2026-03-02', resolved_first_time: true },
        { contact_id: 'k2', channel: null, contact_on: '2026-03-02', resolved_first_time: false },
      ],
    },
    bad: ['contact_id,channel,date,resolved_first_time', 'k1,mail,2026-03-02,maybe'].join('\n'),
    error: { line: 2, column: 'resolved_first_time', value: 'maybe' },
  },
  {
    path: '/api/v1/costs', table: 'cost_entries', rows: 3,
    good: ['kind,period_start,period_end,channel,category,contact_type,amount,currency',
      'actual,2026-03-01,2026-04-01,mail,staff,,125000.50,EUR',
      'budget,2026-03-01,2026-04-01,,staff,,130000,EUR',
      'revenue,2026-03-01,2026-04-01,mail,sales,upgrade,9000,EUR'].join('\n'),
    stored: {
      // amount is numeric: the driver gives it as the exact decimal string
      columns: `kind, period_start::text AS period_start, period_end::text AS period_end, ${CHANNEL}, category, contact_type, amount, currency`,
      orderBy: 'kind',
      rows: [
        { kind: 'actual', period_start: '2026-03-01', period_end: '2026-04-01', channel: 'mail', category: 'staff', contact_type: null, amount: '125000.50', currency: 'EUR' },
        { kind: 'budget', period_start: '2026-03-01', period_end: '2026-04-01', channel: null, category: 'staff', contact_type: null, amount: '130000', currency: 'EUR' },
        { kind: 'revenue', period_start: '2026-03-01', period_end: '2026-04-01', channel: 'mail', category: 'sales', contact_type: 'upgrade', amount: '9000', currency: 'EUR' },
      ],
    },
    bad: ['kind,period_start,period_end,channel,category,contact_type,amount,currency', 'actual,2026-03-01,2026-04-01,fax,staff,,1,EUR'].join('\n'),
    error: { line: 2, column: 'channel', value: 'fax', reason: 'is not a channel of the tenant' },
  },
  {
    path: '/api/v1/workforce-events', table: 'workforce_events', rows: 2,
    good: ['agent_id,date,event,voluntary,team', 'a1,2026-01-05,hired,,red', 'a1,2026-03-02,left,yes,red'].join('\n'),
    stored: {
      columns: 'agent_id, event_on::text AS event_on, event, voluntary, team',
      orderBy: 'event_on',
      rows: [
        { agent_id: 'a1', event_on: '2026-01-05', event: 'hired', voluntary: null, team: 'red' },
        { agent_id: 'a1', event_on: '2026-03-02', event: 'left', voluntary: true, team: 'red' },
      ],
    },
    bad: ['agent_id,date,event,voluntary,team', 'a1,2026-01-05,fired,,red'].join('\n'),
    error: { line: 2, column: 'event', value: 'fired', reason: 'must be one of hired, left' },
  },
  {
    path: '/api/v1/customer-counts', table: 'customer_counts', rows: 2,
    good: ['period_start,period_end,channel,customers', '2026-01-01,2027-01-01,,120000', '2026-01-01,2027-01-01,mail,40000'].join('\n'),
    stored: {
      // customers is bigint: the driver gives it as a string
      columns: `period_start::text AS period_start, period_end::text AS period_end, ${CHANNEL}, customers`,
      orderBy: 'channel_id NULLS FIRST',
      rows: [
        { period_start: '2026-01-01', period_end: '2027-01-01', channel: null, customers: '120000' },
        { period_start: '2026-01-01', period_end: '2027-01-01', channel: 'mail', customers: '40000' },
      ],
    },
    bad: ['period_start,period_end,channel,customers', '2026-02-01,2026-01-01,,5'].join('\n'),
    error: { line: 2, column: 'period_end', value: '2026-01-01' },
  },
  {
    path: '/api/v1/outbound-attempts', table: 'outbound_attempts', rows: 3,
    good: ['target_id,attempted_at,channel,agent_id,right_party', 't1,2026-03-02T09:00:00Z,mail,a1,false', 't1,2026-03-02T11:00:00Z,mail,a1,true', 't2,2026-03-02T09:05:00Z,,,n'].join('\n'),
    stored: {
      columns: `target_id, ${utc('attempted_at')}, ${CHANNEL}, agent_id, right_party`,
      orderBy: 'target_id, attempted_at',
      rows: [
        { target_id: 't1', attempted_at: '2026-03-02T09:00:00Z', channel: 'mail', agent_id: 'a1', right_party: false },
        { target_id: 't1', attempted_at: '2026-03-02T11:00:00Z', channel: 'mail', agent_id: 'a1', right_party: true },
        { target_id: 't2', attempted_at: '2026-03-02T09:05:00Z', channel: null, agent_id: null, right_party: false },
      ],
    },
    bad: ['target_id,attempted_at,channel,agent_id,right_party', 't1,yesterday,mail,a1,false'].join('\n'),
    error: { line: 2, column: 'attempted_at', value: 'yesterday' },
  },
];

describe('KPI input uploads', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const post = (path: string, body: string): request.Test => request(t.baseUrl).post(path).set(...as('planner')).set('Content-Type', 'text/csv').send(body);
  const count = async (table: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenant.tenantId]))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    await request(t.baseUrl).put('/api/v1/channels/mail').set(...as('admin')).send({ name: 'E-mail', media: 'email', timeZone: 'UTC', intervalMinutes: 30, thresholdSeconds: 3600 }).expect(201);
  });
  afterAll(() => t.close());

  it.each(KINDS)('$path: refuses a bad file naming line and column and writes nothing', async (k) => {
    const before = await count(k.table);
    const res = await post(k.path, k.bad).expect(422);
    expect(res.body.code).toBe('INVALID_ROWS');
    expect(res.body.details.errors[0]).toMatchObject({ line: k.error.line, column: k.error.column, value: k.error.value, ...(k.error.reason ? { reason: k.error.reason } : {}) });
    expect(await count(k.table)).toBe(before);
  });

  it.each(KINDS)('$path: stores a good file value by value, and the same bytes twice are a duplicate', async (k) => {
    const before = await count(k.table);
    const first = await post(k.path, k.good).expect(201);
    expect(first.body).toMatchObject({ rows: k.rows, inserted: k.rows, replaced: 0, duplicate: false });
    expect(await count(k.table)).toBe(before + k.rows);
    expect(k.stored.rows).toHaveLength(k.rows);
    const stored = await t.dataSource.query(`SELECT ${k.stored.columns} FROM ${k.table} x WHERE x.tenant_id = $1 AND x.upload_id = $2 ORDER BY ${k.stored.orderBy}`, [tenant.tenantId, first.body.uploadId]);
    expect(stored).toEqual(k.stored.rows);
    const again = await post(k.path, k.good).expect(200);
    expect(again.body).toMatchObject({ uploadId: first.body.uploadId, duplicate: true });
    expect(await count(k.table)).toBe(before + k.rows);
    const log = await request(t.baseUrl).get(`/api/v1/uploads/${first.body.uploadId as string}`).set(...as('analyst')).expect(200);
    expect(log.body).toMatchObject({ outcome: 'succeeded', rows: k.rows });
  });

  it('case updates: stores updates of known cases, refuses unknown cases and repeated keys naming both lines', async () => {
    const good = ['case_id,updated_at', 'C1,2026-03-02T10:00:00Z', 'C1,2026-03-02T11:00:00Z'].join('\n');
    const res = await post('/api/v1/cases/updates', good).expect(201);
    expect(res.body).toMatchObject({ kind: 'case-updates', rows: 2, inserted: 2, replaced: 0 });
    expect(await count('case_updates')).toBe(2);
    expect((await post('/api/v1/cases/updates', good).expect(200)).body.duplicate).toBe(true);
    const unknown = await post('/api/v1/cases/updates', ['case_id,updated_at', 'C1,2026-03-02T12:00:00Z', 'NOPE,2026-03-02T12:00:00Z'].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(unknown.body.details.errors).toEqual([{ line: 3, column: 'case_id', value: 'NOPE', reason: 'is not a case of the tenant (upload it with POST /api/v1/cases first)' }]);
    const repeated = await post('/api/v1/cases/updates', ['case_id,updated_at', 'C1,2026-03-02T13:00:00Z', 'C2,2026-03-02T13:00:00Z', 'C1,2026-03-02T13:00:00Z'].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(repeated.body.details.errors).toEqual([{ line: 4, column: 'case_id', value: 'C1', reason: 'repeats the key (case_id, updated_at) of line 2' }]);
    expect(await count('case_updates')).toBe(2);
  });

  it('upserts on the natural key: a corrected case replaces the stored one', async () => {
    const res = await post('/api/v1/cases', ['case_id,channel,priority,created_at,resolved_at', 'C2,mail,P2,2026-03-02T10:00:00Z,2026-03-02T10:20:00Z', 'C4,mail,P3,2026-03-02T10:00:00Z,'].join('\n')).expect(201);
    expect(res.body).toMatchObject({ rows: 2, inserted: 1, replaced: 1 });
    const [c2] = await t.dataSource.query(`SELECT resolved_at FROM cases WHERE tenant_id = $1 AND case_id = 'C2'`, [tenant.tenantId]);
    expect((c2.resolved_at as Date).toISOString()).toBe('2026-03-02T10:20:00.000Z');
  });

  it('costs: the key includes an empty channel and contact type; replacing keeps one row', async () => {
    const before = await count('cost_entries');
    const res = await post('/api/v1/costs', ['kind,period_start,period_end,channel,category,contact_type,amount,currency', 'budget,2026-03-01,2026-04-01,,staff,,131000.25,EUR'].join('\n')).expect(201);
    expect(res.body).toMatchObject({ inserted: 0, replaced: 1 });
    expect(await count('cost_entries')).toBe(before);
    const [row] = await t.dataSource.query(`SELECT amount FROM cost_entries WHERE tenant_id = $1 AND kind = 'budget'`, [tenant.tenantId]);
    expect(row.amount).toBe('131000.25'); // numeric: exact, as a string from the driver
  });

  it('costs: one currency per tenant (mixed currencies in an upload, or another than the stored one, are refused)', async () => {
    const header = 'kind,period_start,period_end,channel,category,contact_type,amount,currency';
    const before = await count('cost_entries');
    const mixed = await post('/api/v1/costs', [header, 'actual,2026-05-01,2026-06-01,,rent,,100,EUR', 'actual,2026-05-01,2026-06-01,,power,,50,USD'].join('\n')).expect(422);
    expect(mixed.body).toMatchObject({ code: 'INVALID_ROWS', details: { errorCount: 1 } });
    expect(mixed.body.details.errors).toEqual([{ line: 3, column: 'currency', value: 'USD', reason: 'currency USD differs from EUR, the currency of line 2 (one currency per tenant)' }]);
    const json = await request(t.baseUrl).post('/api/v1/costs').set(...as('planner'))
      .send({ rows: [{ kind: 'actual', periodStart: '2026-05-01', periodEnd: '2026-06-01', category: 'rent', amount: '100', currency: 'EUR' }, { kind: 'actual', periodStart: '2026-05-01', periodEnd: '2026-06-01', category: 'power', amount: '50', currency: 'GBP' }] })
      .expect(failsWith(422, 'INVALID_ROWS'));
    expect(json.body.details.errors[0]).toMatchObject({ field: 'rows[1].currency', value: 'GBP' });
    expect(await count('cost_entries')).toBe(before);

    const other = await post('/api/v1/costs', [header, 'actual,2026-05-01,2026-06-01,,rent,,100,USD', 'actual,2026-05-01,2026-06-01,,power,,50,USD'].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(other.body.details.errors).toEqual([{ line: 2, column: 'currency', value: 'USD', reason: "currency USD differs from EUR, the currency of this tenant's cost entries (one currency per tenant)" }]);
    expect(await count('cost_entries')).toBe(before);

    const same = await post('/api/v1/costs', [header, 'actual,2026-05-01,2026-06-01,,rent,,100,EUR', 'actual,2026-05-01,2026-06-01,,power,,50,EUR'].join('\n')).expect(201);
    expect(same.body).toMatchObject({ rows: 2, inserted: 2, replaced: 0 });
    expect(await count('cost_entries')).toBe(before + 2);
  });

  it('costs: a new currency is accepted only when the upload replaces every stored cost entry', async () => {
    const other = await t.newTenant();
    const postAs = (body: string): request.Test =>
      request(t.baseUrl).post('/api/v1/costs').set('Authorization', `Bearer ${other.keys.planner}`).set('Content-Type', 'text/csv').send(body);
    const header = 'kind,period_start,period_end,channel,category,contact_type,amount,currency';
    const rent = (currency: string): string => `actual,2026-05-01,2026-06-01,,rent,,100,${currency}`;
    const power = (currency: string): string => `budget,2026-05-01,2026-06-01,,power,,50,${currency}`;
    await postAs([header, rent('EUR'), power('EUR')].join('\n')).expect(201);
    const partly = await postAs([header, rent('CHF')].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(partly.body.details.errors[0]).toMatchObject({ line: 2, column: 'currency', value: 'CHF', reason: expect.stringContaining('differs from EUR') });
    const all = await postAs([header, power('CHF'), rent('CHF')].join('\n')).expect(201);
    expect(all.body).toMatchObject({ rows: 2, inserted: 0, replaced: 2 });
    const rows = await t.dataSource.query(`SELECT DISTINCT currency FROM cost_entries WHERE tenant_id = $1`, [other.tenantId]);
    expect(rows).toEqual([{ currency: 'CHF' }]);
  });

  it('refuses a priority outside the response policy, an unknown column and a missing required column', async () => {
    const p = await post('/api/v1/cases', ['case_id,channel,priority,created_at', 'C5,mail,urgent,2026-03-02T09:00:00Z'].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(p.body.details.errors[0]).toMatchObject({ line: 2, column: 'priority', value: 'urgent' });
    const u = await post('/api/v1/fcr-outcomes', ['contact_id,channel,date,resolved_first_time,mood', 'k1,mail,2026-03-02,true,happy'].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(u.body.details.errors[0]).toMatchObject({ line: 1, column: 'mood' });
    const m = await post('/api/v1/surveys', ['kind,date,score,scale_min', 'csat,2026-03-02,4,1'].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(m.body.details.errors[0]).toMatchObject({ line: 1, column: 'scale_max', reason: 'required column is missing' });
  });

  it('accepts JSON rows with camelCase fields, and an Idempotency-Key answers the first result', async () => {
    const body = { rows: [{ agentId: 'a7', date: '2026-02-01', event: 'hired', team: 'blue' }] };
    const first = await request(t.baseUrl).post('/api/v1/workforce-events').set(...as('planner')).set('Idempotency-Key', 'wf-1').send(body).expect(201);
    expect(first.body).toMatchObject({ rows: 1, inserted: 1 });
    const again = await request(t.baseUrl).post('/api/v1/workforce-events').set(...as('planner')).set('Idempotency-Key', 'wf-1').send(body).expect(200);
    expect(again.body).toMatchObject({ uploadId: first.body.uploadId, duplicate: true });
    const reused = await request(t.baseUrl).post('/api/v1/workforce-events').set(...as('planner')).set('Idempotency-Key', 'wf-1').send({ rows: [] }).expect(failsWith(409, 'IDEMPOTENCY_KEY_REUSED'));
    expect(reused.body).toMatchObject({ details: { uploadId: first.body.uploadId } });
    const bad = await request(t.baseUrl).post('/api/v1/workforce-events').set(...as('planner')).send({ rows: [{ agentId: 'a8', date: '2026-02-01', event: 'hired', voluntary: true }] }).expect(failsWith(422, 'INVALID_ROWS'));
    expect(bad.body.details.errors[0]).toMatchObject({ field: 'rows[0].voluntary' });
  });
});
