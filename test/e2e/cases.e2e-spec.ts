import request from 'supertest';
import { CaseComplianceKpiSource } from '../../src/modules/cases/case-compliance.kpi-source.js';
import { KpiSourceRegistry } from '../../src/modules/kpis/kpi-source-registry.js';
import { UploadEvents } from '../../src/modules/uploads/upload-events.js';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Response-time objectives, the business calendar and deferred-contact compliance.
 * Every expected figure is worked out by hand in the comments from the cases below.
 *
 * Business calendar: Monday–Friday 09:00–17:00 UTC. 2026-03-06 is a Friday, 2026-03-09 a Monday.
 * Policy: P1 initial response 15 min, update every 1 h, resolution 4 h (24×7); P3 4 h (24×7),
 * update every 2 business days (16 business hours), resolution 3 business days (24 business
 * hours); P4 1 business day (8 business hours), no cadence, no resolution objective.
 * Evaluated at asOf = Monday 2026-03-09 09:30Z.
 */
const POLICY = {
  priorities: [
    { priority: 'P1', initialResponse: { amount: 15, unit: 'minutes', clock: '24x7' }, updateCadence: { amount: 1, unit: 'hours', clock: '24x7' }, resolution: { amount: 4, unit: 'hours', clock: '24x7' } },
    { priority: 'P3', initialResponse: { amount: 4, unit: 'hours', clock: '24x7' }, updateCadence: { amount: 2, unit: 'business-days', clock: 'business' }, resolution: { amount: 3, unit: 'business-days', clock: 'business' } },
    { priority: 'P4', initialResponse: { amount: 1, unit: 'business-days', clock: 'business' }, updateCadence: null, resolution: null },
  ],
};
const CALENDAR = { timeZone: 'UTC', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], opensAt: '09:00', closesAt: '17:00', holidays: ['2026-12-25'] };
const AS_OF = '2026-03-09T09:30:00Z';

const CASES = [
  'case_id,channel,priority,created_at,first_response_at,auto_reply_at,resolved_at',
  // A: auto reply after 30 s, agent response after exactly 15 min (≤: met), updates every hour, resolved after 3 h (met)
  'A,mail,P1,2026-03-06T09:00:00Z,2026-03-06T09:15:00Z,2026-03-06T09:00:30Z,2026-03-06T12:00:00Z',
  // B: response after 20 min (breached), no update from 10:20 to resolution at 15:00 (4 h 40 > 1 h: breached), resolved after 5 h (breached)
  'B,mail,P1,2026-03-06T10:00:00Z,2026-03-06T10:20:00Z,,2026-03-06T15:00:00Z',
  // C: open since Friday 16:00; at asOf 17.5 h have run: response, cadence and resolution all breached
  'C,mail,P1,2026-03-06T16:00:00Z,,,',
  // D: response after 3 h (met); business time Friday 16:00 → Monday 09:20 is 1 h 20 min: resolution (24 h) and cadence (16 h) met
  'D,mail,P3,2026-03-06T16:00:00Z,2026-03-06T19:00:00Z,,2026-03-09T09:20:00Z',
  // E: open; business time Friday 16:00 → Monday 09:30 is 1 h 30 min ≤ 8 h: initial response not yet due
  'E,mail,P4,2026-03-06T16:00:00Z,,,',
  // F: Monday 08:00Z (09:00 in Berlin): response after 5 min, resolved after 30 min, gap 08:05 → 08:30 is 25 min: all met
  'F,mail,P1,2026-03-09T08:00:00Z,2026-03-09T08:05:00Z,,2026-03-09T08:30:00Z',
].join('\n');
const UPDATES = ['case_id,updated_at', 'A,2026-03-06T10:15:00Z', 'A,2026-03-06T11:15:00Z'].join('\n');

describe('deferred contacts: objectives, business calendar and compliance', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const get = (path: string): request.Test => request(t.baseUrl).get(path).set(...as('analyst'));
  const compliance = (query: string): request.Test => get(`/api/v1/cases/compliance?channel=mail&from=2026-03-01&to=2026-04-01&asOf=${AS_OF}&${query}`);

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    // The channel's day is Berlin's: Friday 2026-03-06 starts at 2026-03-05T23:00Z
    await request(t.baseUrl).put('/api/v1/channels/mail').set(...as('admin')).send({ name: 'E-mail', media: 'email', timeZone: 'Europe/Berlin', intervalMinutes: 30, thresholdSeconds: 3600 }).expect(201);
  });
  afterAll(() => t.close());

  it('serves the seed\'s default policy and calendar until a PUT', async () => {
    const policy = await get('/api/v1/cases/objectives').expect(200);
    expect(policy.body.priorities).toEqual([
      { priority: 'P1', initialResponse: { amount: 15, unit: 'minutes', clock: '24x7' }, updateCadence: { amount: 1, unit: 'hours', clock: '24x7' }, resolution: null },
      { priority: 'P2', initialResponse: { amount: 30, unit: 'minutes', clock: '24x7' }, updateCadence: { amount: 4, unit: 'hours', clock: '24x7' }, resolution: null },
      { priority: 'P3', initialResponse: { amount: 4, unit: 'hours', clock: '24x7' }, updateCadence: { amount: 2, unit: 'business-days', clock: 'business' }, resolution: null },
      { priority: 'P4', initialResponse: { amount: 1, unit: 'business-days', clock: 'business' }, updateCadence: null, resolution: null },
    ]);
    const calendar = await get('/api/v1/calendar/business-hours').expect(200);
    expect(calendar.body).toEqual({ timeZone: 'UTC', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], opensAt: '09:00', closesAt: '17:00', holidays: [] });
  });

  it('validates objectives and calendars naming each field, and stores good ones', async () => {
    const bad = await request(t.baseUrl).put('/api/v1/cases/objectives').set(...as('planner'))
      .send({ priorities: [{ priority: 'P1', initialResponse: { amount: 0, unit: 'minutes' }, updateCadence: { amount: 2, unit: 'business-days', clock: '24x7' } }, { priority: 'P1' }] }).expect(422);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.errors.map((e: { field: string }) => e.field)).toEqual(['priorities[0].initialResponse.amount', 'priorities[0].updateCadence.clock', 'priorities[1].priority']);
    const badCal = await request(t.baseUrl).put('/api/v1/calendar/business-hours').set(...as('planner'))
      .send({ timeZone: 'Mars/Olympus', workingDays: ['mon', 'funday'], opensAt: '17:00', closesAt: '09:00', holidays: ['2026-02-30'] }).expect(failsWith(422, 'VALIDATION_FAILED'));
    expect(badCal.body.details.errors.map((e: { field: string }) => e.field)).toEqual(['timeZone', 'workingDays', 'closesAt', 'holidays[0]']);
    await request(t.baseUrl).put('/api/v1/cases/objectives').set(...as('analyst')).send(POLICY).expect(failsWith(403, 'FORBIDDEN'));
    expect((await request(t.baseUrl).put('/api/v1/cases/objectives').set(...as('planner')).send(POLICY).expect(200)).body).toEqual(POLICY);
    expect((await request(t.baseUrl).put('/api/v1/calendar/business-hours').set(...as('planner')).send(CALENDAR).expect(200)).body).toEqual(CALENDAR);
    expect((await get('/api/v1/cases/objectives').expect(200)).body).toEqual(POLICY);
  });

  it('computes compliance per priority and day', async () => {
    await request(t.baseUrl).post('/api/v1/cases').set(...as('planner')).set('Content-Type', 'text/csv').send(CASES).expect(201);
    await request(t.baseUrl).post('/api/v1/cases/updates').set(...as('planner')).set('Content-Type', 'text/csv').send(UPDATES).expect(201);
    const res = await compliance('granularity=day').expect(200);
    const friday = { channel: 'mail', periodStart: '2026-03-05T23:00:00Z', periodStartLocal: '2026-03-06T00:00:00+01:00' };
    expect(res.body.data).toEqual([
      {
        ...friday, priority: 'P1', cases: 3, open: 1, // A, B, C
        initialResponseMet: 1, initialResponseDue: 3, initialResponseMetShare: 1 / 3, // A met (auto reply), B and C breached
        agentResponseMet: 1, agentResponseDue: 3, agentResponseMetShare: 1 / 3,
        autoReplyMet: 1, autoReplyDue: 1, autoReplyMetShare: 1, // only A has an automatic reply
        updateCadenceMet: 1, updateCadenceDue: 3, updateCadenceMetShare: 1 / 3,
        resolutionMet: 1, resolutionDue: 3, resolutionMetShare: 1 / 3,
        // resolved: A 3 h, B 5 h → nearest rank p50 = 1st = 10800, p90 = p95 = 2nd = 18000
        resolutionP50Seconds: 10800, resolutionP90Seconds: 18000, resolutionP95Seconds: 18000,
      },
      {
        ...friday, priority: 'P3', cases: 1, open: 0,
        initialResponseMet: 1, initialResponseDue: 1, initialResponseMetShare: 1,
        agentResponseMet: 1, agentResponseDue: 1, agentResponseMetShare: 1,
        autoReplyMet: 0, autoReplyDue: 0, autoReplyMetShare: null,
        updateCadenceMet: 1, updateCadenceDue: 1, updateCadenceMetShare: 1,
        resolutionMet: 1, resolutionDue: 1, resolutionMetShare: 1,
        // Friday 16:00 → Monday 09:20 elapsed: 65 h 20 min = 235200 s
        resolutionP50Seconds: 235200, resolutionP90Seconds: 235200, resolutionP95Seconds: 235200,
      },
      {
        ...friday, priority: 'P4', cases: 1, open: 1,
        initialResponseMet: 0, initialResponseDue: 0, initialResponseMetShare: null, // not yet due
        agentResponseMet: 0, agentResponseDue: 0, agentResponseMetShare: null,
        autoReplyMet: 0, autoReplyDue: 0, autoReplyMetShare: null,
        updateCadenceMet: 0, updateCadenceDue: 0, updateCadenceMetShare: null, // as required
        resolutionMet: 0, resolutionDue: 0, resolutionMetShare: null,
        resolutionP50Seconds: null, resolutionP90Seconds: null, resolutionP95Seconds: null,
      },
    ].flatMap((r) => (r.priority === 'P1' ? [r, {
      channel: 'mail', periodStart: '2026-03-08T23:00:00Z', periodStartLocal: '2026-03-09T00:00:00+01:00', priority: 'P1', cases: 1, open: 0, // F
      initialResponseMet: 1, initialResponseDue: 1, initialResponseMetShare: 1,
      agentResponseMet: 1, agentResponseDue: 1, agentResponseMetShare: 1,
      autoReplyMet: 0, autoReplyDue: 0, autoReplyMetShare: null,
      updateCadenceMet: 1, updateCadenceDue: 1, updateCadenceMetShare: 1,
      resolutionMet: 1, resolutionDue: 1, resolutionMetShare: 1,
      resolutionP50Seconds: 1800, resolutionP90Seconds: 1800, resolutionP95Seconds: 1800,
    }] : [r])));
  });

  it('rolls up by month and filters by priority; ratios from summed counts', async () => {
    const res = await compliance('granularity=month&priority=P1').expect(200);
    expect(res.body.data).toHaveLength(1);
    // A, B, C, F: met A and F of 4; resolved A 10800, B 18000, F 1800 → sorted 1800, 10800, 18000:
    // p50 rank ceil(1.5) = 2 → 10800, p90 rank ceil(2.7) = 3 → 18000
    expect(res.body.data[0]).toMatchObject({
      periodStart: '2026-02-28T23:00:00Z', periodStartLocal: '2026-03-01T00:00:00+01:00', cases: 4, open: 1,
      resolutionMet: 2, resolutionDue: 4, resolutionMetShare: 0.5, updateCadenceMet: 2, updateCadenceDue: 4,
      resolutionP50Seconds: 10800, resolutionP90Seconds: 18000, resolutionP95Seconds: 18000,
    });
  });

  it('cuts ISO weeks from Monday in the channel zone', async () => {
    const res = await compliance('granularity=week&priority=P1').expect(200);
    // A, B, C (Friday 6 March) in the week from Monday 2 March 00:00 Berlin; F (Monday 9 March) in the next
    expect(res.body.data.map((r: { periodStart: string; cases: number }) => [r.periodStart, r.cases])).toEqual([['2026-03-01T23:00:00Z', 3], ['2026-03-08T23:00:00Z', 1]]);
  });

  it('judges open cases at asOf: before Friday 16:15 case C is not yet due', async () => {
    const res = await get('/api/v1/cases/compliance?channel=mail&from=2026-03-06&to=2026-03-07&priority=P1&asOf=2026-03-06T16:10:00Z').expect(200);
    // A met, B breached, C pending (10 min of 15)
    expect(res.body.data[0]).toMatchObject({ cases: 3, open: 1, initialResponseMet: 1, initialResponseDue: 2, resolutionDue: 2, updateCadenceDue: 2 });
  });

  it('pages with a cursor, streams CSV, and honours If-None-Match', async () => {
    const first = await compliance('granularity=day&limit=2').expect(200);
    expect(first.body.data.map((r: { priority: string }) => r.priority)).toEqual(['P1', 'P1']);
    const second = await compliance(`granularity=day&limit=2&cursor=${first.body.next as string}`).expect(200);
    expect(second.body.data.map((r: { priority: string }) => r.priority)).toEqual(['P3', 'P4']);
    expect(second.body.next).toBeNull();
    const csv = await compliance('granularity=month&priority=P3&format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('channel,priority,period_start,period_start_local,cases,open,initial_response_met,initial_response_due,initial_response_met_share,agent_response_met,agent_response_due,agent_response_met_share,auto_reply_met,auto_reply_due,auto_reply_met_share,update_cadence_met,update_cadence_due,update_cadence_met_share,resolution_met,resolution_due,resolution_met_share,resolution_p50_seconds,resolution_p90_seconds,resolution_p95_seconds');
    expect(lines[1]).toBe('mail,P3,2026-02-28T23:00:00Z,2026-03-01T00:00:00+01:00,1,0,1,1,1,1,1,1,0,0,,1,1,1,1,1,1,235200,235200,235200');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    await compliance('granularity=day&limit=2').set('If-None-Match', etag).expect(304);
  });

  it('requires from and to, and refuses unknown channels', async () => {
    expect((await get('/api/v1/cases/compliance?to=2026-04-01').expect(failsWith(422, 'VALIDATION_FAILED'))).body.details.errors[0].field).toBe('from');
    expect((await get('/api/v1/cases/compliance?channel=fax&from=2026-03-01&to=2026-04-01').expect(422)).body.code).toBe('UNKNOWN_CHANNELS');
  });

  it('is a KPI source of the engine: rows per channel and for all channels, met ÷ due', async () => {
    const registry = t.app.get(KpiSourceRegistry);
    expect(registry.definition('case-resolution-met-p1')).toMatchObject({ family: 'resource-accessibility', unit: 'ratio' });
    const source = t.app.get(CaseComplianceKpiSource);
    expect([...(await source.kpisWithData(tenant.tenantId))]).toEqual(expect.arrayContaining(['case-initial-response-met', 'case-auto-reply-met', 'case-resolution-met-p3']));
    const rows = await source.compute(tenant.tenantId, new Date('2026-02-28T23:00:00Z'), new Date('2026-03-31T22:00:00Z'), 'month');
    const find = (kpi: string, channelId: number | null): unknown => rows.find((r) => r.kpi === kpi && (r.channelId === null) === (channelId === null));
    // Judged now (long after March 2026): C and E are breached. Initial response over all
    // priorities: A, D, F met; B, C, E breached → 3 ÷ 6. Resolution P1: A, F met of A, B, C, F → 2 ÷ 4.
    // The all-channels rows are cut in the tenant zone (its one channel's, Berlin).
    expect(find('case-initial-response-met', 1)).toMatchObject({ numerator: 3, denominator: 6, value: 0.5, periodStart: new Date('2026-02-28T23:00:00Z') });
    expect(find('case-initial-response-met', null)).toMatchObject({ numerator: 3, denominator: 6, periodStart: new Date('2026-02-28T23:00:00Z') });
    expect(find('case-resolution-met-p1', 1)).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    expect(find('case-initial-response-met-p4', 1)).toMatchObject({ numerator: 0, denominator: 1 });
    expect(await source.compute(tenant.tenantId, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-02T00:00:00Z'), 'interval')).toEqual([]);
    // only periods that start in the range, and whole: March starts before 6 March (no row); the
    // Friday of 6 March (Berlin) holds A–E: A and D met of five → 2 ÷ 5
    expect(await source.compute(tenant.tenantId, new Date('2026-03-06T00:00:00Z'), new Date('2026-04-01T00:00:00Z'), 'month')).toEqual([]);
    const friday = await source.compute(tenant.tenantId, new Date('2026-03-05T23:00:00Z'), new Date('2026-03-06T23:00:00Z'), 'day');
    expect(friday.find((r) => r.kpi === 'case-initial-response-met' && r.channelId !== null)).toMatchObject({ numerator: 2, denominator: 5, periodStart: new Date('2026-03-05T23:00:00Z') });
    expect(new Set(friday.map((r) => r.periodStart.toISOString()))).toEqual(new Set(['2026-03-05T23:00:00.000Z']));
  });

  it('reaches the stored rollups of GET /api/v1/kpis (recomputed after the uploads and on demand)', async () => {
    await request(t.baseUrl).post('/api/v1/kpis/recompute?from=2026-03-01&to=2026-04-01').set(...as('admin')).expect(200);
    // from the day before: Berlin's March starts at 2026-02-28T23:00Z (dates without a channel are UTC midnight)
    const res = await get('/api/v1/kpis?kpi=case-initial-response-met&kpi=case-resolution-met-p1&granularity=month&from=2026-02-28&to=2026-04-01').expect(200);
    const rows = res.body.data as Array<{ channel: string; kpi: string; numerator: number; denominator: number; family: string }>;
    // the same counts as the source gives (judged at the recompute, long after March 2026)
    expect(rows.find((r) => r.channel === 'mail' && r.kpi === 'case-initial-response-met')).toMatchObject({ numerator: 3, denominator: 6, family: 'resource-accessibility' });
    expect(rows.find((r) => r.channel === '*' && r.kpi === 'case-resolution-met-p1')).toMatchObject({ numerator: 2, denominator: 4 });
  });

  it('recomputes the period a case was created in when a later update of it is uploaded', async () => {
    // C was created on 6 March (Berlin); an update dated 2 April touches the cadence KPI of March too.
    const march = async (): Promise<string> => {
      const res = await get('/api/v1/kpis?kpi=case-update-cadence-met&channel=mail&granularity=month&from=2026-02-28&to=2026-03-02').expect(200);
      const rows = res.body.data as Array<{ computedAt: string }>;
      expect(rows).toHaveLength(1);
      return rows[0].computedAt;
    };
    const before = await march();
    await new Promise((r) => setTimeout(r, 20));
    await request(t.baseUrl).post('/api/v1/cases/updates').set(...as('planner')).set('Content-Type', 'text/csv')
      .send('case_id,updated_at\nC,2026-04-02T10:00:00Z').expect(201);
    await t.app.get(UploadEvents).idle();
    expect(Date.parse(await march())).toBeGreaterThan(Date.parse(before));
  });
});
