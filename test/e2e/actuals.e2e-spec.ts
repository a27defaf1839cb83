import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

const HEADER = 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds';

function row(channel: string, start: string, offered: number, extra = ''): string {
  const answered = offered - 1;
  return `${channel},${start},${offered},${answered},1,${answered - 1},0,20,${answered * 180},${answered * 10}${extra}`;
}

/** `n` consecutive half-hours of channel voice from 2025-01-01T00:00Z, as CSV rows. */
function halfHours(n: number, from = 0, offered = 10): string[] {
  const out: string[] = [];
  const base = Date.UTC(2025, 0, 1);
  for (let i = from; i < from + n; i++) out.push(row('voice', new Date(base + i * 1_800_000).toISOString().replace('.000Z', 'Z'), offered));
  return out;
}

describe('interval actuals', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const post = (body: string, headers: Record<string, string> = {}): request.Test =>
    request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv').set(headers).send(body);
  const stored = async (): Promise<number> =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM interval_actuals WHERE tenant_id = $1', [tenant.tenantId]))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    await request(t.baseUrl).put('/api/v1/channels/voice').set(...as('admin')).send({ name: 'Voice', media: 'voice-inbound', timeZone: 'Europe/Berlin', intervalMinutes: 30, thresholdSeconds: 20 }).expect(201);
    await request(t.baseUrl).put('/api/v1/channels/chat').set(...as('admin')).send({ name: 'Chat', media: 'chat', timeZone: 'UTC', intervalMinutes: 15, thresholdSeconds: 30 }).expect(201);
  });
  afterAll(() => t.close());

  it('stores an ACD interval report (columns in any order, optional columns) and reads it back', async () => {
    const csv = [
      'interval_start,channel,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds,talk_seconds,agents_staffed',
      '2026-03-02 09:00,voice,100,90,5,80,3,20,16200.5,900,14000,12.5',
      '2026-03-02T09:30:00+01:00,voice,50,50,0,50,0,20,9000,100,,',
      '2026-03-02T08:15:00Z,chat,7,6,1,6,1,30,1800,40,1500,3',
    ].join('\r\n');
    const res = await post(csv).expect(201);
    expect(res.body).toMatchObject({
      kind: 'interval-actuals', rows: 3, intervals: 3, replacedIntervals: 0, channels: ['chat', 'voice'],
      firstIntervalStart: '2026-03-02T08:00:00Z', lastIntervalStart: '2026-03-02T08:30:00Z', duplicate: false,
    });
    const got = await request(t.baseUrl).get('/api/v1/actuals/intervals?from=2026-03-02&to=2026-03-03').set(...as('analyst')).expect(200);
    expect(got.body.next).toBeNull();
    expect(got.body.data).toEqual([
      {
        channel: 'chat', periodStart: '2026-03-02T08:15:00Z', periodStartLocal: '2026-03-02T08:15:00+00:00', offered: 7, answered: 6, abandoned: 1,
        answeredWithinThreshold: 6, abandonedWithinThreshold: 1, thresholdSeconds: 30, handleSeconds: 1800, waitSeconds: 40, talkSeconds: 1500,
        holdSeconds: null, acwSeconds: null, agentsStaffed: 3, agentSecondsAvailable: null, agentsHandled: null, uploadId: res.body.uploadId,
      },
      expect.objectContaining({ channel: 'voice', periodStart: '2026-03-02T08:00:00Z', periodStartLocal: '2026-03-02T09:00:00+01:00', offered: 100, handleSeconds: 16200.5, talkSeconds: 14000, agentsStaffed: 12.5 }),
      expect.objectContaining({ channel: 'voice', periodStart: '2026-03-02T08:30:00Z', talkSeconds: null, agentsStaffed: null }),
    ]);
    expect(got.headers.etag).toMatch(/^W\/"/);
    await request(t.baseUrl).get('/api/v1/actuals/intervals?from=2026-03-02&to=2026-03-03').set(...as('analyst')).set('If-None-Match', got.headers.etag).expect(304);
    const csvOut = await request(t.baseUrl).get('/api/v1/actuals/intervals?channel=chat&format=csv').set(...as('analyst')).expect(200);
    expect(csvOut.headers['content-disposition']).toBe('attachment; filename="interval-actuals.csv"');
    expect(csvOut.text.split('\r\n')[0]).toBe(
      'channel,period_start,period_start_local,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,' +
        'handle_seconds,wait_seconds,talk_seconds,hold_seconds,acw_seconds,agents_staffed,agent_seconds_available,agents_handled,upload_id',
    );
    expect(csvOut.text.split('\r\n')[1]).toBe(`chat,2026-03-02T08:15:00Z,2026-03-02T08:15:00+00:00,7,6,1,6,1,30,1800,40,1500,,,3,,,${res.body.uploadId}`);
  });

  it('replaces re-uploaded intervals (last write wins) and records which upload wrote each', async () => {
    const first = await post([HEADER, ...halfHours(4, 1000)].join('\n')).expect(201);
    const second = await post([HEADER, ...halfHours(2, 1002, 30), ...halfHours(1, 1004, 30)].join('\n')).expect(201);
    expect(second.body).toMatchObject({ rows: 3, replacedIntervals: 2 });
    const got = await request(t.baseUrl).get('/api/v1/actuals/intervals?channel=voice&from=2025-01-21T20:00:00Z&to=2025-01-21T22:30:00Z').set(...as('analyst')).expect(200);
    expect(got.body.data.map((r: { periodStart: string; offered: number; uploadId: string }) => [r.periodStart, r.offered, r.uploadId === first.body.uploadId ? 'first' : 'second'])).toEqual([
      ['2025-01-21T20:00:00Z', 10, 'first'],
      ['2025-01-21T20:30:00Z', 10, 'first'],
      ['2025-01-21T21:00:00Z', 30, 'second'],
      ['2025-01-21T21:30:00Z', 30, 'second'],
      ['2025-01-21T22:00:00Z', 30, 'second'],
    ]);
  });

  it('checks answered + abandoned <= offered, within <= answered, whole non-negative counts; writes nothing', async () => {
    const before = await stored();
    const csv = [
      HEADER,
      'voice,2025-06-01T10:00:00Z,10,9,2,5,0,20,100,10',
      'voice,2025-06-01T10:30:00Z,10,5,2,6,3,20,100,10',
      'voice,2025-06-01T11:00:00Z,-1,0,0,0,0,20,100,10',
      'voice,2025-06-01T11:30:00Z,2.5,1,0,0,0,20,100,-10',
      'voice,2025-06-01T12:00:00Z,10,5,2,4,1,20,100,10',
    ].join('\n');
    const res = await post(csv).expect(failsWith(422, 'INVALID_ROWS'));
    expect(res.body.details.errors.map((e: { line: number; column: string; reason: string }) => [e.line, e.column, e.reason])).toEqual([
      [2, 'offered', 'answered (9) + abandoned (2) exceed offered (10)'],
      [3, 'answered_within_threshold', 'exceeds answered (5)'],
      [3, 'abandoned_within_threshold', 'exceeds abandoned (2)'],
      [4, 'offered', 'must be a whole number >= 0'],
      [5, 'offered', 'must be a whole number >= 0'],
      [5, 'wait_seconds', 'must be a finite number >= 0'],
    ]);
    expect(res.body.details.errorCount).toBe(6);
    expect(await stored()).toBe(before);
  });

  it('refuses the same interval twice in one file, naming both lines', async () => {
    const res = await post([HEADER, ...halfHours(3, 2000), row('voice', '2025-02-11 17:30', 5)].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    // 2025-02-11T16:00Z = 17:00 in Berlin; line 3 is 16:30Z = 17:30 local, repeated on line 5.
    expect(res.body.details.errors).toEqual([
      { line: 5, column: 'interval_start', value: '2025-02-11T16:30:00Z', reason: 'duplicate row: channel voice, interval 2025-02-11T16:30:00Z is on lines 3 and 5' },
    ]);
  });

  it('stages large files in chunks: duplicates across chunks, a bad last row, all or nothing, staging dropped', async () => {
    const rows = halfHours(110_000, 10_000);
    const before = await stored();
    const dup = await post([HEADER, ...rows, rows[0]].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(dup.body.details.errors[0]).toMatchObject({ line: 110_002, reason: expect.stringContaining("is on lines 2 and 110002") });
    const bad = await post([HEADER, ...rows, row('voice', '2040-01-01T00:00:00Z', 5).replace(',20,', ',-20,')].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(bad.body.details.errors[0]).toMatchObject({ line: 110_002, column: 'threshold_seconds' });
    expect(await stored()).toBe(before);
    const ok = await post([HEADER, ...rows].join('\n')).expect(201);
    expect(ok.body.rows).toBe(110_000);
    // The two voice intervals of 2026-03-02 stored by the first test fall inside the range.
    expect(ok.body.replacedIntervals).toBe(2);
    expect(await stored()).toBe(before + 110_000 - 2);
    const left = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'ingest_staging' AND tablename LIKE $1`, [`%${ok.body.uploadId.slice(0, 8)}%`]);
    expect(left[0].n).toBe(0);
  });

  it('answers the same bytes again with the first result and writes nothing new', async () => {
    const a = [HEADER, ...halfHours(2, 3000, 11)].join('\n');
    const b = [HEADER, ...halfHours(2, 3000, 22)].join('\n');
    const first = await post(a).expect(201);
    await post(b).expect(201);
    const again = await post(a).expect(200);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    const got = await request(t.baseUrl).get('/api/v1/actuals/intervals?channel=voice&from=2025-03-04T12:00:00Z&to=2025-03-04T13:00:00Z').set(...as('analyst')).expect(200);
    expect(got.body.data.map((r: { offered: number }) => r.offered)).toEqual([22, 22]);
    const before = await stored();
    const keyed = await post([HEADER, ...halfHours(1, 3100)].join('\n'), { 'Idempotency-Key': 'acd-2025-03-06' }).expect(201);
    const replay = await post([HEADER, ...halfHours(1, 3100)].join('\n'), { 'Idempotency-Key': 'acd-2025-03-06' }).expect(200);
    expect(replay.body).toEqual({ ...keyed.body, duplicate: true });
    const reused = await post([HEADER, ...halfHours(1, 3101)].join('\n'), { 'Idempotency-Key': 'acd-2025-03-06' }).expect(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await stored()).toBe(before + 1);
    const log = await request(t.baseUrl).get('/api/v1/uploads?kind=interval-actuals').set(...as('analyst')).expect(200);
    expect(log.body.data[0]).toMatchObject({ outcome: 'rejected', errorCode: 'IDEMPOTENCY_KEY_REUSED', idempotencyKey: 'acd-2025-03-06' });
    expect(log.body.data[1]).toMatchObject({ outcome: 'duplicate', duplicateOf: keyed.body.uploadId, idempotencyKey: 'acd-2025-03-06' });
  });

  it('lets one of two simultaneous identical uploads write, the other answers its result', async () => {
    const csv = [HEADER, ...halfHours(500, 5000)].join('\n');
    const before = await stored();
    const [a, b] = await Promise.all([post(csv), post(csv)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const { duplicate: _a, ...first } = a.body;
    const { duplicate: _b, ...second } = b.body;
    expect(first).toEqual(second);
    expect(await stored()).toBe(before + 500);
  });

  it('takes JSON { rows } with camelCase fields', async () => {
    const res = await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).send({
      rows: [{ channel: 'chat', intervalStart: '2025-04-01T10:00:00Z', offered: 3, answered: 3, abandoned: 0, answeredWithinThreshold: 3, abandonedWithinThreshold: 0, thresholdSeconds: 30, handleSeconds: 600, waitSeconds: 9, holdSeconds: 30 }],
    }).expect(201);
    expect(res.body).toMatchObject({ rows: 1, channels: ['chat'] });
  });

  it('refuses unknown channels, wrong content types, empty and header-only files', async () => {
    const unknown = await post([HEADER, row('voice', '2025-05-01T10:00:00Z', 3), row('fax', '2025-05-01T10:00:00Z', 3)].join('\n')).expect(422);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_CHANNELS', details: { unknown: ['fax'] } });
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'application/x-www-form-urlencoded').send('a=1').expect(failsWith(415, 'UNSUPPORTED_MEDIA_TYPE'));
    expect((await post('').expect(422)).body.code).toBe('EMPTY_UPLOAD');
    expect((await post(`${HEADER}\n\n`).expect(failsWith(422, 'EMPTY_UPLOAD'))).body.message).toBe('the upload has a header but no rows');
  });

  it('refuses bodies over WFM_UPLOAD_LIMIT_BYTES with 413, announced or streamed', async () => {
    const small = await startTestApp({ WFM_UPLOAD_LIMIT_BYTES: '2048' });
    // The refused body holds the 60 half-hours from 2025-03-25T08:00Z (index 4000), which no other test stores.
    const inBody = async (): Promise<number> =>
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM interval_actuals WHERE tenant_id = $1 AND interval_start >= '2025-03-25T08:00:00Z' AND interval_start < '2025-03-26T14:00:00Z'`, [tenant.tenantId]))[0].n;
    const before = await stored();
    expect(await inBody()).toBe(0);
    try {
      const body = [HEADER, ...halfHours(60, 4000)].join('\n');
      expect(body.length).toBeGreaterThan(2048);
      const announced = await request(small.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv').send(body);
      expect(announced.status).toBe(413);
      expect(announced.body.code).toBe('PAYLOAD_TOO_LARGE');
      const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(`${small.baseUrl}/api/v1/actuals/intervals`, { method: 'POST', headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${tenant.keys.planner}`, 'Transfer-Encoding': 'chunked' } }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        for (let i = 0; i < body.length; i += 500) req.write(body.slice(i, i + 500));
        req.end();
      });
      expect(streamed.status).toBe(413);
      expect(JSON.parse(streamed.body).code).toBe('PAYLOAD_TOO_LARGE');
      const multipart = await request(small.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).attach('file', Buffer.from(body), { filename: 'big.csv', contentType: 'text/csv' });
      failsWith(413, 'PAYLOAD_TOO_LARGE')(multipart);
      // None of the three refusals wrote a row.
      expect(await stored()).toBe(before);
      expect(await inBody()).toBe(0);
    } finally {
      await small.close();
    }
  });
});
