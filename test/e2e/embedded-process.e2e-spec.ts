import { mkdtempSync, rmdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { alive, cleanUp, compileApp, postmasterPid, spawnApp, waitForHealth, type AppProcess } from '../support/built-app.js';
import { freePort } from '../support/test-database.js';

/**
 * The app as `npm start` runs it, in its own process, on an embedded PostgreSQL in a fresh
 * private (mode-700) temporary directory, as a first run as root in a container would: it
 * starts; a second start on the same directory stops with one line and leaves the first alone;
 * PostgreSQL killed under it means 503 and then recovery by itself; the app killed in the middle
 * of a large upload leaves nothing of it after a restart, and the retry stores every row once.
 */
const ADMIN_KEY = 'wfm_process_test_admin_key_0123456789';
const CSV_HEADER = 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds';

describe('the app in its own process on an embedded PostgreSQL', () => {
  let buildDir = '';
  let dataDir = '';
  let pgPort = 0;
  const apps: AppProcess[] = [];
  let first: AppProcess;

  const start = async (): Promise<AppProcess> => {
    const app = spawnApp(buildDir, { WFM_DATA_DIR: dataDir, PORT: String(await freePort()), WFM_EMBEDDED_PG_PORT: String(pgPort), WFM_ADMIN_API_KEY: ADMIN_KEY });
    apps.push(app);
    return app;
  };
  const api = (app: AppProcess, path: string, init: RequestInit = {}, timeoutMs = 10000): Promise<Response> =>
    fetch(`${app.baseUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${ADMIN_KEY}`, ...(init.headers ?? {}) }, signal: AbortSignal.timeout(timeoutMs) });
  const database = async <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: `postgres://postgres:wfm-embedded@127.0.0.1:${pgPort}/wfm` });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    buildDir = await compileApp();
    dataDir = join(mkdtempSync(join(tmpdir(), 'wfm-private-')), 'data'); // mkdtemp makes a mode-700 folder
    pgPort = await freePort();
  }, 60000);

  afterAll(async () => {
    await cleanUp(dataDir, apps);
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
    try {
      rmdirSync(dirname(buildDir)); // .test-build, once no other run uses it
    } catch {
      // another run's build is still there
    }
  });

  it('starts in a private (mode-700) directory, as root too, and says where its cluster runs', async () => {
    first = await start();
    await waitForHealth(first, 200, 90000);
    if (process.getuid?.() === 0) {
      // User postgres cannot enter the mode-700 folder: the cluster is kept where it can, and the log says so.
      expect(first.output()).toMatch(/user postgres cannot enter .*wfm-private-.*the cluster of this data directory is kept in \/\S+\/clusters\/[0-9a-f]{16}\/pg/);
    }
    expect((await api(first, '/api/v1/channels')).status).toBe(200);
  }, 120000);

  it('refuses a second start on the same data directory with one line naming it and the PID, and leaves the first running', async () => {
    const postmaster = postmasterPid(dataDir);
    expect(postmaster).not.toBeNull();
    const second = await start();
    const code = await Promise.race([second.exited, new Promise((r) => setTimeout(() => r('still running after 60 s'), 60000))]);
    expect(code).toBe(1);
    const lines = second.output().split('\n').filter((l) => /already running/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`data directory ${dataDir}`);
    expect(lines[0]).toContain(`PID ${first.child.pid}`);
    expect(second.output()).not.toMatch(/^\s+at /m); // no stack
    expect(postmasterPid(dataDir)).toBe(postmaster);
    expect(alive(postmaster!)).toBe(true);
    expect((await fetch(`${first.baseUrl}/health`)).status).toBe(200);
    expect((await api(first, '/api/v1/channels')).status).toBe(200);
  }, 120000);

  it('answers 503 while its PostgreSQL is killed, then restarts it and recovers by itself', async () => {
    const postmaster = postmasterPid(dataDir)!;
    process.kill(postmaster, 'SIGKILL');
    const health: number[] = [];
    const reads: number[] = [];
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline) {
      const [h, r] = await Promise.all([
        fetch(`${first.baseUrl}/health`).then((x) => x.status, () => 0),
        api(first, '/api/v1/channels').then((x) => x.status, () => 0),
      ]);
      health.push(h);
      reads.push(r);
      if (h === 200 && r === 200 && health.includes(503)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(health).toContain(503);
    expect(health[health.length - 1]).toBe(200);
    expect(reads[reads.length - 1]).toBe(200);
    expect([...health, ...reads].filter((s) => s !== 200 && s !== 503)).toEqual([]);
    const restarted = postmasterPid(dataDir);
    expect(restarted).not.toBe(postmaster);
    expect(first.output()).toContain('restarting it');
    const down = await fetch(`${first.baseUrl}/health`);
    expect(down.status).toBe(200);
    // The probes that failed logged no stack, and no failed query printed its parameters.
    expect(first.output()).not.toContain('"stack"');
    expect(first.output()).not.toContain('"parameters"');
  }, 90000);

  it('killed with SIGKILL in the middle of a large upload: after a restart no row of it is visible, no staging table is left, and the retry stores every row once', async () => {
    expect((await api(first, '/api/v1/channels/voice', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Voice', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 15, thresholdSeconds: 20 }) })).status).toBe(201);
    const rows = 200_000;
    const lines = [CSV_HEADER];
    const base = Date.UTC(2015, 0, 1);
    for (let i = 0; i < rows; i++) lines.push(`voice,${new Date(base + i * 900_000).toISOString()},10,9,1,8,0,20,1620,90`);
    const csv = Buffer.from(lines.join('\n') + '\n');

    // Send 60% of the body, wait until the server has staged rows, then kill the app.
    const url = new URL(`${first.baseUrl}/api/v1/actuals/intervals`);
    const upload = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'text/csv', 'Content-Length': csv.length } });
    const answered = new Promise<string>((resolve) => {
      upload.on('response', (res) => resolve(`answered ${res.statusCode}`));
      upload.on('error', () => resolve('connection lost'));
    });
    upload.write(csv.subarray(0, Math.floor(csv.length * 0.6)));
    let staged = 0;
    for (let i = 0; i < 300 && staged === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      staged = await database(async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'ingest_staging'`)).rows[0].n);
    }
    expect(staged).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await answered).toBe('connection lost');

    const second = await start();
    await waitForHealth(second, 200, 90000);
    const counts = await database(async (c) => ({
      rows: (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM interval_actuals')).rows[0].n,
      staging: (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'ingest_staging'`)).rows[0].n,
    }));
    expect(counts).toEqual({ rows: 0, staging: 0 });

    const retry = await api(second, '/api/v1/actuals/intervals', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv }, 120000);
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as { rows: number }).rows).toBe(rows);
    const after = await database(async (c) => (await c.query<{ n: number; distinct: number }>('SELECT count(*)::int AS n, count(DISTINCT interval_start)::int AS distinct FROM interval_actuals')).rows[0]);
    expect(after).toEqual({ n: rows, distinct: rows });

    // A graceful stop takes PostgreSQL down with it and gives the data directory back.
    const postmaster = postmasterPid(dataDir)!;
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(alive(postmaster)).toBe(false);
  }, 180000);
});
