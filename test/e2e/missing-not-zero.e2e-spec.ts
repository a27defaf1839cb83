import request from 'supertest';
import { DemoSeeder } from '../../src/modules/demo/demo.seeder.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Missing is not zero, over the demo data (data/README.md: the Anonymous Bank, 3-16 October
 * 1999; a seasonal-naive forecast, a plan, schedules and agent states for the second week only).
 * Expected values come from the report's own interval rows, summed here by hand, and from the
 * same report over the covered half alone: an independent path from the server's roll-up.
 */
describe('missing is not zero (demo data)', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const get = (path: string) => request(t.baseUrl).get(path).set('Authorization', `Bearer ${tenant.keys.analyst}`).expect(200);
  // Israel Standard Time (DST ended 3 September 1999).
  const day = (d: string): string => `1999-10-${d}T00:00:00%2B02:00`;
  const report = async (from: string, to: string, extra = ''): Promise<Array<Record<string, number | null>>> =>
    (await get(`/api/v1/reports/interval-comparison?channel=retail&from=${day(from)}&to=${day(to)}&limit=10000${extra}`)).body.data;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    await t.app.get(DemoSeeder).seedTenant(tenant.tenantId);
  }, 120_000);
  afterAll(() => t.close());

  it("a forecast generated for the week after the data does not hide last week's", async () => {
    const before = await report('10', '17');
    const forecast = before.map((r) => r.forecastVolume);
    expect(forecast.filter((v) => v !== null).length).toBeGreaterThan(100);
    await request(t.baseUrl).post('/api/v1/forecasts/generate').set('Authorization', `Bearer ${tenant.keys.planner}`)
      .send({ channels: ['retail'], horizonStart: '1999-10-17', horizonDays: 7, method: 'seasonal-naive', label: 'next week' }).expect(201);
    expect((await report('10', '17')).map((r) => r.forecastVolume)).toEqual(forecast);
    // The new version holds the next week: there it is the forecast.
    const next = await report('17', '24');
    expect(next.filter((r) => r.forecastVolume !== null).length).toBeGreaterThan(100);
    // The forecast-accuracy tiles of the dashboard read the same rows: 1 − WAPE over intervals with both.
    const both = (await report('10', '17')).filter((r) => r.forecastVolume !== null && r.actualOffered !== null);
    expect(both.length).toBeGreaterThan(100);
  });

  it('a range half covered by schedules and agent states: the uncovered intervals are empty, and the roll-up reads the covered half only', async () => {
    const rows = await report('03', '17');
    const firstWeek = rows.filter((r) => String(r.periodStart) < '1999-10-09T22:00:00Z');
    const secondWeek = rows.filter((r) => String(r.periodStart) >= '1999-10-09T22:00:00Z');
    expect(firstWeek.length).toBeGreaterThan(100);
    // No schedule or agent state in the first week: unknown, never 0.
    for (const r of firstWeek) {
      expect([r.scheduledAgents, r.staffedAgents, r.occupancy, r.serviceLevelPredicted, r.scheduledIntervals, r.staffedIntervals]).toEqual([null, null, null, null, 0, 0]);
    }
    expect(secondWeek.some((r) => r.staffedAgents !== null && r.staffedAgents > 0)).toBe(true);
    // The month row over both weeks equals the second week alone for everything staffing-based.
    const [both] = await report('03', '17', '&granularity=month');
    const [covered] = await report('10', '17', '&granularity=month');
    for (const f of ['staffedAgents', 'scheduledAgents', 'occupancy', 'serviceLevelPredicted', 'staffedAgentHours', 'scheduledAgentHours', 'staffedIntervals', 'scheduledIntervals']) {
      expect({ f, v: both[f] }).toEqual({ f, v: covered[f] });
    }
    // Hand roll-up of the interval rows: staffed agent-hours are Σ staffed × ½ h over the covered intervals.
    const staffedHours = secondWeek.reduce((s, r) => s + (r.staffedAgents ?? 0) / 2, 0);
    expect(Math.abs((both.staffedAgentHours as number) - staffedHours)).toBeLessThan(1e-9 * staffedHours);
    expect(both.staffedIntervals).toBe(secondWeek.filter((r) => r.staffedAgents !== null).length);
    expect(both.actualIntervals).toBe(rows.filter((r) => r.actualOffered !== null).length);
    // Occupancy is never above 100%: an interval with more handle than staffed time is counted, not shown.
    for (const r of rows) if (r.occupancy !== null) expect(r.occupancy).toBeLessThanOrEqual(1);
  });
});
