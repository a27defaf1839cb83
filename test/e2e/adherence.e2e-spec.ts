import request from 'supertest';
import { accumulateIntervalSeconds } from '../../src/core/adherence/accumulate-interval-seconds.js';
import { spreadAcrossChannels } from '../../src/core/adherence/spread-across-channels.js';
import { AdherenceService } from '../../src/modules/adherence/adherence.service.js';
import type { AdherenceSettings } from '../../src/modules/adherence/adherence-settings.js';
import type { Channel } from '../../src/modules/channels/channel.js';
import { ChannelsService } from '../../src/modules/channels/channels.service.js';
import { zoneClockFor } from '../../src/modules/channels/zone-clocks.js';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Schedules, agent states, rules and the adherence reads. Expected figures are worked
 * out by hand in the comments from the uploaded rows.
 */
const Z = (hhmm: string, day = '2026-03-02'): string => `${day}T${hhmm}:00Z`;

const SCHEDULE = [
  'agent_id,team,channels,activity,start,end',
  `a1,red,voice,work,${Z('09:00')},${Z('12:00')}`,
  `a1,red,voice,lunch,${Z('12:00')},${Z('13:00')}`,
  `a1,red,voice,work,${Z('13:00')},${Z('17:00')}`,
  `a2,blue,voice|chat,work,${Z('09:00')},${Z('09:45')}`,
].join('\n');

const STATES = [
  'agent_id,state,start,end',
  `a1,available,${Z('09:00')},${Z('12:00')}`,
  `a1,lunch,${Z('12:00')},${Z('13:10')}`, // back 10 minutes late
  `a1,available,${Z('13:10')},${Z('17:00')}`,
  `a1,offline,${Z('17:00')},${Z('18:00')}`,
  `a2,on-contact,${Z('09:00')},${Z('09:20')}`,
  `a2,available,${Z('09:20')},${Z('09:30')}`,
  `a2,after-contact-work,${Z('09:30')},${Z('09:45')}`,
].join('\n');

describe('schedule adherence', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const post = (path: string, body: string): request.Test => request(t.baseUrl).post(path).set(...as('scheduler')).set('Content-Type', 'text/csv').send(body);
  const get = (path: string): request.Test => request(t.baseUrl).get(path).set(...as('analyst'));
  const count = async (table: string, agent: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1 AND agent_id = $2`, [tenant.tenantId, agent]))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    await request(t.baseUrl).put('/api/v1/channels/voice').set(...as('admin')).send({ name: 'Voice', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, serviceLevelTarget: 0.8, thresholdSeconds: 20 }).expect(201);
    await request(t.baseUrl).put('/api/v1/channels/chat').set(...as('admin')).send({ name: 'Chat', media: 'chat', timeZone: 'UTC', intervalMinutes: 30, thresholdSeconds: 30 }).expect(201);
  });
  afterAll(() => t.close());

  it('serves the default rules and validates a PUT', async () => {
    const rules = await get('/api/v1/adherence/rules').expect(200);
    expect(rules.body.activities.map((a: { code: string }) => a.code)).toEqual(['work', 'break', 'lunch', 'meeting', 'training', 'coaching', 'time-off', 'offline']);
    expect(rules.body.states).toHaveLength(9);
    expect(rules.body).toMatchObject({ graceSeconds: 60, midnightAttribution: 'shift-start', satisfies: { work: ['available', 'on-contact', 'after-contact-work', 'outbound'] } });
    const bad = await request(t.baseUrl).put('/api/v1/adherence/rules').set(...as('scheduler')).send({ graceSeconds: -1, satisfies: { work: ['dancing'] } }).expect(422);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.errors.map((e: { field: string }) => e.field).sort()).toEqual(['graceSeconds', 'satisfies.work']);
    const put = await request(t.baseUrl).put('/api/v1/adherence/rules').set(...as('scheduler')).send({ graceSeconds: 30 }).expect(200);
    expect(put.body.graceSeconds).toBe(30);
    expect((await get('/api/v1/adherence/rules').expect(200)).body.graceSeconds).toBe(30);
    await request(t.baseUrl).put('/api/v1/adherence/rules').set(...as('scheduler')).send({}).expect(200);
  });

  it('stores schedules and agent states, and answers the same bytes as a duplicate', async () => {
    const s = await post('/api/v1/schedules', SCHEDULE).expect(201);
    expect(s.body).toMatchObject({ kind: 'schedules', rows: 4, agents: 2, agentDays: 2, replacedRows: 0, firstStart: Z('09:00'), lastEnd: Z('17:00'), duplicate: false });
    const again = await post('/api/v1/schedules', SCHEDULE).expect(200);
    expect(again.body).toMatchObject({ uploadId: s.body.uploadId, duplicate: true });
    const st = await post('/api/v1/agent-states', STATES).expect(201);
    expect(st.body).toMatchObject({ kind: 'agent-states', form: 'segments', rows: 7, agents: 2, segments: 7, from: Z('09:00'), to: Z('18:00') });
    expect(await count('agent_states', 'a1')).toBe(4);
  });

  it('refuses overlapping activities of one agent naming both lines, and writes nothing', async () => {
    const csv = ['agent_id,team,channels,activity,start,end', `a3,red,voice,work,${Z('09:00')},${Z('12:00')}`, `a3,red,voice,meeting,${Z('11:00')},${Z('12:00')}`].join('\n');
    const res = await post('/api/v1/schedules', csv).expect(422);
    expect(res.body.code).toBe('INVALID_ROWS');
    expect(res.body.details.errors).toEqual([{ line: 3, column: 'start', value: Z('11:00'), reason: 'overlapping activities of agent a3: lines 2 and 3' }]);
    expect(await count('schedule_activities', 'a3')).toBe(0);
  });

  it('refuses overlapping states, unknown codes and local times without offset with line and column', async () => {
    const overlap = ['agent_id,state,start,end', `a9,available,${Z('09:00')},${Z('10:00')}`, `a9,break,${Z('09:59')},${Z('10:15')}`].join('\n');
    const res = await post('/api/v1/agent-states', overlap).expect(failsWith(422, 'INVALID_ROWS'));
    expect(res.body.details.errors[0]).toMatchObject({ line: 3, column: 'start', reason: 'overlapping states of agent a9: lines 2 and 3' });
    const bad = ['agent_id,state,start,end', `a9,dancing,${Z('09:00')},${Z('10:00')}`, 'a9,available,2026-03-02 10:00,2026-03-02 11:00'].join('\n');
    const res2 = await post('/api/v1/agent-states', bad).expect(failsWith(422, 'INVALID_ROWS'));
    expect(res2.body.details.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([[2, 'state'], [3, 'start'], [3, 'end']]);
    const unknownChannel = ['agent_id,team,channels,activity,start,end', `a9,red,voice|fax,work,${Z('09:00')},${Z('10:00')}`].join('\n');
    expect((await post('/api/v1/schedules', unknownChannel).expect(failsWith(422, 'INVALID_ROWS'))).body.details.errors[0]).toMatchObject({ line: 2, column: 'channels' });
    expect(await count('agent_states', 'a9')).toBe(0);
  });

  it('replaces an agent\'s day on re-upload, a night shift belonging to the day it starts', async () => {
    const first = ['agent_id,team,channels,activity,start,end',
      `a4,red,voice,work,${Z('09:00', '2026-03-03')},${Z('17:00', '2026-03-03')}`,
      `a5,red,voice,work,${Z('22:00', '2026-03-03')},${Z('23:59', '2026-03-03')}`,
      `a5,red,voice,break,${Z('23:59', '2026-03-03')},${Z('02:00', '2026-03-04')}`].join('\n');
    expect((await post('/api/v1/schedules', first).expect(201)).body).toMatchObject({ agents: 2, agentDays: 2, replacedRows: 0 });
    const days: Array<{ d: string }> = await t.dataSource.query(`SELECT DISTINCT local_day::text AS d FROM schedule_activities WHERE tenant_id = $1 AND agent_id = 'a5'`, [tenant.tenantId]);
    expect(days).toEqual([{ d: '2026-03-03' }]);
    const second = ['agent_id,team,channels,activity,start,end',
      `a4,red,voice,work,${Z('10:00', '2026-03-03')},${Z('12:00', '2026-03-03')}`,
      `a4,red,voice,lunch,${Z('12:00', '2026-03-03')},${Z('12:30', '2026-03-03')}`,
      `a5,red,voice,work,${Z('21:00', '2026-03-03')},${Z('01:00', '2026-03-04')}`].join('\n');
    expect((await post('/api/v1/schedules', second).expect(201)).body).toMatchObject({ agents: 2, agentDays: 2, replacedRows: 3 });
    expect(await count('schedule_activities', 'a4')).toBe(2);
    expect(await count('schedule_activities', 'a5')).toBe(1);
  });

  it('closes state events by the next event and the last by the end of the log; refuses two at one instant', async () => {
    const events = ['agent_id,state,at', `a6,available,${Z('09:00', '2026-03-05')}`, `a6,lunch,${Z('12:00', '2026-03-05')}`,
      `a6,available,${Z('13:00', '2026-03-05')}`, `a7,offline,${Z('20:00', '2026-03-05')}`].join('\n');
    const res = await post('/api/v1/agent-states', events).expect(201);
    expect(res.body).toMatchObject({ form: 'events', rows: 4, agents: 1, segments: 3, to: Z('20:00', '2026-03-05') });
    const rows: Array<{ state: string; e: Date }> = await t.dataSource.query(`SELECT state, end_at AS e FROM agent_states WHERE tenant_id = $1 AND agent_id = 'a6' ORDER BY start_at`, [tenant.tenantId]);
    expect(rows.map((r) => [r.state, r.e.toISOString()])).toEqual([
      ['available', '2026-03-05T12:00:00.000Z'], ['lunch', '2026-03-05T13:00:00.000Z'], ['available', '2026-03-05T20:00:00.000Z'],
    ]);
    const same = ['agent_id,state,at', `a8,available,${Z('09:00')}`, `a8,break,${Z('09:00')}`].join('\n');
    expect((await post('/api/v1/agent-states', same).expect(failsWith(422, 'INVALID_ROWS'))).body.details.errors[0]).toMatchObject({ line: 3, column: 'at', reason: 'two events at the same instant of agent a8: lines 2 and 3' });
  });

  it('takes JSON rows too, naming a bad row by its path', async () => {
    const ok = await request(t.baseUrl).post('/api/v1/agent-states').set(...as('scheduler'))
      .send({ rows: [{ agentId: 'j1', state: 'available', start: Z('09:00', '2026-03-06'), end: Z('10:00', '2026-03-06') }] }).expect(201);
    expect(ok.body).toMatchObject({ form: 'segments', rows: 1, segments: 1 });
    const bad = await request(t.baseUrl).post('/api/v1/schedules').set(...as('scheduler'))
      .send({ rows: [{ agentId: 'j1', team: 'red', channels: 'voice', activity: 'nap', start: Z('09:00', '2026-03-06'), end: Z('10:00', '2026-03-06') }] }).expect(failsWith(422, 'INVALID_ROWS'));
    expect(bad.body.details.errors[0]).toMatchObject({ field: 'rows[0].activity', value: 'nap' });
  });

  it('reports adherence and conformance by agent, team and channel', async () => {
    // a1: 8 h scheduled, 10 min late from lunch: 28,200 / 28,800; worked 7 h - 10 min of 7 h.
    // a2: 45 min of work on voice|chat in productive states: 100 %.
    const q = `from=2026-03-02&to=2026-03-03&granularity=day`;
    const byAgent = await get(`/api/v1/adherence?level=agent&${q}`).expect(200);
    expect(byAgent.body.next).toBeNull();
    expect(byAgent.body.data).toEqual([
      { level: 'agent', key: 'a1', periodStart: '2026-03-02T00:00:00Z', periodStartLocal: '2026-03-02T00:00:00+00:00', scheduledSeconds: 28_800, adherentSeconds: 28_200,
        adherence: 28_200 / 28_800, productiveScheduledSeconds: 25_200, workedSeconds: 24_600, conformance: 24_600 / 25_200, exceptions: 1, earlyLogOffSeconds: 0, lateLogOffSeconds: 0 },
      expect.objectContaining({ key: 'a2', scheduledSeconds: 2700, adherentSeconds: 2700, adherence: 1, conformance: 1, exceptions: 0 }),
    ]);
    const byTeam = await get(`/api/v1/adherence?level=team&${q}`).expect(200);
    expect(byTeam.body.data.map((r: { key: string; adherence: number }) => [r.key, r.adherence])).toEqual([['blue', 1], ['red', 28_200 / 28_800]]);
    // Channel: a2 counts half on each of its two channels; ratios from summed seconds.
    const byChannel = await get(`/api/v1/adherence?level=channel&${q}`).expect(200);
    expect(byChannel.body.data.map((r: { key: string; scheduledSeconds: number; adherence: number }) => [r.key, r.scheduledSeconds, r.adherence])).toEqual([
      ['chat', 1350, 1], ['voice', 28_800 + 1350, (28_200 + 1350) / (28_800 + 1350)],
    ]);
    const csv = await get(`/api/v1/adherence?level=agent&${q}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('level,key,period_start,period_start_local,scheduled_seconds,adherent_seconds,adherence,productive_scheduled_seconds,worked_seconds,conformance,exceptions,early_log_off_seconds,late_log_off_seconds');
    expect(csv.text.split('\r\n')[1]).toBe(`agent,a1,2026-03-02T00:00:00Z,2026-03-02T00:00:00+00:00,28800,28200,${28_200 / 28_800},25200,24600,${24_600 / 25_200},1,0,0`);
    // Interval granularity: the 13:00 half-hour holds the 10 minutes out of adherence.
    const intervals = await get(`/api/v1/adherence?level=agent&granularity=interval&from=2026-03-02T13:00:00Z&to=2026-03-02T14:00:00Z`).expect(200);
    // Shifts starting in the range only: a1's shift starts at 09:00, outside it.
    expect(intervals.body.data).toEqual([]);
    const all = await get('/api/v1/adherence?level=agent&granularity=interval&from=2026-03-02&to=2026-03-03').expect(200);
    const a1 = all.body.data.filter((r: { key: string }) => r.key === 'a1');
    expect(a1).toHaveLength(16);
    expect(a1.find((r: { periodStart: string }) => r.periodStart === Z('13:00'))).toMatchObject({ scheduledSeconds: 1800, adherentSeconds: 1200, exceptions: 1 });
    expect(a1.reduce((s: number, r: { adherentSeconds: number }) => s + r.adherentSeconds, 0)).toBe(28_200);
  });

  it('rolls up by ISO week and month, and cuts days in the channel\'s zone across a clock change', async () => {
    const week = await get('/api/v1/adherence?level=agent&granularity=week&from=2026-03-01&to=2026-03-08').expect(200);
    expect(week.body.data.find((r: { key: string }) => r.key === 'a1')).toMatchObject({ periodStart: '2026-03-02T00:00:00Z', scheduledSeconds: 28_800, adherentSeconds: 28_200 });
    const month = await get('/api/v1/adherence?level=agent&granularity=month&from=2026-03-01&to=2026-03-08').expect(200);
    expect(month.body.data.find((r: { key: string }) => r.key === 'a1')).toMatchObject({ periodStart: '2026-03-01T00:00:00Z' });
    // Berlin: a night shift from Saturday 22:00 (+01:00) to Sunday 06:00 (+02:00) lasts 7 hours
    // and belongs to Saturday 28 March, whose local midnight is 27 March 23:00 UTC.
    await request(t.baseUrl).put('/api/v1/channels/berlin').set(...as('admin')).send({ name: 'Berlin', media: 'voice-inbound', timeZone: 'Europe/Berlin', intervalMinutes: 30 }).expect(201);
    await post('/api/v1/schedules', ['agent_id,team,channels,activity,start,end', 'b1,night,berlin,work,2026-03-28 22:00,2026-03-29 06:00'].join('\n')).expect(201);
    await post('/api/v1/agent-states', ['agent_id,state,start,end', 'b1,available,2026-03-28T22:00:00+01:00,2026-03-29T06:00:00+02:00'].join('\n')).expect(201);
    const night = await get('/api/v1/adherence?level=agent&granularity=day&from=2026-03-27&to=2026-03-30').expect(200);
    expect(night.body.data).toEqual([expect.objectContaining({ key: 'b1', periodStart: '2026-03-27T23:00:00Z', periodStartLocal: '2026-03-28T00:00:00+01:00', scheduledSeconds: 7 * 3600, adherence: 1 })]);
  });

  it('documents every response as a DTO in OpenAPI, with the CSV columns of the reads', async () => {
    const doc = (await request(t.baseUrl).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; description?: string }; example?: string }> }> }>>;
    };
    const ref = (path: string, method: string, status: string, type = 'application/json'): string | undefined => doc.paths[path][method].responses[status].content?.[type]?.schema?.$ref;
    expect(ref('/api/v1/schedules', 'post', '201')).toBe('#/components/schemas/SchedulesUploadResultDto');
    expect(ref('/api/v1/agent-states', 'post', '201')).toBe('#/components/schemas/AgentStatesUploadResultDto');
    expect(ref('/api/v1/adherence/rules', 'get', '200')).toBe('#/components/schemas/AdherenceSettingsDto');
    expect(ref('/api/v1/adherence/rules', 'put', '200')).toBe('#/components/schemas/AdherenceSettingsDto');
    expect(ref('/api/v1/adherence', 'get', '200')).toBe('#/components/schemas/AdherenceListDto');
    expect(ref('/api/v1/adherence/exceptions', 'get', '200')).toBe('#/components/schemas/ExceptionListDto');
    expect(ref('/api/v1/staffing/headcount', 'get', '200')).toBe('#/components/schemas/HeadcountListDto');
    // The CSV header documented is the one served (first line of the adherence CSV above).
    const csv = doc.paths['/api/v1/adherence'].get.responses['200'].content?.['text/csv'];
    expect(csv?.example).toBe('level,key,period_start,period_start_local,scheduled_seconds,adherent_seconds,adherence,productive_scheduled_seconds,worked_seconds,conformance,exceptions,early_log_off_seconds,late_log_off_seconds\r\n');
    const served = await get('/api/v1/staffing/headcount?from=2026-03-02T09:00:00Z&to=2026-03-02T09:30:00Z&format=csv').expect(200);
    expect(doc.paths['/api/v1/staffing/headcount'].get.responses['200'].content?.['text/csv']?.example).toBe(`${served.text.split('\r\n')[0]}\r\n`);
  });

  it('lists exceptions longer than the grace period', async () => {
    const res = await get('/api/v1/adherence/exceptions?from=2026-03-02&to=2026-03-03').expect(200);
    expect(res.body.data).toEqual([{ agentId: 'a1', team: 'red', activity: 'work', state: 'lunch', start: Z('13:00'), end: Z('13:10'), durationSeconds: 600 }]);
    expect((await get('/api/v1/adherence/exceptions?from=2026-03-02&to=2026-03-03&minSeconds=601').expect(200)).body.data).toEqual([]);
    expect((await get('/api/v1/adherence/exceptions?from=2026-03-02&to=2026-03-03&team=blue').expect(200)).body.data).toEqual([]);
    expect((await get('/api/v1/adherence/exceptions?from=2026-03-02').expect(422)).body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses bad adherence and headcount reads with 422 naming the field, and reads without a key with 401', async () => {
    const refused = async (path: string, status: number, code: string, field?: string): Promise<void> => {
      const res = await get(path).expect(failsWith(status, code));
      if (field) expect({ path, fields: (res.body.details.errors as Array<{ field: string }>).map((e) => e.field) }).toEqual({ path, fields: [field] });
    };
    const day = 'from=2026-03-02&to=2026-03-03';
    await refused('/api/v1/adherence?to=2026-03-03', 422, 'VALIDATION_FAILED', 'from');
    await refused('/api/v1/adherence?from=2026-03-02', 422, 'VALIDATION_FAILED', 'to');
    await refused('/api/v1/adherence?from=yesterday&to=2026-03-03', 422, 'VALIDATION_FAILED', 'from');
    await refused('/api/v1/adherence?from=2026-03-03&to=2026-03-02', 422, 'VALIDATION_FAILED', 'to'); // to must be after from
    await refused('/api/v1/adherence?from=2026-01-01&to=2026-04-05', 422, 'VALIDATION_FAILED', 'to'); // 94 days > 93
    await refused(`/api/v1/adherence?${day}&level=desk`, 422, 'VALIDATION_FAILED', 'level');
    await refused(`/api/v1/adherence?${day}&granularity=hour`, 422, 'VALIDATION_FAILED', 'granularity');
    await refused(`/api/v1/adherence?${day}&format=xml`, 422, 'VALIDATION_FAILED', 'format');
    await refused(`/api/v1/staffing/headcount?${day}&channel=fax`, 422, 'UNKNOWN_CHANNELS');
    await refused('/api/v1/staffing/headcount?from=2026-03-02', 422, 'VALIDATION_FAILED', 'to');
    await refused('/api/v1/staffing/headcount?from=2026-01-01&to=2026-04-05', 422, 'VALIDATION_FAILED', 'to');
    await refused(`/api/v1/staffing/headcount?${day}&limit=10001`, 422, 'VALIDATION_FAILED', 'limit');
    await request(t.baseUrl).get(`/api/v1/adherence?${day}`).expect(failsWith(401, 'UNAUTHENTICATED'));
    await request(t.baseUrl).get(`/api/v1/staffing/headcount?${day}`).expect(failsWith(401, 'UNAUTHENTICATED'));
  });

  it('gives scheduled, staffed and required agents per interval with over/under and occupancy', async () => {
    // A plan for voice: 100 contacts of 180 s at 09:00, 80/20 → 14 agents (Erlang C).
    await request(t.baseUrl).post('/api/v1/forecasts?label=w10').set(...as('planner')).set('Content-Type', 'text/csv')
      .send(`channel,interval_start,volume,aht_seconds\nvoice,${Z('09:00')},100,180`).expect(201)
      .then((r) => request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: r.body.id }).expect(201));
    // Interval actuals at 09:00: 5 answered, 900 handle seconds → 900 / (1.5 staffed × 1800 s).
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv')
      .send(`channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds\nvoice,${Z('09:00')},5,5,0,5,0,20,900,10`).expect(201);
    const res = await get(`/api/v1/staffing/headcount?channel=voice&from=${Z('09:00')}&to=${Z('10:00')}`).expect(200);
    // 09:00: a1 (1) + a2 (half of 1 on voice) = 1.5 scheduled and staffed; busy = a2 20 min on contact × 0.5 = 600 s,
    // idle = a1 1800 s + a2 10 min available × 0.5 = 2100 s. 09:30: a2 works 15 of 30 min → 1 + 0.25; ACW 900 s × 0.5.
    expect(res.body.data).toEqual([
      { channel: 'voice', periodStart: Z('09:00'), periodStartLocal: '2026-03-02T09:00:00+00:00', scheduled: 1.5, staffed: 1.5, required: 14,
        scheduledOverUnder: -12.5, staffedOverUnder: -12.5, busySeconds: 600, idleSeconds: 2100, occupancy: 600 / 2700, answered: 5, volumeOccupancy: 900 / (1.5 * 1800) },
      { channel: 'voice', periodStart: Z('09:30'), periodStartLocal: '2026-03-02T09:30:00+00:00', scheduled: 1.25, staffed: 1.25, required: null,
        scheduledOverUnder: null, staffedOverUnder: null, busySeconds: 450, idleSeconds: 1800, occupancy: 0.2, answered: null, volumeOccupancy: null },
    ]);
  });
});


/**
 * Large agent-state uploads are merged chunk by chunk (50,000 rows) while the body is read. The
 * guarantees of an upload must not depend on where the chunk boundaries fall: these uploads put
 * an agent's rows in the first and the last chunk, with 50,000 rows of other agents between.
 */
describe('agent-state uploads across chunks', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const post = (path: string, body: string): request.Test => request(t.baseUrl).post(path).set(...as('scheduler')).set('Content-Type', 'text/csv').send(body);
  const rowsOf = async (agent: string): Promise<Array<[string, string, string]>> =>
    (await t.dataSource.query(`SELECT state, start_at AS s, end_at AS e FROM agent_states WHERE tenant_id = $1 AND agent_id = $2 ORDER BY start_at`, [tenant.tenantId, agent]))
      .map((r: { state: string; s: Date; e: Date }) => [r.state, r.s.toISOString(), r.e.toISOString()]);
  /** 50,000 filler rows: agents f000..f049, 1,000 one-minute states each on 2026-04-02. */
  const filler = (): string[] => {
    const out: string[] = [];
    const day = Date.parse('2026-04-02T00:00:00Z');
    for (let a = 0; a < 50; a++) {
      for (let k = 0; k < 1000; k++) {
        const s = day + k * 60_000;
        out.push(`f${String(a).padStart(3, '0')},available,${new Date(s).toISOString()},${new Date(s + 60_000).toISOString()}`);
      }
    }
    return out;
  };
  const big = (last: string): string => ['agent_id,state,start,end', `g1,available,${Z('08:00', '2026-04-01')},${Z('09:00', '2026-04-01')}`, ...filler(), last].join('\n');

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    // Stored before: g1 at 10:00-11:00 (inside g1's span 08:00-13:00 of the big upload, in
    // neither chunk's own span) and 14:00-15:00 (outside it); f000 on the filler's day.
    await post('/api/v1/agent-states', ['agent_id,state,start,end', `g1,break,${Z('10:00', '2026-04-01')},${Z('11:00', '2026-04-01')}`,
      `g1,break,${Z('14:00', '2026-04-01')},${Z('15:00', '2026-04-01')}`, `f000,offline,2026-04-02T00:00:30Z,2026-04-02T00:05:00Z`].join('\n')).expect(201);
  }, 60_000);
  afterAll(() => t.close());

  it('replaces what each agent\'s span covers, the gap between its chunks included, and answers a repeat as a duplicate', async () => {
    const csv = big(`g1,lunch,${Z('12:00', '2026-04-01')},${Z('13:00', '2026-04-01')}`);
    const res = await post('/api/v1/agent-states', csv).expect(201);
    // 50,002 rows, 51 agents (g1 and f000..f049); replaced: g1 10:00-11:00 and f000's offline row.
    expect(res.body).toMatchObject({ form: 'segments', rows: 50_002, agents: 51, segments: 50_002, replacedRows: 2, from: Z('08:00', '2026-04-01'), to: '2026-04-02T16:40:00Z' });
    expect(await rowsOf('g1')).toEqual([
      ['available', '2026-04-01T08:00:00.000Z', '2026-04-01T09:00:00.000Z'],
      ['lunch', '2026-04-01T12:00:00.000Z', '2026-04-01T13:00:00.000Z'],
      ['break', '2026-04-01T14:00:00.000Z', '2026-04-01T15:00:00.000Z'],
    ]);
    expect((await rowsOf('f000')).slice(0, 2)).toEqual([
      ['available', '2026-04-02T00:00:00.000Z', '2026-04-02T00:01:00.000Z'], ['available', '2026-04-02T00:01:00.000Z', '2026-04-02T00:02:00.000Z'],
    ]);
    const again = await post('/api/v1/agent-states', csv).expect(200);
    expect(again.body).toMatchObject({ uploadId: res.body.uploadId, duplicate: true, segments: 50_002 });
  }, 120_000);

  it('refuses rows overlapping across chunks (out of order, or the same start) naming both lines, and writes nothing', async () => {
    const before = await rowsOf('g1');
    // Line 50,003 overlaps line 2 (08:00-09:00) and comes after it in another chunk.
    const overlap = await post('/api/v1/agent-states', big(`g1,break,${Z('08:30', '2026-04-01')},${Z('08:45', '2026-04-01')}`)).expect(failsWith(422, 'INVALID_ROWS'));
    expect(overlap.body.details.errors).toEqual([{ line: 50_003, column: 'start', value: '2026-04-01T08:30:00Z', reason: 'overlapping states of agent g1: lines 2 and 50003' }]);
    // The same agent and start: the chunk's insert clashes on the key; the 422 still names both
    // lines (ordered by start, then end: 08:00-08:20 on line 50,003 comes first).
    const clash = await post('/api/v1/agent-states', big(`g1,break,${Z('08:00', '2026-04-01')},${Z('08:20', '2026-04-01')}`)).expect(failsWith(422, 'INVALID_ROWS'));
    expect(clash.body.details.errors).toEqual([{ line: 2, column: 'start', value: '2026-04-01T08:00:00Z', reason: 'overlapping states of agent g1: lines 50003 and 2' }]);
    expect(await rowsOf('g1')).toEqual(before);
  }, 120_000);

  it('reads a state longer than two days from inside it (events: Friday 18:00 to Monday 08:00)', async () => {
    await request(t.baseUrl).put('/api/v1/channels/v').set(...as('admin')).send({ name: 'V', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30 }).expect(201);
    await post('/api/v1/schedules', ['agent_id,team,channels,activity,start,end', `w1,red,v,work,${Z('09:00', '2026-05-01')},${Z('17:00', '2026-05-01')}`].join('\n')).expect(201);
    const events = await post('/api/v1/agent-states', ['agent_id,state,at', `w1,available,${Z('18:00', '2026-05-01')}`, `w1,offline,${Z('08:00', '2026-05-04')}`, `w2,offline,${Z('09:00', '2026-05-04')}`].join('\n')).expect(201);
    expect(events.body).toMatchObject({ form: 'events', segments: 2 });
    // Sunday 12:00: w1 has been available for 42 hours and stays so for 20 more: 1 staffed, 1,800 idle seconds.
    const res = await request(t.baseUrl).get(`/api/v1/staffing/headcount?channel=v&from=${Z('12:00', '2026-05-03')}&to=${Z('12:30', '2026-05-03')}`).set(...as('analyst')).expect(200);
    // No schedule covers that Sunday: scheduled is unknown (null), not 0.
    expect(res.body.data).toEqual([expect.objectContaining({ periodStart: Z('12:00', '2026-05-03'), scheduled: null, staffed: 1, busySeconds: 0, idleSeconds: 1800 })]);
  }, 60_000);
});

/**
 * headcountIntervals aggregates in SQL. Its rows must equal the former computation, which read
 * every schedule row, agent state and roster entry of the range into memory and ran the core
 * kernels spreadAcrossChannels and accumulateIntervalSeconds: that computation is repeated here
 * on the stored rows, independently of the service, on a deterministic pseudo-random data set
 * (channels in three zones and interval lengths, agents on one to three channels, states crossing
 * the range's bounds, range bounds off the grids), before and after a change of the rules.
 */
describe('headcount from SQL aggregation against the in-memory computation', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const post = (path: string, body: string): request.Test => request(t.baseUrl).post(path).set(...as('scheduler')).set('Content-Type', 'text/csv').send(body);
  const CHANNELS = [
    { code: 'u30', timeZone: 'UTC', intervalMinutes: 30 },
    { code: 'b15', timeZone: 'Europe/Berlin', intervalMinutes: 15 },
    { code: 'k60', timeZone: 'Asia/Kolkata', intervalMinutes: 60 },
  ];
  const STATES = ['available', 'on-contact', 'after-contact-work', 'outbound', 'break', 'lunch', 'meeting', 'offline'];
  const ACTIVITIES = ['work', 'work', 'work', 'break', 'meeting', 'training'];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    for (const c of CHANNELS) {
      await request(t.baseUrl).put(`/api/v1/channels/${c.code}`).set(...as('admin')).send({ name: c.code, media: 'voice-inbound', timeZone: c.timeZone, intervalMinutes: c.intervalMinutes }).expect(201);
    }
    // A linear congruential generator (Numerical Recipes constants): the same data every run.
    let seed = 12_345;
    const rnd = (n: number): number => {
      seed = (seed * 1_664_525 + 1_013_904_223) % 4_294_967_296;
      return Math.floor((seed / 4_294_967_296) * n);
    };
    const schedule = ['agent_id,team,channels,activity,start,end'];
    const states = ['agent_id,state,start,end'];
    const day0 = Date.parse('2026-03-28T00:00:00Z'); // Berlin changes its clocks on 29 March
    for (let a = 0; a < 14; a++) {
      const k = 1 + (a % 3);
      const channels = Array.from({ length: k }, (_, j) => CHANNELS[(a + j) % 3].code).join('|');
      for (let d = 0; d < 3; d++) {
        let s = day0 + d * 86_400_000 + (5 * 60 + rnd(600)) * 60_000 + rnd(60) * 1000;
        for (let i = 0; i < 6; i++) {
          const e = s + (20 + rnd(100)) * 60_000 + rnd(60) * 1000;
          schedule.push(`a${a},t${a % 2},${channels},${ACTIVITIES[rnd(ACTIVITIES.length)]},${new Date(s).toISOString()},${new Date(e).toISOString()}`);
          s = e + (rnd(3) === 0 ? rnd(30) * 60_000 : 0);
        }
        let x = day0 + d * 86_400_000 + (4 * 60 + rnd(600)) * 60_000;
        for (let i = 0; i < 25; i++) {
          const e = x + (1 + rnd(40)) * 60_000 + rnd(1000);
          states.push(`a${a},${STATES[rnd(STATES.length)]},${new Date(x).toISOString()},${new Date(e).toISOString()}`);
          x = e + (rnd(4) === 0 ? rnd(20) * 60_000 : 0);
        }
      }
    }
    // States of an agent without a schedule (not on the roster): read by neither computation.
    states.push('z9,available,2026-03-28T10:00:00Z,2026-03-28T12:00:00Z');
    await post('/api/v1/schedules', schedule.join('\n')).expect(201);
    await post('/api/v1/agent-states', states.join('\n')).expect(201);
  }, 60_000);
  afterAll(() => t.close());

  /** The former in-memory computation (adherence.service.ts before SQL aggregation), on rows read here. */
  async function reference(all: readonly Channel[], chosen: readonly Channel[], fromMs: number, toMs: number, settings: AdherenceSettings) {
    const db = t.dataSource;
    const schedule: Array<{ codes: string[]; activity: string; s: number; e: number }> = await db.query(
      `SELECT channel_codes AS codes, activity, extract(epoch FROM start_at)::float8 AS s, extract(epoch FROM end_at)::float8 AS e
         FROM schedule_activities WHERE tenant_id = $1 AND start_at < $3 AND end_at > $2 ORDER BY agent_id, start_at`, [tenant.tenantId, new Date(fromMs), new Date(toMs)]);
    const states: Array<{ agentId: string; state: string; s: number; e: number }> = await db.query(
      `SELECT agent_id AS "agentId", state, extract(epoch FROM start_at)::float8 AS s, extract(epoch FROM end_at)::float8 AS e
         FROM agent_states WHERE tenant_id = $1 AND start_at < $3 AND end_at > $2`, [tenant.tenantId, new Date(fromMs), new Date(toMs)]);
    const roster: Array<{ agentId: string; codes: string[] }> = await db.query(
      'SELECT agent_id AS "agentId", channel_codes AS codes FROM adherence_agents WHERE tenant_id = $1 ORDER BY agent_id', [tenant.tenantId]);
    const channelIndex = new Map(all.map((c, i) => [c.code, i]));
    const productiveActivity = new Set(settings.activities.filter((a) => a.productive).map((a) => a.code));
    const stateOf = new Map(settings.states.map((s) => [s.code, s]));
    const csr = (lists: string[][]): [Int32Array, Int32Array] => {
      const offsets = new Int32Array(lists.length + 1);
      const flat: number[] = [];
      lists.forEach((l, i) => {
        for (const c of l) if (channelIndex.has(c)) flat.push(channelIndex.get(c)!);
        offsets[i + 1] = flat.length;
      });
      return [offsets, Int32Array.from(flat)];
    };
    const [sOff, sCh] = csr(schedule.map((r) => r.codes));
    const scheduled = spreadAcrossChannels(Int32Array.from(schedule, (_r, i) => i), Float64Array.from(schedule, (r) => r.s), Float64Array.from(schedule, (r) => r.e),
      Uint8Array.from(schedule, (r) => (productiveActivity.has(r.activity) ? 1 : 0)), sOff, sCh);
    const agentIndex = new Map(roster.map((a, i) => [a.agentId, i]));
    const [aOff, aCh] = csr(roster.map((a) => a.codes));
    const known = states.filter((s) => agentIndex.has(s.agentId) && stateOf.has(s.state));
    const spread = (keep: (code: string) => boolean) => spreadAcrossChannels(Int32Array.from(known, (s) => agentIndex.get(s.agentId)!), Float64Array.from(known, (s) => s.s),
      Float64Array.from(known, (s) => s.e), Uint8Array.from(known, (s) => (keep(s.state) ? 1 : 0)), aOff, aCh);
    const staffed = spread((c) => stateOf.get(c)!.productive);
    const busy = spread((c) => stateOf.get(c)!.occupancy === 'busy');
    const idle = spread((c) => stateOf.get(c)!.occupancy === 'idle');
    const rows: Array<{ channel: string; periodStart: string; scheduled: number; staffed: number; busySeconds: number; idleSeconds: number }> = [];
    for (const ch of chosen) {
      const clock = zoneClockFor(ch.timeZone);
      const step = ch.intervalMinutes * 60_000;
      const offset = clock.offsetMinutesAt(fromMs) * 60_000;
      const starts: number[] = [];
      for (let x = Math.floor((fromMs + offset) / step) * step - offset; x < toMs; x += step) starts.push(x);
      const edges = Float64Array.from([...starts, starts[starts.length - 1] + step], (ms) => ms / 1000);
      const ci = channelIndex.get(ch.code)!;
      const sum = (seg: ReturnType<typeof spreadAcrossChannels>): Float64Array => {
        const pick = Array.from(seg.channel.keys()).filter((k) => seg.channel[k] === ci);
        const acc = new Float64Array(starts.length);
        accumulateIntervalSeconds(Float64Array.from(pick, (k) => seg.start[k]), Float64Array.from(pick, (k) => seg.end[k]), Float64Array.from(pick, (k) => seg.weight[k]),
          new Int32Array(pick.length), edges, acc);
        return acc;
      };
      const [a, b, c, d] = [sum(scheduled), sum(staffed), sum(busy), sum(idle)];
      starts.forEach((ms, i) => rows.push({ channel: ch.code, periodStart: new Date(ms).toISOString().replace('.000Z', 'Z'), scheduled: a[i] / (step / 1000), staffed: b[i] / (step / 1000), busySeconds: c[i], idleSeconds: d[i] }));
    }
    return { rows, schedules: schedule.length, states: known.length };
  }

  const close = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));

  async function compare(fromIso: string, toIso: string): Promise<number> {
    const service = t.app.get(AdherenceService);
    const all = await t.app.get(ChannelsService).list(tenant.tenantId);
    const chosen = [...all].sort((x, y) => (x.code < y.code ? -1 : 1));
    const [fromMs, toMs] = [Date.parse(fromIso), Date.parse(toIso)];
    const columns = await service.headcountColumns(tenant.tenantId, all, chosen, fromMs, toMs);
    const got = {
      schedules: columns.schedules,
      states: columns.states,
      rows: columns.channels.flatMap((h) => Array.from({ length: h.length }, (_, k) => ({
        channel: h.channel.code, periodStart: new Date(h.startMs[k]).toISOString().replace('.000Z', 'Z'),
        scheduled: h.scheduledAgents[k], staffed: h.staffedAgents[k], busySeconds: h.busySeconds[k], idleSeconds: h.idleSeconds[k],
      }))),
    };
    const want = await reference(all, chosen, fromMs, toMs, await service.getRules(tenant.tenantId));
    expect(got.rows.map((r) => [r.channel, r.periodStart])).toEqual(want.rows.map((r) => [r.channel, r.periodStart]));
    // Missing is not zero: an interval whose local day holds no schedule (agent state) of the
    // channel is NaN; the in-memory computation knows no coverage and says 0 there.
    const same = (x: number, w: number): boolean => (x === x ? close(x, w) : w === 0);
    const differing = got.rows.filter((r, i) => {
      const w = want.rows[i];
      return !(same(r.scheduled, w.scheduled) && same(r.staffed, w.staffed) && same(r.busySeconds, w.busySeconds) && same(r.idleSeconds, w.idleSeconds));
    });
    expect(differing).toEqual([]);
    expect([got.schedules, got.states]).toEqual([want.schedules, want.states]);
    // Not a vacuous comparison: the data set puts agents in most intervals of the day.
    return got.rows.filter((r) => r.scheduled > 0 && r.staffed > 0 && r.busySeconds > 0).length;
  }

  it('gives the same rows over three days with bounds off the grids, and over one interval', async () => {
    expect(await compare('2026-03-28T03:10:00Z', '2026-03-30T22:50:00Z')).toBeGreaterThan(100);
    await compare('2026-03-29T09:00:00Z', '2026-03-29T09:15:00Z');
  });

  it('follows a change of the rules (which activities and states are productive, busy or idle)', async () => {
    const rules = (await request(t.baseUrl).get('/api/v1/adherence/rules').set(...as('analyst')).expect(200)).body as AdherenceSettings;
    await request(t.baseUrl).put('/api/v1/adherence/rules').set(...as('scheduler')).send({
      ...rules,
      activities: rules.activities.map((a) => (a.code === 'meeting' ? { ...a, productive: true } : a)),
      states: rules.states.map((s) => (s.code === 'outbound' ? { ...s, occupancy: 'busy' } : s.code === 'meeting' ? { ...s, productive: true, occupancy: 'idle' } : s)),
    }).expect(200);
    expect(await compare('2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toBeGreaterThan(100);
  });
});
