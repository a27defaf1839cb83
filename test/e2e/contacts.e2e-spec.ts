import request from 'supertest';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

const HEADER = 'channel,contact_id,arrived_at,answered_at,ended_at,abandoned_at,handle_seconds,wait_seconds,agent_id,outcome';

const SEMICOLON_MAPPING = {
  description: 'ACD export with ; and day-first dates',
  kind: 'contacts',
  delimiter: ';',
  dateTimeFormat: 'dd/mm/yyyy hh:mm:ss',
  nullValues: { Agent: ['-'] },
  skipRows: [{ Result: 'TEST' }],
  fields: {
    channel: { column: 'Queue', values: { Q1: 'voice', Q2: 'chat' } },
    contact_id: 'Id',
    arrived_at: 'Start',
    handle_seconds: 'Talk',
    wait_seconds: 'Wait',
    agent_id: 'Agent',
    outcome: { column: 'Result', values: { OK: 'answered', LOST: 'abandoned' } },
  },
};

describe('per-contact logs and import mappings', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const post = (body: string, query = ''): request.Test =>
    request(t.baseUrl).post(`/api/v1/actuals/contacts${query}`).set(...as('planner')).set('Content-Type', 'text/csv').send(body);
  const intervals = async (query: string): Promise<Array<Record<string, unknown>>> =>
    (await request(t.baseUrl).get(`/api/v1/actuals/intervals?${query}`).set(...as('analyst')).expect(200)).body.data;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    await request(t.baseUrl).put('/api/v1/channels/voice').set(...as('admin')).send({ name: 'Voice', media: 'voice-inbound', timeZone: 'Europe/Berlin', intervalMinutes: 30, thresholdSeconds: 20 }).expect(201);
    await request(t.baseUrl).put('/api/v1/channels/chat').set(...as('admin')).send({ name: 'Chat', media: 'chat', timeZone: 'UTC', intervalMinutes: 15, thresholdSeconds: 30 }).expect(201);
  });
  afterAll(() => t.close());

  it('keeps the contacts and derives interval actuals (arrival interval, wait <= threshold, totals, distinct agents)', async () => {
    const csv = [
      HEADER,
      'voice,c1,2026-03-02 09:00:05,2026-03-02 09:00:15,2026-03-02 09:03:15,,,,ann,answered',
      'voice,c2,2026-03-02 09:10:00,,,,200,25,bob,answered',
      'voice,c3,2026-03-02 09:20:00,,,2026-03-02 09:20:15,,,,abandoned',
      'voice,c4,2026-03-02 09:29:59,,,,,,,ignored',
      'voice,c5,2026-03-02 09:45:00,,,,60,0,ann,answered',
      'chat,x1,2026-03-02T08:01:00Z,,,,120,31,zoe,answered',
      'chat,x2,2026-03-02T08:14:59Z,,,,,40,,abandoned',
    ].join('\n');
    const res = await post(csv).expect(201);
    expect(res.body).toMatchObject({
      kind: 'contacts', rows: 7, skippedRows: 0, contacts: { answered: 4, abandoned: 2, ignored: 1 }, intervals: 3,
      replacedContacts: 0, replacedIntervals: 0, channels: ['chat', 'voice'], duplicate: false,
    });
    const rows = await intervals('from=2026-03-02&to=2026-03-03');
    const pick = (r: Record<string, unknown>): unknown[] => [
      r.channel, r.periodStart, r.offered, r.answered, r.abandoned, r.answeredWithinThreshold, r.abandonedWithinThreshold,
      r.thresholdSeconds, r.handleSeconds, r.waitSeconds, r.agentsHandled, r.uploadId === res.body.uploadId,
    ];
    expect(rows.map(pick)).toEqual([
      ['chat', '2026-03-02T08:00:00Z', 2, 1, 1, 0, 0, 30, 120, 31, 1, true],
      ['voice', '2026-03-02T08:00:00Z', 3, 2, 1, 1, 1, 20, 380, 35, 2, true],
      ['voice', '2026-03-02T08:30:00Z', 1, 1, 0, 1, 0, 20, 60, 0, 1, true],
    ]);
    const kept = await request(t.baseUrl).get('/api/v1/actuals/contacts?channel=voice').set(...as('analyst')).expect(200);
    expect(kept.body.data).toHaveLength(5);
    expect(kept.body.data[0]).toEqual({
      channel: 'voice', contactId: 'c1', periodStart: '2026-03-02T08:00:00Z', periodStartLocal: '2026-03-02T09:00:00+01:00',
      arrivedAt: '2026-03-02T08:00:05Z', answeredAt: '2026-03-02T08:00:15Z', endedAt: '2026-03-02T08:03:15Z', abandonedAt: null,
      handleSeconds: 180, waitSeconds: 10, agentId: 'ann', outcome: 'answered', uploadId: res.body.uploadId, line: 2, contactType: null,
    });
    const csvOut = await request(t.baseUrl).get('/api/v1/actuals/contacts?channel=chat&format=csv').set(...as('analyst')).expect(200);
    expect(csvOut.text.split('\r\n')[2]).toBe(`chat,x2,2026-03-02T08:00:00Z,2026-03-02T08:00:00+00:00,2026-03-02T08:14:59Z,,,,,40,,abandoned,${res.body.uploadId},8,`); // contact_type (last) empty
    const page = await request(t.baseUrl).get('/api/v1/actuals/contacts?limit=4').set(...as('analyst')).expect(200);
    const rest = await request(t.baseUrl).get(`/api/v1/actuals/contacts?limit=4&cursor=${page.body.next}`).set(...as('analyst')).expect(200);
    expect([...page.body.data, ...rest.body.data].map((c: { contactId: string }) => c.contactId)).toEqual(['x1', 'x2', 'c1', 'c2', 'c3', 'c4', 'c5']);
    expect(rest.body.next).toBeNull();
  });

  it('replaces the contacts and actuals of the intervals a new log covers, and no others', async () => {
    const res = await post([HEADER, 'voice,c9,2026-03-02 09:15:00,,,,100,5,cy,answered'].join('\n')).expect(201);
    expect(res.body).toMatchObject({ rows: 1, replacedContacts: 4, intervals: 1, replacedIntervals: 1 });
    const rows = await intervals('channel=voice&from=2026-03-02&to=2026-03-03');
    expect(rows.map((r) => [r.periodStart, r.offered, r.handleSeconds])).toEqual([
      ['2026-03-02T08:00:00Z', 1, 100],
      ['2026-03-02T08:30:00Z', 1, 60],
    ]);
    const kept = await request(t.baseUrl).get('/api/v1/actuals/contacts?channel=voice').set(...as('analyst')).expect(200);
    expect(kept.body.data.map((c: { contactId: string }) => c.contactId)).toEqual(['c9', 'c5']);
  });

  it('bins contacts of the repeated autumn hour by their offset and refuses ambiguous local times', async () => {
    const ok = await post([HEADER, 'voice,d1,2026-10-25T02:10:00+02:00,,,,10,1,a,answered', 'voice,d2,2026-10-25T02:10:00+01:00,,,,10,1,a,answered'].join('\n')).expect(201);
    expect(ok.body.intervals).toBe(2);
    const rows = await intervals('channel=voice&from=2026-10-25&to=2026-10-26');
    expect(rows.map((r) => [r.periodStart, r.periodStartLocal])).toEqual([
      ['2026-10-25T00:00:00Z', '2026-10-25T02:00:00+02:00'],
      ['2026-10-25T01:00:00Z', '2026-10-25T02:00:00+01:00'],
    ]);
    const bad = await post([HEADER, 'voice,d3,2026-10-25 02:10:00,,,,10,1,a,answered', 'voice,d4,2026-03-29 02:10:00,,,,10,1,a,answered'].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(bad.body.details.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([[2, 'arrived_at'], [3, 'arrived_at']]);
  });

  it('says which contact fields are missing or wrong', async () => {
    const res = await post([
      HEADER,
      'voice,,2026-03-03 09:00:00,,,,1,1,,answered',
      'voice,e2,2026-03-03 09:00:00,,,,,,,answered',
      'voice,e3,2026-03-03 09:00:00,,,,,,,hung-up',
      'voice,e4,2026-03-03 09:00:00,,,,,,,abandoned',
    ].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(res.body.details.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [2, 'contact_id'], [3, 'wait_seconds'], [3, 'handle_seconds'], [4, 'outcome'], [5, 'wait_seconds'],
    ]);
  });

  it('saves import mappings (planner) and reads foreign files with ?mapping=', async () => {
    const created = await request(t.baseUrl).put('/api/v1/import-mappings/acd-semicolon').set(...as('planner')).send(SEMICOLON_MAPPING).expect(201);
    expect(created.body).toMatchObject({ name: 'acd-semicolon', kind: 'contacts', delimiter: ';', fields: { contact_id: { column: 'Id' } } });
    await request(t.baseUrl).put('/api/v1/import-mappings/acd-semicolon').set(...as('planner')).send(SEMICOLON_MAPPING).expect(200);
    await request(t.baseUrl).put('/api/v1/import-mappings/acd-semicolon').set(...as('analyst')).send(SEMICOLON_MAPPING).expect(failsWith(403, 'FORBIDDEN'));
    const list = await request(t.baseUrl).get('/api/v1/import-mappings').set(...as('analyst')).expect(200);
    expect(list.body.data.map((m: { name: string }) => m.name)).toEqual(['acd-semicolon']);
    const file = [
      'Id;Queue;Start;Wait;Talk;Agent;Result;Comment',
      '1;Q1;02/04/2026 09:00:05;10;180;ann;OK;first',
      '2;Q1;02/04/2026 09:20:00;15;0;-;LOST;"a; b"',
      '3;Q2;02/04/2026 08:01:00;5;60;zoe;OK;',
      '4;Q1;02/04/2026 09:05:00;1;1;-;TEST;test call',
    ].join('\r\n');
    const res = await post(file, '?mapping=acd-semicolon').expect(201);
    expect(res.body).toMatchObject({ rows: 3, skippedRows: 1, contacts: { answered: 2, abandoned: 1, ignored: 0 }, channels: ['chat', 'voice'] });
    const rows = await intervals('from=2026-04-02&to=2026-04-03');
    expect(rows.map((r) => [r.channel, r.periodStart, r.offered, r.answered, r.abandoned, r.agentsHandled])).toEqual([
      ['chat', '2026-04-02T08:00:00Z', 1, 1, 0, 1],
      ['voice', '2026-04-02T07:00:00Z', 2, 1, 1, 1],
    ]);
    const log = await request(t.baseUrl).get('/api/v1/uploads?kind=contacts&limit=1').set(...as('analyst')).expect(200);
    expect(log.body.data[0]).toMatchObject({ mapping: 'acd-semicolon', outcome: 'succeeded', rows: 3 });

    const bad = await post(file.replace('02/04/2026 09:20:00', '31/02/2026 09:20:00'), '?mapping=acd-semicolon').expect(failsWith(422, 'INVALID_ROWS'));
    expect(bad.body.details.errors).toEqual([{ line: 3, column: 'Start', value: '31/02/2026 09:20:00', reason: 'must be a timestamp in the format dd/mm/yyyy hh:mm:ss' }]);
    const missing = await post('Id;Queue;Begin\n1;Q1;x\n', '?mapping=acd-semicolon').expect(failsWith(422, 'INVALID_ROWS'));
    expect(missing.body.details.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toContainEqual([1, 'Start']);
    const unknownChannel = await post(file.replace(';Q2;', ';Q9;'), '?mapping=acd-semicolon').expect(failsWith(422, 'UNKNOWN_CHANNELS'));
    expect(unknownChannel.body).toMatchObject({ code: 'UNKNOWN_CHANNELS', details: { unknown: ['Q9'] } });
  });

  it('validates mappings, their kind and their name', async () => {
    const bad = await request(t.baseUrl).put('/api/v1/import-mappings/broken').set(...as('planner'))
      .send({ kind: 'contacts', delimiter: '::', dateFormat: 'yyy', fields: { channel: 'q', contact: 'id' } }).expect(422);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.errors.map((e: { field: string }) => e.field)).toEqual([
      'delimiter', 'dateFormat', 'fields.contact', 'fields.contact_id', 'fields.arrived_at', 'fields.outcome',
    ]);
    await request(t.baseUrl).put('/api/v1/import-mappings/Bad%20Name').set(...as('planner')).send(SEMICOLON_MAPPING).expect(failsWith(422, 'VALIDATION_FAILED'));
    await request(t.baseUrl).put('/api/v1/import-mappings/x').set(...as('planner')).send({ ...SEMICOLON_MAPPING, colour: 'red' }).expect(failsWith(422, 'VALIDATION_FAILED'));
    const wrongKind = await request(t.baseUrl).post('/api/v1/actuals/intervals?mapping=acd-semicolon').set(...as('planner')).set('Content-Type', 'text/csv').send('a\n1\n').expect(failsWith(422, 'VALIDATION_FAILED'));
    expect(wrongKind.body.details.errors[0]).toMatchObject({ field: 'mapping', reason: 'is a mapping for contacts uploads, not interval-actuals' });
    const unknown = await post('a\n1\n', '?mapping=nope').expect(404);
    expect(unknown.body.code).toBe('IMPORT_MAPPING_NOT_FOUND');
    await request(t.baseUrl).get('/api/v1/import-mappings/nope').set(...as('analyst')).expect(failsWith(404, 'IMPORT_MAPPING_NOT_FOUND'));
    await request(t.baseUrl).delete('/api/v1/import-mappings/acd-semicolon').set(...as('planner')).expect(204);
    await request(t.baseUrl).get('/api/v1/import-mappings/acd-semicolon').set(...as('analyst')).expect(failsWith(404, 'IMPORT_MAPPING_NOT_FOUND'));
    await request(t.baseUrl).delete('/api/v1/import-mappings/acd-semicolon').set(...as('planner')).expect(failsWith(404, 'IMPORT_MAPPING_NOT_FOUND'));
  });

  it('refuses to delete a channel that has actuals (409 CHANNEL_IN_USE)', async () => {
    expect((await request(t.baseUrl).delete('/api/v1/channels/chat').set(...as('admin')).expect(409)).body.code).toBe('CHANNEL_IN_USE');
  });
});
