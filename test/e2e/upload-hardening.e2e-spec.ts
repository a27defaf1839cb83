import { request as httpRequest, type ClientRequest } from 'node:http';
import pg from 'pg';
import request from 'supertest';
import { IngestRunner } from '../../src/modules/uploads/ingest-runner.js';
import { startTestApp, testDatabaseUrl, type TenantKeys, type TestApp } from '../support/test-app.js';

const HEADER = 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds';

/** `n` consecutive half-hours of channel voice from `day`, as CSV rows. */
function rows(n: number, day = '2025-01-01'): string[] {
  const base = Date.parse(`${day}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => `voice,${new Date(base + i * 1_800_000).toISOString().replace('.000Z', 'Z')},10,9,1,8,0,20,1620,90`);
}

/** A raw HTTP request the test writes part by part and may drop; `answer` resolves with the status and body, or the error. */
function rawUpload(url: string, headers: Record<string, string>): { req: ClientRequest; answer: Promise<{ status: number; body: string } | Error> } {
  let req!: ClientRequest;
  const answer = new Promise<{ status: number; body: string } | Error>((resolve) => {
    req = httpRequest(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', resolve);
    });
    req.on('error', resolve);
  });
  return { req, answer };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('upload hardening: malformed multipart bodies and dropped uploads', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  let other: TenantKeys;
  /** Every route that takes an upload body (multipart/form-data in OpenAPI). */
  let uploadPaths: string[];
  const as = (role: keyof TenantKeys['keys'], k: TenantKeys = tenant): [string, string] => ['Authorization', `Bearer ${k.keys[role]}`];
  const stored = async (tenantId = tenant.tenantId): Promise<number> =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM interval_actuals WHERE tenant_id = $1', [tenantId]))[0].n;
  /**
   * What uploads of this file's tenants leave behind (other test files share the database): advisory
   * locks held or awaited on their keys, and staging tables of their logged uploads.
   */
  const leftovers = async (): Promise<{ advisoryLocks: number; stagingTables: number }> => {
    const keys = [tenant, other].map((k) => `${k.tenantId}:actuals`);
    const [r] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                WHERE l.locktype = 'advisory' AND d.datname = current_database()
                  AND l.objid::text::bigint IN (SELECT hashtext(k)::bigint & 4294967295 FROM unnest($1::text[]) k)) AS "advisoryLocks",
              (SELECT count(*)::int FROM pg_tables t JOIN uploads u ON t.tablename LIKE '%\\_' || left(u.id::text, 8) || '\\_%'
                WHERE t.schemaname = 'ingest_staging' AND u.tenant_id = ANY($2::uuid[])) AS "stagingTables"`,
      [keys, [tenant.tenantId, other.tenantId]],
    );
    return r as { advisoryLocks: number; stagingTables: number };
  };
  const clean = async (): Promise<boolean> => {
    const l = await leftovers();
    return l.advisoryLocks === 0 && l.stagingTables === 0;
  };
  /** Uploads of the tenant the log records as not succeeded (a dropped upload is logged once it is undone). */
  const failures = async (): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM uploads WHERE tenant_id = $1 AND outcome <> 'succeeded'`, [tenant.tenantId]))[0].n;
  const health = async (): Promise<void> => {
    await request(t.baseUrl).get('/health').expect(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    other = await t.newTenant();
    for (const k of [tenant, other]) {
      await request(t.baseUrl).put('/api/v1/channels/voice').set(...as('admin', k)).send({ name: 'Voice', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, thresholdSeconds: 20 }).expect(201);
    }
    const doc = await request(t.baseUrl).get('/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
    uploadPaths = Object.entries(paths)
      .filter(([, ops]) => ops.post?.requestBody?.content?.['multipart/form-data'])
      .map(([path]) => path);
  });
  afterAll(() => t.close());

  it('finds the upload routes in OpenAPI', () => {
    expect(uploadPaths).toEqual(expect.arrayContaining(['/api/v1/actuals/intervals', '/api/v1/actuals/contacts', '/api/v1/forecasts', '/api/v1/schedules', '/api/v1/agent-states', '/api/v1/cases']));
  });

  it('answers 400 with a code to a multipart body that never closes its part, on every upload route', async () => {
    for (const path of uploadPaths) {
      const res = await request(t.baseUrl).post(path).set(...as('admin')).set('Content-Type', 'multipart/form-data; boundary=XX')
        .send('--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nchannel,interval_start');
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'MALFORMED_MULTIPART']);
    }
    await health();
    await until('the uploads are cleaned up', clean);
  });

  it('answers 400 with a code to a boundary other than the header\'s, a missing boundary, and a part that is not the file before an unclosed one', async () => {
    const bodies: Array<[string, string]> = [
      ['multipart/form-data; boundary=XX', '--YY\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nchannel\r\n--YY--\r\n'],
      ['multipart/form-data', '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nchannel\r\n--XX--\r\n'],
      ['multipart/form-data; boundary=XX', '--XX\r\nContent-Disposition: form-data; name="other"; filename="b.csv"\r\n\r\nx,y\r\n--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nchannel'],
    ];
    for (const path of uploadPaths) {
      for (const [type, body] of bodies) {
        const res = await request(t.baseUrl).post(path).set(...as('admin')).set('Content-Type', type).send(body);
        expect([path, type, body.slice(0, 20), res.status, res.body.code]).toEqual([path, type, body.slice(0, 20), 400, 'MALFORMED_MULTIPART']);
      }
    }
    await health();
    await until('the uploads are cleaned up', clean);
  });

  it('aborts a multipart upload whose client goes away, releasing the lock, the slot and the staging tables; the retry stores every row once', async () => {
    const csv = [HEADER, ...rows(200)].join('\r\n');
    const head = '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n';
    const { req, answer } = rawUpload(`${t.baseUrl}/api/v1/actuals/intervals`, {
      Authorization: `Bearer ${tenant.keys.planner}`, 'Content-Type': 'multipart/form-data; boundary=XX', 'Transfer-Encoding': 'chunked', 'Idempotency-Key': 'dropped-1',
    });
    req.write(head + csv.slice(0, csv.length / 2));
    await until('the upload holds its lock', async () => (await leftovers()).advisoryLocks > 0);
    const logged = await failures();
    req.destroy();
    await answer;
    await until('the dropped upload is rolled back, logged and cleaned up', async () => (await failures()) > logged && (await clean()));
    // Another tenant (the only upload slot of this pool was the dropped upload's) and the same tenant upload at once.
    const [mine, theirs] = await Promise.all([
      request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Idempotency-Key', 'dropped-1').attach('file', Buffer.from(csv), { filename: 'a.csv', contentType: 'text/csv' }).timeout(15_000),
      request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner', other)).set('Content-Type', 'text/csv').send([HEADER, ...rows(3)].join('\n')).timeout(15_000),
    ]);
    expect([mine.status, mine.body.rows, mine.body.duplicate]).toEqual([201, 200, false]);
    expect(theirs.status).toBe(201);
    expect(await stored()).toBe(200);
  });

  it('aborts a CSV upload whose client goes away mid-body; the retry stores every row once', async () => {
    const csv = [HEADER, ...rows(300, '2025-02-01')].join('\n');
    const before = await stored();
    const { req, answer } = rawUpload(`${t.baseUrl}/api/v1/actuals/intervals`, {
      Authorization: `Bearer ${tenant.keys.planner}`, 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked',
    });
    req.write(csv.slice(0, csv.length / 2));
    await until('the upload holds its lock', async () => (await leftovers()).advisoryLocks > 0);
    const logged = await failures();
    req.destroy();
    await answer;
    await until('the dropped upload is rolled back, logged and cleaned up', async () => (await failures()) > logged && (await clean()));
    const retry = await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv').send(csv).timeout(15_000);
    expect([retry.status, retry.body.rows]).toEqual([201, 300]);
    expect(await stored()).toBe(before + 300);
  });

  it('answers 422 naming the line to a quote that never closes in a 30 MB body, in seconds, and keeps none of its rows', async () => {
    // The tokenizer kept the unfinished record and re-scanned it at every chunk: quadratic in the body size.
    const csv = [HEADER, ...rows(5, '2025-03-01'), `voice,"${'x'.repeat(30_000_000)}`].join('\n');
    const before = await stored();
    const started = Date.now();
    const res = await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv').send(csv).timeout(60_000);
    expect([res.status, res.body.code]).toEqual([422, 'INVALID_ROWS']);
    expect(JSON.stringify(res.body)).toContain('longer than 1000000 characters');
    expect(res.body.errors?.[0]?.line ?? res.body.details?.errors?.[0]?.line).toBe(7);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await stored()).toBe(before);
    expect(await clean()).toBe(true);
  });

  it('gives up the wait for the tenant lock when the client goes away (JSON and CSV bodies)', async () => {
    const holder = new pg.Client({ connectionString: testDatabaseUrl() });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${tenant.tenantId}:actuals`]);
      const waiting = async (): Promise<number> =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`))[0].n;
      const bodies: Array<[string, string]> = [
        ['application/json', JSON.stringify({ rows: [{ channel: 'voice', intervalStart: '2025-03-01T00:00:00Z', offered: 1, answered: 1, abandoned: 0, answeredWithinThreshold: 1, abandonedWithinThreshold: 0, thresholdSeconds: 20, handleSeconds: 100, waitSeconds: 1 }] })],
        ['text/csv', [HEADER, ...rows(2, '2025-03-02')].join('\n')],
      ];
      for (const [type, body] of bodies) {
        const { req, answer } = rawUpload(`${t.baseUrl}/api/v1/actuals/intervals`, { Authorization: `Bearer ${tenant.keys.planner}`, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) });
        req.end(body);
        await until('the upload waits for the lock', async () => (await waiting()) === 1);
        req.destroy();
        await answer;
        await until('the upload stopped waiting', async () => (await waiting()) === 0);
      }
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await until('the uploads are cleaned up', clean);
    expect(await stored()).toBe(500);
    // The slot is free again: another tenant uploads at once.
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner', other)).set('Content-Type', 'text/csv').send([HEADER, ...rows(1, '2025-04-01')].join('\n')).timeout(15_000).expect(201);
  });

  it('drops the staging tables of a process that died mid-upload when the next one starts, not those of a live upload', async () => {
    const live = new pg.Client({ connectionString: testDatabaseUrl() });
    await live.connect();
    try {
      const { rows: [{ pid }] } = await live.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const now = Math.floor(Date.now() / 1000);
      // A session that is gone: process ids are below 2^22 on Linux.
      const dead = `ingest_staging.s${now}_0badf00d_p2147483646_1`;
      const alive = `ingest_staging.s${now}_0badf00d_p${pid}_1`;
      await live.query(`CREATE UNLOGGED TABLE ${dead} (line int)`);
      await live.query(`CREATE UNLOGGED TABLE ${alive} (line int)`);
      await t.app.get(IngestRunner).onApplicationBootstrap();
      const { rows } = await live.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'ingest_staging' AND tablename LIKE '%0badf00d%'`);
      expect(rows.map((r) => r.name)).toEqual([alive.split('.')[1]]);
      await live.query(`DROP TABLE ${alive}`);
    } finally {
      await live.end();
    }
  });
});
