import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { DemoSeeder } from '../../src/modules/demo/demo.seeder.js';
import { JobsService } from '../../src/modules/jobs/index.js';
import { projectRoot } from '../../src/platform/project-root.js';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * The demo data (data/README.md) loaded into a fresh tenant: what `npm start` loads into the
 * default tenant, so the dashboard opens on a real week with every series.
 */
const demo = (file: string): Buffer => readFileSync(join(projectRoot(), 'data/demo', file));

describe('the demo data', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  let seeded: { forecastVersionId: string; planId: string };
  const get = (path: string) => request(t.baseUrl).get(path).set('Authorization', `Bearer ${tenant.keys.analyst}`).expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    seeded = await t.app.get(DemoSeeder).seedTenant(tenant.tenantId);
  }, 120_000);
  afterAll(() => t.close());

  it('loads the channels of data/demo/channels.json and both weeks of calls, byte for byte', async () => {
    const codes = (JSON.parse(demo('channels.json').toString('utf8')) as Array<{ code: string }>).map((c) => c.code).sort();
    expect(((await get('/api/v1/channels')).body.data as Array<{ code: string }>).map((c) => c.code).sort()).toEqual(codes);
    const uploads = (await get('/api/v1/uploads?limit=100')).body.data as Array<{ kind: string; outcome: string; contentSha256: string | null; mapping: string | null }>;
    const contacts = uploads.filter((u) => u.kind === 'contacts');
    // The SHA-256 of each week's uncompressed bytes, computed here from the committed files.
    const sha = (file: string): string => createHash('sha256').update(gunzipSync(demo(file))).digest('hex');
    expect(contacts.map((u) => [u.contentSha256, u.outcome, u.mapping]).sort()).toEqual(
      [[sha('anonymous-bank-1999-10-03-to-09.tsv.gz'), 'succeeded', 'anonymous-bank-1999'], [sha('anonymous-bank-1999-10-10-to-16.tsv.gz'), 'succeeded', 'anonymous-bank-1999']].sort(),
    );
  });

  it('keeps the bank\'s queue type as each call\'s contact type', async () => {
    // The mapping sends type PS to channel retail and NE to stocks, and keeps the type as contact_type.
    for (const [channel, type] of [['retail', 'PS'], ['stocks', 'NE']]) {
      const calls = (await get(`/api/v1/actuals/contacts?channel=${channel}&from=1999-10-03&to=1999-10-17&limit=10000`)).body.data as Array<{ contactType: string | null }>;
      expect(calls.length).toBeGreaterThan(0);
      expect(new Set(calls.map((c) => c.contactType))).toEqual(new Set([type]));
    }
  });

  it('forecasts the second week from the first and plans it', async () => {
    const version = (await get(`/api/v1/forecasts/${seeded.forecastVersionId}`)).body as { source: string; rowCount: number };
    expect(version.source).toBe('model:seasonal-naive');
    // One forecast row per interval of the first week with actuals (6 bank channels).
    let firstWeek = 0;
    for (const c of ['callback', 'english', 'internet', 'prospects', 'retail', 'stocks']) {
      firstWeek += ((await get(`/api/v1/actuals/intervals?channel=${c}&from=1999-10-03&to=1999-10-10&limit=10000`)).body.data as unknown[]).length;
    }
    expect(version.rowCount).toBe(firstWeek);
    const plans = (await get('/api/v1/staffing/plans')).body.data as Array<{ id: string; forecastVersionId: string }>;
    expect(plans.map((p) => [p.id, p.forecastVersionId])).toEqual([[seeded.planId, seeded.forecastVersionId]]);
  });

  it('has a roster of the agents of its schedules, so a generated schedule of the plan names agents', async () => {
    const scheduled = new Map<string, Set<string>>();
    const stored: Array<{ agentId: string; channels: string[] }> = await t.dataSource.query('SELECT agent_id AS "agentId", channel_codes AS channels FROM schedule_activities WHERE tenant_id = $1', [tenant.tenantId]);
    expect(stored.length).toBeGreaterThan(0);
    for (const r of stored) {
      const queues = scheduled.get(r.agentId) ?? new Set<string>();
      for (const c of r.channels) queues.add(c);
      scheduled.set(r.agentId, queues);
    }
    const agents = (await get('/api/v1/agents?limit=1000')).body.data as Array<{ agentId: string; channels: string[]; maxWeeklyHours: number }>;
    expect(agents.map((a) => [a.agentId, [...a.channels].sort(), a.maxWeeklyHours])).toEqual(
      [...scheduled].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, queues]) => [id, [...queues].sort(), 40]),
    );
    const started = await request(t.baseUrl).post('/api/v1/schedules/generate').set('Authorization', `Bearer ${tenant.keys.scheduler}`)
      .send({ plan: seeded.planId, from: '1999-10-10', to: '1999-10-17', channels: ['retail'], timeLimitSeconds: 4 }).expect(202);
    await t.app.get(JobsService).settled(started.body.id);
    const job = (await get(`/api/v1/jobs/${started.body.id}`)).body as { status: string; result: { totals: { agents: number; shifts: number; openShifts: number } } };
    expect(job.status).toBe('succeeded');
    expect(job.result.totals.agents).toBeGreaterThan(0);
    expect(job.result.totals.openShifts).toBeLessThan(job.result.totals.shifts);
  }, 60_000);

  it('has every series of the dashboard on each day of the second week, for the busiest queue', async () => {
    const range = (await get('/api/v1/dashboard/range?channel=retail')).body as { from: string; to: string; firstDay: string; lastDay: string };
    expect([range.firstDay, range.lastDay, range.from, range.to]).toEqual(['1999-10-10', '1999-10-16', '1999-10-10T00:00:00+02:00', '1999-10-17T00:00:00+02:00']);
    const days = (await get(`/api/v1/reports/interval-comparison?channel=retail&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}&granularity=day`)).body.data as Array<Record<string, number | null>>;
    expect(days).toHaveLength(7);
    for (const d of days) {
      for (const column of ['forecastVolume', 'actualOffered', 'requiredAgents', 'scheduledAgents', 'staffedAgents', 'serviceLevelGoal', 'serviceLevelAchieved', 'serviceLevelPredicted', 'occupancy']) {
        expect({ day: d.periodStartLocal, column, present: d[column] !== null }).toEqual({ day: d.periodStartLocal, column, present: true });
      }
    }
    // Shifts rounded out to the half-hour around real calls: adherence is real, below 1 and well above 0.
    const adherence = (await get(`/api/v1/adherence?level=channel&granularity=month&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`)).body.data as Array<{ key: string; adherence: number }>;
    const retail = adherence.find((a) => a.key === 'retail')!;
    expect(retail.adherence).toBeGreaterThan(0.5);
    expect(retail.adherence).toBeLessThan(1);
  });

  it('answers a chosen range of a channel without actuals, 404 for an unknown channel, 422 for a date that does not exist', async () => {
    const none = (await get('/api/v1/dashboard/range?channel=it-service-desk&from=2026-03-02&to=2026-03-09')).body as Record<string, unknown>;
    expect(none).toMatchObject({ firstActualStart: null, lastActualStart: null, from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', firstDay: '2026-03-02', lastDay: '2026-03-08' });
    const missing = await request(t.baseUrl).get('/api/v1/dashboard/range?channel=nope').set('Authorization', `Bearer ${tenant.keys.analyst}`);
    expect([missing.status, missing.body.code]).toEqual([404, 'CHANNEL_NOT_FOUND']);
    const bad = await request(t.baseUrl).get('/api/v1/dashboard/range?channel=retail&from=1999-02-30').set('Authorization', `Bearer ${tenant.keys.analyst}`);
    failsWith(422, 'VALIDATION_FAILED')(bad);
  });
});
