import request from 'supertest';
import { ForecastsService } from '../../src/modules/forecasts/forecasts.service.js';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

const HEADER = 'channel,interval_start,volume,aht_seconds,shrinkage';

/** Every half-hour of a Berlin day as local wall-clock text, with offsets where the hour repeats. */
function berlinDay(date: string, withOffsets: boolean): string[] {
  const out: string[] = [];
  for (let h = 0; h < 24; h++) {
    for (const m of ['00', '30']) {
      const hh = String(h).padStart(2, '0');
      if (date === '2026-03-29' && h === 2) continue; // skipped by the clocks
      if (date === '2026-10-25' && h === 2 && withOffsets) {
        out.push(`${date}T${hh}:${m}:00+02:00`, `${date}T${hh}:${m}:00+01:00`);
      } else out.push(`${date} ${hh}:${m}`);
    }
  }
  return out;
}

describe('forecasts', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const post = (body: string, query = ''): request.Test =>
    request(t.baseUrl).post(`/api/v1/forecasts${query}`).set(...as('planner')).set('Content-Type', 'text/csv').send(body);
  const versions = async (): Promise<number> =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM forecast_versions WHERE tenant_id = $1', [tenant.tenantId]))[0].n;
  const intervalRows = async (): Promise<number> =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM forecast_intervals WHERE tenant_id = $1', [tenant.tenantId]))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    for (const [code, timeZone, intervalMinutes] of [['sales', 'Europe/Berlin', 30], ['support', 'UTC', 15]] as const) {
      await request(t.baseUrl).put(`/api/v1/channels/${code}`).set(...as('admin')).send({ name: code, media: 'voice-inbound', timeZone, intervalMinutes }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('creates a version from a CSV body and reads it back in JSON and CSV', async () => {
    const csv = [
      HEADER,
      'sales,2026-03-02 09:00,120,180,0.3',
      'sales,2026-03-02T09:30:00+01:00,130.5,175,',
      'support,2026-03-02T08:15:00Z,10,300,0.25',
    ].join('\n');
    const res = await post(csv, '?label=March%20v1').expect(201);
    expect(res.body).toMatchObject({
      label: 'March v1', source: 'upload', channels: ['sales', 'support'], rowCount: 3, duplicate: false,
      firstIntervalStart: '2026-03-02T08:00:00Z', lastIntervalStart: '2026-03-02T08:30:00Z',
      createdByKeyName: 'planner key',
    });
    expect(res.body.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    const id = res.body.id as string;
    const got = await request(t.baseUrl).get(`/api/v1/forecasts/${id}`).set(...as('analyst')).expect(200);
    const { duplicate: _d, ...version } = res.body;
    expect(got.body).toEqual(version);
    const intervals = await request(t.baseUrl).get(`/api/v1/forecasts/${id}/intervals`).set(...as('analyst')).expect(200);
    expect(intervals.body).toEqual({
      data: [
        { channel: 'sales', periodStart: '2026-03-02T08:00:00Z', periodStartLocal: '2026-03-02T09:00:00+01:00', volume: 120, ahtSeconds: 180, shrinkage: 0.3, volumeP10: null, volumeP90: null },
        { channel: 'sales', periodStart: '2026-03-02T08:30:00Z', periodStartLocal: '2026-03-02T09:30:00+01:00', volume: 130.5, ahtSeconds: 175, shrinkage: null, volumeP10: null, volumeP90: null },
        { channel: 'support', periodStart: '2026-03-02T08:15:00Z', periodStartLocal: '2026-03-02T08:15:00+00:00', volume: 10, ahtSeconds: 300, shrinkage: 0.25, volumeP10: null, volumeP90: null },
      ],
      next: null,
    });
    expect(intervals.headers.etag).toBeDefined();
    await request(t.baseUrl).get(`/api/v1/forecasts/${id}/intervals`).set(...as('analyst')).set('If-None-Match', intervals.headers.etag).expect(304);

    const csvOut = await request(t.baseUrl).get(`/api/v1/forecasts/${id}/intervals?format=csv&channel=sales`).set(...as('analyst')).expect(200);
    expect(csvOut.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csvOut.headers['content-disposition']).toBe(`attachment; filename="forecast-${id}.csv"`);
    expect(csvOut.text).toBe(
      'channel,period_start,period_start_local,volume,aht_seconds,shrinkage,volume_p10,volume_p90\r\n' +
        'sales,2026-03-02T08:00:00Z,2026-03-02T09:00:00+01:00,120,180,0.3,,\r\n' +
        'sales,2026-03-02T08:30:00Z,2026-03-02T09:30:00+01:00,130.5,175,,,\r\n',
    );
    const byAccept = await request(t.baseUrl).get(`/api/v1/forecasts/${id}/intervals`).set(...as('analyst')).set('Accept', 'text/csv').expect(200);
    expect(byAccept.text.split('\r\n')).toHaveLength(5);

    const list = await request(t.baseUrl).get('/api/v1/forecasts').set(...as('scheduler')).expect(200);
    expect(list.body.data.map((v: { id: string }) => v.id)).toContain(id);
    expect(list.body.next).toBeNull();
  });

  it('accepts a multipart file with a label field, and JSON { label, rows }', async () => {
    const csv = `${HEADER}\nsales,2026-04-06 10:00,50,200,\n`;
    const multi = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner'))
      .field('label', 'from a form').attach('file', Buffer.from(csv), { filename: 'april.csv', contentType: 'text/csv' }).expect(201);
    expect(multi.body).toMatchObject({ label: 'from a form', rowCount: 1, channels: ['sales'] });
    const named = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner'))
      .attach('file', Buffer.from(csv.replace('50,', '51,')), { filename: 'april-b.csv', contentType: 'text/csv' }).expect(201);
    expect(named.body.label).toBe('april-b.csv');
    const json = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).send({
      label: 'json version',
      rows: [
        { channel: 'support', intervalStart: '2026-04-06T10:00:00Z', volume: 3, ahtSeconds: 240 },
        { channel: 'support', intervalStart: '2026-04-06T10:15:00Z', volume: 4.5, ahtSeconds: 250, shrinkage: 0.1 },
      ],
    }).expect(201);
    expect(json.body).toMatchObject({ label: 'json version', rowCount: 2, channels: ['support'], firstIntervalStart: '2026-04-06T10:00:00Z' });
    const rows = await request(t.baseUrl).get(`/api/v1/forecasts/${json.body.id}/intervals`).set(...as('analyst')).expect(200);
    expect(rows.body.data.map((r: { volume: number; shrinkage: number | null }) => [r.volume, r.shrinkage])).toEqual([[3, null], [4.5, 0.1]]);
  });

  it('names JSON row errors by path and refuses unknown fields', async () => {
    const res = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).send({
      label: 'bad json',
      rows: [
        { channel: 'support', intervalStart: '2026-04-06T10:05:00Z', volume: -1, ahtSeconds: 240 },
        { channel: 'support', intervalStart: '2026-04-06T10:15:00Z', volume: 1, ahtSeconds: 250, colour: 'red' },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_ROWS');
    expect(res.body.details.errors.map((e: { field: string }) => e.field)).toEqual(['rows[0].intervalStart', 'rows[0].volume', 'rows[1].colour']);
  });

  it('answers 422 INVALID_ROWS with line, column, value and reason, and writes nothing', async () => {
    const before = await versions();
    const csv = [
      HEADER,
      'sales,2026-03-03 09:00,120,180,',
      '"sales","2026-03-03 09:15",120,180,', // off the grid
      'sales,2026-03-03 10:00,-4,180,',
      '"sales",2026-03-03 10:30,1,"1\n",', // quoted line break: the record starts on line 5, the next on 7
      'sales,2026-03-03 11:00,1,abc,',
      'sales,2026-03-03 11:30,1,1,30',
      'sales,2026-03-03 12:00,1,1',
    ].join('\n');
    const res = await post(csv).expect(422);
    expect(res.body.code).toBe('INVALID_ROWS');
    expect(res.body.details.errorCount).toBe(6);
    const errors = res.body.details.errors.map((e: { line: number; column?: string; value: string }) => [e.line, e.column ?? null, e.value]);
    expect(errors).toEqual([
      [3, 'interval_start', '2026-03-03 09:15'],
      [4, 'volume', '-4'],
      [5, 'aht_seconds', '1\n'],
      [7, 'aht_seconds', 'abc'],
      [8, 'shrinkage', '30'],
      [9, null, ''],
    ]);
    expect(res.body.details.errors[1].reason).toBe('must be a finite number >= 0');
    expect(res.body.details.errors[5].reason).toBe('has 4 fields; the header has 5');
    expect(res.body.message).toMatch(/^6 rows are invalid; first: line 3, interval_start: is not on the 30-minute interval grid/);
    expect(res.body.details.unknown).toBeUndefined();
    expect(await versions()).toBe(before);
  });

  it('lists at most 100 errors but counts them all', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `sales,2026-05-01T${String(Math.floor(i / 2) % 24).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00Z,-1,1,`);
    const res = await post([HEADER, ...rows].join('\n')).expect(422);
    expect(res.body.details.errorCount).toBe(250);
    expect(res.body.details.errors).toHaveLength(100);
    expect(res.body.details.errors[99].line).toBe(101);
  });

  it('refuses header problems, unknown channels, wrong content types and empty files', async () => {
    const before = await versions();
    const header = await post('channel,interval_start,volume,aht,colour\nsales,2026-03-03 09:00,1,1,x\n').expect(422);
    expect(header.body.code).toBe('INVALID_ROWS');
    expect(header.body.details.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [1, 'aht'], [1, 'colour'], [1, 'aht_seconds'],
    ]);
    const unknown = await post(`${HEADER}\nsales,2026-03-03 09:00,1,1,\nnowhere,2026-03-03 09:00,1,1,\nmars,2026-03-03 09:00,1,1,\n`).expect(422);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_CHANNELS', details: { unknown: ['nowhere', 'mars'] } });
    expect(unknown.body.message).toContain('nowhere');
    const xml = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).set('Content-Type', 'application/xml').send('<rows/>');
    expect(xml.status).toBe(415);
    expect(xml.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await post('').expect(422);
    expect(empty.body).toMatchObject({ code: 'EMPTY_UPLOAD', message: 'the upload is empty' });
    const headerOnly = await post(`${HEADER}\r\n`).expect(422);
    expect(headerOnly.body).toMatchObject({ code: 'EMPTY_UPLOAD', message: 'the upload has a header but no rows' });
    const noFile = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).field('label', 'x').expect(failsWith(422, 'VALIDATION_FAILED'));
    expect(noFile.body.details.errors[0].field).toBe('file');
    expect(await versions()).toBe(before);
  });

  it('refuses a (channel, interval) twice in one file, naming both lines', async () => {
    const before = await intervalRows();
    const csv = [HEADER, 'sales,2026-06-01 09:00,1,1,', 'sales,2026-06-01 09:30,1,1,', 'sales,2026-06-01T07:00:00Z,2,2,'].join('\n');
    const res = await post(csv).expect(422);
    expect(res.body.code).toBe('INVALID_ROWS');
    expect(res.body.details.errors).toEqual([
      { line: 4, column: 'interval_start', value: '2026-06-01T07:00:00Z', reason: 'duplicate row: channel sales, interval 2026-06-01T07:00:00Z is on lines 2 and 4' },
    ]);
    expect(await intervalRows()).toBe(before);
  });

  it('answers the same bytes (or Idempotency-Key) with the first version and writes nothing', async () => {
    const csv = `${HEADER}\nsupport,2026-07-01T10:00:00Z,5,100,\n`;
    const first = await post(csv, '?label=first').expect(201);
    const count = await versions();
    const again = await post(csv, '?label=second').expect(200);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    expect(await versions()).toBe(count);
    const keyed = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).set('Content-Type', 'text/csv')
      .set('Idempotency-Key', 'k-123').send(`${HEADER}\nsupport,2026-07-02T10:00:00Z,5,100,\n`).expect(201);
    const replay = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).set('Content-Type', 'text/csv')
      .set('Idempotency-Key', 'k-123').send(`${HEADER}\nsupport,2026-07-02T10:00:00Z,5,100,\n`).expect(200);
    expect(replay.body).toEqual({ ...keyed.body, duplicate: true });
    const reused = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).set('Content-Type', 'text/csv')
      .set('Idempotency-Key', 'k-123').send(`${HEADER}\nsupport,2026-07-03T10:00:00Z,6,100,\n`).expect(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await versions()).toBe(count + 1);
  });

  it('handles DST days: 46 half-hours on 2026-03-29, 50 on 2026-10-25 (repeated hour with offsets)', async () => {
    const spring = berlinDay('2026-03-29', false);
    expect(spring).toHaveLength(46);
    const springRes = await post([HEADER, ...spring.map((s) => `sales,${s},1,1,`)].join('\n')).expect(201);
    expect(springRes.body).toMatchObject({ rowCount: 46, firstIntervalStart: '2026-03-28T23:00:00Z', lastIntervalStart: '2026-03-29T21:30:00Z' });
    const autumn = berlinDay('2026-10-25', true);
    expect(autumn).toHaveLength(50);
    const autumnRes = await post([HEADER, ...autumn.map((s) => `sales,${s},2,2,`)].join('\n')).expect(201);
    expect(autumnRes.body).toMatchObject({ rowCount: 50, firstIntervalStart: '2026-10-24T22:00:00Z', lastIntervalStart: '2026-10-25T22:30:00Z' });
    const back = await request(t.baseUrl).get(`/api/v1/forecasts/${autumnRes.body.id}/intervals?channel=sales&from=2026-10-25&to=2026-10-26`).set(...as('analyst')).expect(200);
    expect(back.body.data).toHaveLength(50);
    expect(back.body.data.slice(4, 8).map((r: { periodStart: string; periodStartLocal: string }) => [r.periodStart, r.periodStartLocal])).toEqual([
      ['2026-10-25T00:00:00Z', '2026-10-25T02:00:00+02:00'],
      ['2026-10-25T00:30:00Z', '2026-10-25T02:30:00+02:00'],
      ['2026-10-25T01:00:00Z', '2026-10-25T02:00:00+01:00'],
      ['2026-10-25T01:30:00Z', '2026-10-25T02:30:00+01:00'],
    ]);

    const bad = await post([HEADER, 'sales,2026-03-29 02:30,1,1,', 'sales,2026-10-25 02:30,1,1,', 'sales,2026-10-25T02:30:00+02:00,1,1,'].join('\n')).expect(failsWith(422, 'INVALID_ROWS'));
    expect(bad.body.details.errors.map((e: { line: number; reason: string }) => [e.line, e.reason])).toEqual([
      [2, 'local time 2026-03-29 02:30:00 does not exist in Europe/Berlin (the clocks move forward over it)'],
      [3, 'local time 2026-10-25 02:30:00 happens twice in Europe/Berlin (the clocks move back); write the offset: 2026-10-25T02:30:00+02:00 or 2026-10-25T02:30:00+01:00'],
    ]);
  });

  it('pages intervals with a cursor and filters by channel, dates (local midnight) and instants', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `support,2026-08-01T${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00Z,${i},60,`);
    const sales = Array.from({ length: 4 }, (_, i) => `sales,2026-08-01 ${String(i).padStart(2, '0')}:00,${i},60,`);
    const v = await post([HEADER, ...sales, ...rows].join('\n')).expect(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await request(t.baseUrl).get(`/api/v1/forecasts/${v.body.id}/intervals`).query({ limit: 7, ...(cursor ? { cursor } : {}) }).set(...as('analyst')).expect(200);
      seen.push(...res.body.data.map((r: { channel: string; periodStart: string }) => `${r.channel} ${r.periodStart}`));
      cursor = res.body.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(34);
    expect(new Set(seen).size).toBe(34);
    expect(seen[0]).toBe('sales 2026-07-31T22:00:00Z');
    expect(seen[4]).toBe('support 2026-08-01T00:00:00Z');
    // A date is local midnight of each channel given: 2026-08-01 in Berlin is 2026-07-31T22:00Z.
    const local = await request(t.baseUrl).get(`/api/v1/forecasts/${v.body.id}/intervals?channel=sales&from=2026-08-01&to=2026-08-01T00:00:00Z`).set(...as('analyst')).expect(200);
    expect(local.body.data.map((r: { periodStartLocal: string }) => r.periodStartLocal)).toEqual(['2026-08-01T00:00:00+02:00', '2026-08-01T01:00:00+02:00']);
    // Without a channel a date is UTC midnight.
    const utc = await request(t.baseUrl).get(`/api/v1/forecasts/${v.body.id}/intervals?from=2026-08-01&to=2026-08-01T01:00:00Z`).set(...as('analyst')).expect(200);
    expect(utc.body.data.map((r: { channel: string }) => r.channel)).toEqual(['sales', 'support', 'support', 'support', 'support']);
    await request(t.baseUrl).get(`/api/v1/forecasts/${v.body.id}/intervals?limit=10001`).set(...as('analyst')).expect(failsWith(422, 'VALIDATION_FAILED'));
    await request(t.baseUrl).get(`/api/v1/forecasts/${v.body.id}/intervals?from=yesterday`).set(...as('analyst')).expect(failsWith(422, 'VALIDATION_FAILED'));
    await request(t.baseUrl).get(`/api/v1/forecasts/${v.body.id}/intervals?cursor=nonsense`).set(...as('analyst')).expect(failsWith(400, 'MALFORMED_REQUEST'));
    const unknown = await request(t.baseUrl).get(`/api/v1/forecasts/${v.body.id}/intervals?channel=mars`).set(...as('analyst')).expect(422);
    expect(unknown.body.code).toBe('UNKNOWN_CHANNELS');
  });

  it('pages the version list', async () => {
    const first = await request(t.baseUrl).get('/api/v1/forecasts?limit=2').set(...as('analyst')).expect(200);
    expect(first.body.data).toHaveLength(2);
    const second = await request(t.baseUrl).get(`/api/v1/forecasts?limit=2&cursor=${first.body.next}`).set(...as('analyst')).expect(200);
    expect(second.body.data[0].id).not.toBe(first.body.data[1].id);
    expect(Date.parse(second.body.data[0].createdAt)).toBeLessThanOrEqual(Date.parse(first.body.data[1].createdAt));
    const support = await request(t.baseUrl).get('/api/v1/forecasts?channel=support').set(...as('analyst')).expect(200);
    expect(support.body.data.every((v: { channels: string[] }) => v.channels.includes('support'))).toBe(true);
  });

  it('answers 404 for unknown ids and other tenants’ versions', async () => {
    const v = await post(`${HEADER}\nsupport,2026-09-01T10:00:00Z,5,100,\n`).expect(201);
    const other = await t.newTenant();
    for (const path of [`/api/v1/forecasts/${v.body.id}`, `/api/v1/forecasts/${v.body.id}/intervals`, '/api/v1/forecasts/not-a-uuid', '/api/v1/forecasts/00000000-0000-4000-8000-000000000999']) {
      const res = await request(t.baseUrl).get(path).set('Authorization', `Bearer ${other.keys.admin}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('FORECAST_VERSION_NOT_FOUND');
    }
    await request(t.baseUrl).delete(`/api/v1/forecasts/${v.body.id}`).set('Authorization', `Bearer ${other.keys.admin}`).expect(failsWith(404, 'FORECAST_VERSION_NOT_FOUND'));
  });

  it('deletes a version (admin), and refuses while a plan refers to it (409 FORECAST_IN_USE)', async () => {
    const v = await post(`${HEADER}\nsupport,2026-09-02T10:00:00Z,5,100,\n`).expect(201);
    // Stand-in for the staffing plans table: a foreign key to forecast_versions(tenant_id, id).
    await t.dataSource.query(`CREATE TABLE test_plans_${process.pid} (tenant_id uuid, version_id uuid, FOREIGN KEY (tenant_id, version_id) REFERENCES forecast_versions (tenant_id, id))`);
    try {
      await t.dataSource.query(`INSERT INTO test_plans_${process.pid} VALUES ($1, $2)`, [tenant.tenantId, v.body.id]);
      const inUse = await request(t.baseUrl).delete(`/api/v1/forecasts/${v.body.id}`).set(...as('admin')).expect(409);
      expect(inUse.body.code).toBe('FORECAST_IN_USE');
      await request(t.baseUrl).get(`/api/v1/forecasts/${v.body.id}/intervals`).set(...as('admin')).expect(200).expect((r) => expect(r.body.data).toHaveLength(1));
      await t.dataSource.query(`DELETE FROM test_plans_${process.pid}`);
    } finally {
      await t.dataSource.query(`DROP TABLE test_plans_${process.pid}`);
    }
    await request(t.baseUrl).delete(`/api/v1/forecasts/${v.body.id}`).set(...as('planner')).expect(failsWith(403, 'FORBIDDEN'));
    await request(t.baseUrl).delete(`/api/v1/forecasts/${v.body.id}`).set(...as('admin')).expect(204);
    await request(t.baseUrl).get(`/api/v1/forecasts/${v.body.id}`).set(...as('admin')).expect(failsWith(404, 'FORECAST_VERSION_NOT_FOUND'));
    const left = await t.dataSource.query('SELECT count(*)::int AS n FROM forecast_intervals WHERE tenant_id = $1 AND version_id = $2', [tenant.tenantId, v.body.id]);
    expect(left[0].n).toBe(0);
  });

  it('refuses to delete a channel that has forecasts (409 CHANNEL_IN_USE)', async () => {
    const res = await request(t.baseUrl).delete('/api/v1/channels/support').set(...as('admin')).expect(409);
    expect(res.body.code).toBe('CHANNEL_IN_USE');
  });

  it('serves staffing: getVersion, readIntervals (channel code then start) and createVersion (model:<name>)', async () => {
    const service = t.app.get(ForecastsService);
    const made = await service.createVersion(tenant.tenantId, {
      label: 'seasonal naive',
      source: 'model:seasonal-naive',
      rows: [
        { channel: 'support', intervalStart: new Date(Date.UTC(2026, 9, 1, 8, 15)), volume: 2, ahtSeconds: 100 },
        { channel: 'sales', intervalStart: '2026-10-01 10:00', volume: 3, ahtSeconds: 200, shrinkage: 0.2 },
        { channel: 'sales', intervalStart: new Date(Date.UTC(2026, 9, 1, 7, 30)), volume: 4, ahtSeconds: 210 },
      ],
    });
    expect(made.duplicate).toBe(false);
    expect(made.version).toMatchObject({ source: 'model:seasonal-naive', label: 'seasonal naive', rowCount: 3, createdByKeyId: null, createdByKeyName: 'model:seasonal-naive' });
    expect((await service.getVersion(tenant.tenantId, made.version.id)).id).toBe(made.version.id);
    const rows = await service.readIntervals(tenant.tenantId, made.version.id);
    expect(rows.map((r) => [r.channelCode, r.intervalStart.toISOString(), r.volume, r.ahtSeconds, r.shrinkage])).toEqual([
      ['sales', '2026-10-01T07:30:00.000Z', 4, 210, null],
      ['sales', '2026-10-01T08:00:00.000Z', 3, 200, 0.2],
      ['support', '2026-10-01T08:15:00.000Z', 2, 100, null],
    ]);
    expect(typeof rows[0].channelId).toBe('number');
    await expect(service.getVersion((await t.newTenant()).tenantId, made.version.id)).rejects.toMatchObject({ code: 'FORECAST_VERSION_NOT_FOUND' });
    await expect(service.createVersion(tenant.tenantId, { label: 'x', source: 'model:x', rows: [{ channel: 'sales', intervalStart: '2026-10-01 10:10', volume: 1, ahtSeconds: 1 }] }))
      .rejects.toMatchObject({ code: 'INVALID_ROWS' });
  });

  it('records every upload in the log with who, when, rows, bytes, duration and outcome', async () => {
    const log = await request(t.baseUrl).get('/api/v1/uploads?kind=forecast&limit=100').set(...as('analyst')).expect(200);
    const outcomes = new Set(log.body.data.map((u: { outcome: string }) => u.outcome));
    expect(outcomes).toEqual(new Set(['succeeded', 'rejected', 'duplicate']));
    const ok = log.body.data.find((u: { outcome: string; keyName: string | null }) => u.outcome === 'succeeded' && u.keyName === 'planner key');
    expect(ok).toMatchObject({ kind: 'forecast', keyName: 'planner key', outcome: 'succeeded', errorCode: null });
    expect(ok.rows).toBeGreaterThan(0);
    expect(ok.bytes).toBeGreaterThan(0);
    expect(ok.durationMs).toBeGreaterThanOrEqual(0);
    expect(ok.keyId).toMatch(/^[0-9a-f-]{36}$/);
    const rejected = log.body.data.find((u: { errorCode: string | null }) => u.errorCode === 'UNSUPPORTED_MEDIA_TYPE');
    expect(rejected).toMatchObject({ outcome: 'rejected', contentType: null });
    const one = await request(t.baseUrl).get(`/api/v1/uploads/${ok.id}`).set(...as('analyst')).expect(200);
    expect(one.body).toEqual(ok);
    await request(t.baseUrl).get('/api/v1/uploads/00000000-0000-4000-8000-000000000999').set(...as('analyst')).expect(failsWith(404, 'UPLOAD_NOT_FOUND'));
  });
});
