import { PassThrough } from 'node:stream';
import request from 'supertest';
import { KpiScheduler } from '../../src/modules/kpis/kpi-scheduler.js';
import { KpisService } from '../../src/modules/kpis/kpis.service.js';
import { Lifecycle } from '../../src/platform/lifecycle/lifecycle.service.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Operability and security of the HTTP surface: the Content Security Policy over plain HTTP,
 * the rate limits, /health while the process drains, and two instances on one database
 * (uploads, reads, jobs through either; the nightly KPI recompute once per tenant and night).
 */
const CSV_HEADER = 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds';

describe('operability', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const bearer = (key: string): [string, string] => ['Authorization', `Bearer ${key}`];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
  });
  afterAll(() => t?.close());

  describe('Content Security Policy', () => {
    it('sends no upgrade-insecure-requests and no HSTS unless told it runs behind TLS', async () => {
      for (const path of ['/', '/docs']) {
        const res = await request(t.baseUrl).get(path).set('Host', 'wfm.example:3000');
        expect(res.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
        expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
    });

    it('sends both when WFM_BEHIND_TLS=true', async () => {
      const tls = await startTestApp({ WFM_BEHIND_TLS: 'true' });
      try {
        const res = await request(tls.baseUrl).get('/docs');
        expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      } finally {
        await tls.close();
      }
    });
  });

  describe('rate limits (429 with Retry-After)', () => {
    let limited: TestApp;
    let keys: TenantKeys;
    beforeAll(async () => {
      limited = await startTestApp({ WFM_RATE_LIMIT_ENABLED: 'true', WFM_RATE_LIMIT_AUTH_FAILURES: '3', WFM_RATE_LIMIT_EXPENSIVE: '2' });
      keys = await limited.newTenant();
    });
    afterAll(() => limited?.close());

    it('refuses a client address after its failed authentications, whatever key it tries next', async () => {
      for (let i = 0; i < 3; i++) {
        await request(limited.baseUrl).get('/api/v1/channels').set(...bearer(`wfm_wrong_guess_${i}_0123456789abcdef`)).expect(401);
      }
      const refused = await request(limited.baseUrl).get('/api/v1/channels').set(...bearer('wfm_another_guess_0123456789abcdef')).expect(429);
      expect(refused.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Even a good key from that address waits: answering it would tell the guesser it found one.
      await request(limited.baseUrl).get('/api/v1/channels').set(...bearer(keys.keys.analyst)).expect(429);
      await request(limited.baseUrl).get('/health').expect(200);
    });

    it('limits an API key on the expensive routes, not on the others', async () => {
      const fresh = await startTestApp({ WFM_RATE_LIMIT_ENABLED: 'true', WFM_RATE_LIMIT_EXPENSIVE: '2' });
      try {
        const k = await fresh.newTenant();
        const body = { intervalMinutes: 30, goal: { serviceLevelTarget: 0.8, thresholdSeconds: 20 }, intervals: [{ start: '2026-03-02T09:00:00Z', volume: 100, ahtSeconds: 180 }] };
        const calculate = (key: string): request.Test => request(fresh.baseUrl).post('/api/v1/staffing/calculate').set(...bearer(key)).send(body);
        await calculate(k.keys.scheduler).expect(200);
        await calculate(k.keys.scheduler).expect(200);
        const refused = await calculate(k.keys.scheduler).expect(429);
        expect(refused.body.code).toBe('RATE_LIMITED');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        await calculate(k.keys.admin).expect(200); // another key has its own allowance
        await request(fresh.baseUrl).get('/api/v1/channels').set(...bearer(k.keys.scheduler)).expect(200);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('/health', () => {
    it('answers 200 with the database up, then 503 with Retry-After once the process is shutting down, logging no stack', async () => {
      const lines = new PassThrough();
      let log = '';
      lines.on('data', (d: Buffer) => (log += d.toString('utf8')));
      const draining = await startTestApp({ LOG_LEVEL: 'info' }, undefined, lines);
      try {
        const ok = await request(draining.baseUrl).get('/health').expect(200);
        expect(ok.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
        draining.app.get(Lifecycle).onModuleDestroy(); // what app.close() does first
        for (let i = 0; i < 3; i++) {
          const res = await request(draining.baseUrl).get('/health').expect(503);
          expect(res.body).toMatchObject({ statusCode: 503, code: 'SHUTTING_DOWN' });
          expect(res.headers['retry-after']).toBe('5');
        }
      } finally {
        await draining.close();
      }
      expect(log).toContain('"status":503');
      expect(log).not.toContain('"stack"');
      expect(log).not.toContain('"level":50');
    });
  });

  describe('two instances on one database', () => {
    let b: TestApp;
    beforeAll(async () => {
      b = await startTestApp();
      await request(t.baseUrl).put('/api/v1/channels/voice').set(...bearer(tenant.keys.admin))
        .send({ name: 'Voice', media: 'voice-inbound', timeZone: 'Pacific/Chatham', intervalMinutes: 30, thresholdSeconds: 20 }).expect(201);
    });
    afterAll(() => b?.close());

    it('uploads through one instance and reads, and follows jobs, through the other', async () => {
      // Chatham is UTC+13:45 in March: its half-hours start at :15 and :45 UTC.
      const rows = Array.from({ length: 48 }, (_, i) => `voice,${new Date(Date.UTC(2026, 2, 2, 10, 15) + i * 1_800_000).toISOString()},10,9,1,8,0,20,1620,90`);
      const up = await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...bearer(tenant.keys.planner)).set('Content-Type', 'text/csv')
        .send([CSV_HEADER, ...rows].join('\n')).expect(201);
      expect(up.body.rows).toBe(48);
      const read = await request(b.baseUrl).get('/api/v1/actuals/intervals?channel=voice&from=2026-03-02T10:15:00Z&to=2026-03-03T10:15:00Z').set(...bearer(tenant.keys.analyst)).expect(200);
      expect(read.body.data).toHaveLength(48);
      const again = await request(b.baseUrl).post('/api/v1/actuals/intervals').set(...bearer(tenant.keys.planner)).set('Content-Type', 'text/csv')
        .send([CSV_HEADER, ...rows].join('\n')).expect(200);
      expect(again.body.duplicate).toBe(true);

      const started = await request(b.baseUrl).post('/api/v1/kpis/recompute?from=2025-12-01&to=2026-04-01').set(...bearer(tenant.keys.admin)).expect(202);
      let job = started.body as { id: string; status: string };
      for (let i = 0; i < 200 && job.status !== 'succeeded' && job.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        job = (await request(t.baseUrl).get(`/api/v1/jobs/${job.id}`).set(...bearer(tenant.keys.analyst)).expect(200)).body;
      }
      expect(job.status).toBe('succeeded');
    });

    it('recomputes the nightly KPIs once per tenant and night, however many instances fire', async () => {
      const calls: string[] = [];
      const restore: Array<() => void> = [];
      for (const app of [t, b]) {
        const kpis = app.app.get(KpisService);
        const original = kpis.recompute.bind(kpis);
        kpis.recompute = (tenantId, from, to, g) => {
          if (tenantId === tenant.tenantId) calls.push(app === t ? 'a' : 'b');
          return original(tenantId, from, to, g);
        };
        restore.push(() => (kpis.recompute = original));
      }
      // Both instances fire at 02:00 local (Chatham, UTC+13:45) on 2026-03-04: the night of 2026-03-03.
      const at = new Date('2026-03-03T12:15:00Z');
      const [ra, rb] = await Promise.all([t.app.get(KpiScheduler).runZone('Pacific/Chatham', at), b.app.get(KpiScheduler).runZone('Pacific/Chatham', at)]);
      expect(calls).toHaveLength(1);
      expect(ra + rb).toBe(1);
      // A later firing of the same night (a restart, a third instance) does not run it again.
      await b.app.get(KpiScheduler).runZone('Pacific/Chatham', at);
      expect(calls).toHaveLength(1);
      // The next night runs (once).
      await Promise.all([t, b].map((app) => app.app.get(KpiScheduler).runZone('Pacific/Chatham', new Date('2026-03-04T12:15:00Z'))));
      expect(calls).toHaveLength(2);
      for (const r of restore) r();
      for (const app of [t, b]) {
        const registry = app.app.get((await import('@nestjs/schedule')).SchedulerRegistry);
        for (const name of app.app.get(KpiScheduler).jobNames()) registry.deleteCronJob(name);
      }
    });
  });
});
