import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { DomainError } from '../../src/platform/errors/domain-error.js';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Jobs kept in PostgreSQL: progress, result and error survive in the table, any instance
 * on the same database answers for them, another tenant's job is 404, and a job whose process
 * stopped is failed with JOB_INTERRUPTED: at a graceful stop by that process, and for a process
 * that died (a heartbeat older than a minute) at the start-up of any instance and on read.
 * Two app instances share the run's database, as two replicas (or a restart) would.
 */
describe('jobs', () => {
  let a: TestApp;
  let tenant: TenantKeys;
  const get = (app: TestApp, id: string, key = tenant.keys.analyst) => request(app.baseUrl).get(`/api/v1/jobs/${id}`).set('Authorization', `Bearer ${key}`);

  async function until<T>(read: () => Promise<T>, done: (x: T) => boolean): Promise<T> {
    let x = await read();
    for (let i = 0; i < 200 && !done(x); i++) {
      await new Promise((r) => setTimeout(r, 25));
      x = await read();
    }
    return x;
  }

  beforeAll(async () => {
    a = await startTestApp();
    tenant = await a.newTenant();
  });
  afterAll(() => a?.close());

  it('records progress, then the result, in the database; another tenant gets 404, a malformed id 400', async () => {
    const jobs = a.app.get(JobsService);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job = await jobs.start(tenant.tenantId, 'test-work', async (progress) => {
      progress(0.5);
      await gate;
      return { answer: 42 };
    });
    expect(job).toMatchObject({ kind: 'test-work', status: 'queued', progress: 0, result: null, error: null, finishedAt: null });
    const half = await until(async () => (await get(a, job.id).expect(200)).body, (b) => b.progress === 0.5);
    expect(half).toMatchObject({ status: 'running', progress: 0.5, result: null });
    const [row] = await a.dataSource.query('SELECT tenant_id, status, progress FROM jobs WHERE tenant_id = $1 AND id = $2', [tenant.tenantId, job.id]);
    expect(row).toEqual({ tenant_id: tenant.tenantId, status: 'running', progress: 0.5 });
    release();
    await jobs.settled(job.id);
    const done = (await get(a, job.id).expect(200)).body;
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, result: { answer: 42 }, error: null });
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));

    const other = await a.newTenant();
    const notYours = await get(a, job.id, other.keys.analyst).expect(404);
    expect(notYours.body).toMatchObject({ statusCode: 404, code: 'JOB_NOT_FOUND' });
    await get(a, randomUUID()).expect(failsWith(404, 'JOB_NOT_FOUND'));
    await get(a, 'not-a-uuid').expect(failsWith(400, 'MALFORMED_REQUEST'));
  });

  it('stores the error body of a failed job: a domain error as the call would answer it, anything else as INTERNAL_ERROR', async () => {
    const jobs = a.app.get(JobsService);
    const domain = await jobs.start(tenant.tenantId, 'test-work', () => Promise.reject(new DomainError('INSUFFICIENT_HISTORY', 'too short', { days: 3 })));
    const crash = await jobs.start(tenant.tenantId, 'test-work', () => Promise.reject(new Error('secret internals')));
    await jobs.settled(domain.id);
    await jobs.settled(crash.id);
    expect((await get(a, domain.id).expect(200)).body).toMatchObject({ status: 'failed', error: { statusCode: 422, code: 'INSUFFICIENT_HISTORY', message: 'too short', details: { days: 3 } } });
    const crashed = (await get(a, crash.id).expect(200)).body;
    expect(crashed).toMatchObject({ status: 'failed', error: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'the job failed' } });
    expect(JSON.stringify(crashed)).not.toContain('secret internals');
  });

  it('a second instance answers for a running job, and a graceful stop of its process fails it with JOB_INTERRUPTED', async () => {
    const first = await startTestApp();
    let second: TestApp | undefined;
    try {
      const job = await first.app.get(JobsService).start(tenant.tenantId, 'test-forever', (progress) => {
        progress(0.25);
        return new Promise(() => undefined); // never ends
      });
      await until(async () => (await get(first, job.id).expect(200)).body, (b) => b.progress === 0.25);
      // a new instance starting on the same database leaves a live instance's job alone
      second = await startTestApp();
      expect((await get(second, job.id).expect(200)).body).toMatchObject({ status: 'running', progress: 0.25 });
      await first.close();
      const after = (await get(second, job.id).expect(200)).body;
      expect(after).toMatchObject({ status: 'failed', progress: 0.25, result: null, error: { statusCode: 503, code: 'JOB_INTERRUPTED' } });
      expect(after.finishedAt).not.toBeNull();
    } finally {
      await first.close().catch(() => undefined);
      await second?.close();
    }
  });

  it('a job of a process that died (stale heartbeat) is failed at the next start-up, and on read; a live one is not', async () => {
    const insert = (id: string, status: string, heartbeatAgo: string) => a.dataSource.query(
      `INSERT INTO jobs (tenant_id, id, kind, status, progress, heartbeat_at) VALUES ($1, $2, 'test-crash', $3, 0.4, now() - $4::interval)`,
      [tenant.tenantId, id, status, heartbeatAgo],
    );
    const dead = randomUUID();
    const deadQueued = randomUUID();
    const alive = randomUUID();
    await insert(dead, 'running', '5 minutes');
    await insert(deadQueued, 'queued', '2 minutes');
    await insert(alive, 'running', '0 seconds');
    const restarted = await startTestApp();
    try {
      // the start-up sweep, seen in the table before any read
      const rows: { id: string; status: string; code: string | null }[] = await restarted.dataSource.query(
        `SELECT id, status, error->>'code' AS code FROM jobs WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [tenant.tenantId, [dead, deadQueued, alive]],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(dead)).toMatchObject({ status: 'failed', code: 'JOB_INTERRUPTED' });
      expect(byId.get(deadQueued)).toMatchObject({ status: 'failed', code: 'JOB_INTERRUPTED' });
      expect(byId.get(alive)).toMatchObject({ status: 'running', code: null });
      expect((await get(restarted, dead).expect(200)).body).toMatchObject({ status: 'failed', progress: 0.4, error: { statusCode: 503, code: 'JOB_INTERRUPTED' } });

      // a process dying while this instance is up: marked failed when read
      await restarted.dataSource.query(`UPDATE jobs SET heartbeat_at = now() - interval '61 seconds' WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, alive]);
      expect((await get(restarted, alive).expect(200)).body).toMatchObject({ status: 'failed', error: { code: 'JOB_INTERRUPTED' } });
    } finally {
      await restarted.close();
    }
  });
});
