import { plainToInstance } from 'class-transformer';
import { ChannelsService } from '../../src/modules/channels/channels.service.js';
import { ChannelPutDto } from '../../src/modules/channels/dto/channel.dto.js';
import { ForecastsService } from '../../src/modules/forecasts/forecasts.service.js';
import { IntervalQueryDto } from '../../src/modules/listing/interval-query.js';
import { PlanCreateDto, type PlanIntervalDto } from '../../src/modules/staffing/dto/plan.dto.js';
import { StaffingRequestDto } from '../../src/modules/staffing/dto/staffing-request.dto.js';
import { PlansService } from '../../src/modules/staffing/plans.service.js';
import { StaffingService } from '../../src/modules/staffing/staffing.service.js';
import { DomainError } from '../../src/platform/errors/domain-error.js';
import { startMediumContext, type MediumContext, type MediumTenant } from '../support/medium-context.js';
import { agentsOracle, erlangBOracle, erlangCOracle } from '../support/erlang-oracle.js';
import { erlangCServiceLevelOracle } from '../support/queueing-oracle.js';
import { relativeError } from '../support/relative-error.js';

/*
 * StaffingService and PlansService with their real repositories on PostgreSQL, no HTTP.
 * Expected values and their sources:
 * - The A = 10 Erlang C case (100 contacts per 30 min, AHT 180 s, 80 % within 20 s, shrinkage
 *   30 %): 14 agents, 20 scheduled, wait probability 0.1741319, service level 0.8883500, ASA
 *   7.835937 s, as published by pyworkforce (ErlangC example) and the R package ErlangC (the
 *   same case src/core/queueing/erlang-c.spec.ts uses).
 * - To 1e-9 relative, the textbook Erlang B and C formulas summed directly in
 *   test/support/erlang-oracle.ts (Gans, Koole & Mandelbaum 2003, §4.1), independent of the
 *   engine's recurrence.
 * - Erlang B: 17 lines for 2 % blocking at 10 Erlangs (the standard Erlang B table).
 * - Occupancy cap: A/N ≤ 0.70 needs N ≥ 10/0.7, i.e. 15 agents; scheduled agents are the
 *   smallest m with m·(1 − 0.3) ≥ N, counted here in integers (m·7 ≥ N·10).
 */

/** Smallest m with m·(1 − 0.3) ≥ agents, in integers. */
const scheduledAt30 = (agents: number): number => Math.floor((agents * 10 + 6) / 7);

const GOAL_80_20 = { serviceLevelTarget: 0.8, thresholdSeconds: 20 };
const A10 = { volume: 100, ahtSeconds: 180 };

describe('staffing services (medium: real repositories, PostgreSQL, no HTTP)', () => {
  let ctx: MediumContext;
  let tenant: MediumTenant;
  let staffing: StaffingService;
  let plans: PlansService;
  let forecasts: ForecastsService;

  beforeAll(async () => {
    ctx = await startMediumContext();
    tenant = await ctx.newTenant();
    staffing = ctx.app.get(StaffingService);
    plans = ctx.app.get(PlansService);
    forecasts = ctx.app.get(ForecastsService);
    const channels = ctx.app.get(ChannelsService);
    const common = { media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, serviceLevelTarget: 0.8, thresholdSeconds: 20, shrinkage: 0.3 };
    await channels.put(tenant.tenantId, 'voice', plainToInstance(ChannelPutDto, { ...common, name: 'Voice' }));
    await channels.put(tenant.tenantId, 'chat', plainToInstance(ChannelPutDto, { ...common, name: 'Chat', media: 'chat', maxOccupancy: 0.7 }));
  });
  afterAll(() => ctx.close());

  const request = (body: object): StaffingRequestDto => plainToInstance(StaffingRequestDto, body);

  it('oracle check: the formulas above reproduce the published A = 10 case', () => {
    expect(agentsOracle(10, 180, 20, 0.8)).toBe(14);
    expect(erlangCOracle(14, 10)).toBeCloseTo(0.1741319, 7);
    expect(erlangCServiceLevelOracle(14, 10, 180, 20)).toBeCloseTo(0.88835, 7);
    expect(scheduledAt30(14)).toBe(20);
  });

  it('calculate: the A = 10 Erlang C case with a request goal', async () => {
    const res = await staffing.calculate(tenant.tenantId, request({ intervalMinutes: 30, goal: GOAL_80_20, shrinkage: 0.3, intervals: [{ start: '2026-03-02T09:00:00Z', channel: 'voice', ...A10 }] }));
    const [r] = res.intervals;
    expect(r).toMatchObject({ start: '2026-03-02T09:00:00Z', channel: 'voice', agents: 14, requiredWithShrinkage: 20, binding: 'service-level', warnings: [], abandonRate: null, blockingProbability: null });
    expect(relativeError(r.waitProbability, erlangCOracle(14, 10))).toBeLessThan(1e-9);
    expect(relativeError(r.serviceLevel, erlangCServiceLevelOracle(14, 10, 180, 20))).toBeLessThan(1e-9);
    expect(relativeError(r.asaSeconds, (erlangCOracle(14, 10) * 180) / 4)).toBeLessThan(1e-9);
    expect(relativeError(r.occupancy, 10 / 14)).toBeLessThan(1e-12);
    // the published digits too
    expect(r.waitProbability).toBeCloseTo(0.1741319, 7);
    expect(r.serviceLevel).toBeCloseTo(0.88835, 7);
    expect(r.asaSeconds).toBeCloseTo(7.835937, 6);
    expect(res.totals).toMatchObject({ agentHours: 7, requiredWithShrinkageHours: 10, volume: 100 });
  });

  it('calculate without a goal applies each channel’s stored goal (read from PostgreSQL)', async () => {
    const res = await staffing.calculate(tenant.tenantId, request({
      intervals: [{ channel: 'voice', ...A10 }, { channel: 'chat', ...A10 }, { channel: 'voice', volume: 200, ahtSeconds: 180 }],
    }));
    const a20 = agentsOracle(20, 180, 20, 0.8);
    expect(res.intervals.map((r) => [r.channel, r.agents, r.requiredWithShrinkage, r.binding])).toEqual([
      ['voice', 14, 20, 'service-level'],
      ['chat', 15, 22, 'occupancy'],
      ['voice', a20, scheduledAt30(a20), 'service-level'],
    ]);
    expect(relativeError(res.intervals[2].serviceLevel, erlangCServiceLevelOracle(a20, 20, 180, 20))).toBeLessThan(1e-9);
    expect(res.totals.agentHours).toBe((14 + 15 + a20) / 2);
  });

  it('evaluate: the outcomes of given staffing, and overload reported explicitly', async () => {
    const res = await staffing.evaluate(tenant.tenantId, request({ goal: GOAL_80_20, intervals: [{ ...A10, agents: 13 }, { ...A10, agents: 14 }, { ...A10, agents: 10 }] }));
    for (const [i, n] of [[0, 13], [1, 14]] as const) {
      expect(relativeError(res.intervals[i].waitProbability, erlangCOracle(n, 10))).toBeLessThan(1e-9);
      expect(relativeError(res.intervals[i].serviceLevel, erlangCServiceLevelOracle(n, 10, 180, 20))).toBeLessThan(1e-9);
    }
    expect(res.intervals[0].serviceLevel).toBeLessThan(0.8); // why 14 is the requirement
    expect(res.intervals[2]).toMatchObject({ agents: 10, serviceLevel: 0, waitProbability: 1, asaSeconds: null, binding: null, agentsFractional: null });
    expect(res.intervals[2].warnings).toContain('overloaded');
  });

  it('Erlang B: 17 lines for 2 % blocking at 10 Erlangs', async () => {
    const res = await staffing.calculate(tenant.tenantId, request({ model: 'erlang-b', goal: { maxBlocking: 0.02 }, intervals: [A10] }));
    expect(res.intervals[0]).toMatchObject({ agents: 17, binding: 'blocking', serviceLevel: null, asaSeconds: null });
    expect(relativeError(res.intervals[0].blockingProbability, erlangBOracle(17, 10))).toBeLessThan(1e-9);
    expect(erlangBOracle(16, 10)).toBeGreaterThan(0.02); // 16 lines miss the goal: 17 is the table's answer
  });

  it('refuses an unknown channel with DomainError UNKNOWN_CHANNELS naming it', async () => {
    const error = await staffing.calculate(tenant.tenantId, request({ intervals: [{ channel: 'voice', ...A10 }, { channel: 'nope', ...A10 }] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'UNKNOWN_CHANNELS', details: { unknown: ['nope'] } });
  });

  describe('plans of a stored forecast version', () => {
    let versionId: string;
    const a20 = agentsOracle(20, 180, 20, 0.8);

    beforeAll(async () => {
      const { version } = await forecasts.createVersion(tenant.tenantId, {
        label: 'medium staffing',
        source: 'upload',
        rows: [
          { channel: 'voice', intervalStart: '2026-03-02T09:00:00Z', ...A10 },
          { channel: 'voice', intervalStart: '2026-03-02T09:30:00Z', volume: 200, ahtSeconds: 180 },
          { channel: 'voice', intervalStart: '2026-03-02T10:00:00Z', volume: 0, ahtSeconds: 180 },
          { channel: 'chat', intervalStart: '2026-03-02T09:00:00Z', ...A10 },
        ],
        createdBy: tenant.uploader('planner'),
      });
      versionId = version.id;
    });

    it('creates a plan at each channel’s stored goal, stores it, and reads it back', async () => {
      const plan = await plans.create(tenant.principal('scheduler'), plainToInstance(PlanCreateDto, { forecastVersionId: versionId, label: 'medium plan' }));
      expect(plan).toMatchObject({
        label: 'medium plan', forecastVersionId: versionId, model: 'erlang-c', intervalCount: 4, createdBy: 'scheduler key',
        firstIntervalStart: '2026-03-02T09:00:00Z', lastIntervalStart: '2026-03-02T10:00:00Z',
      });
      expect(plan.channels).toEqual([
        { channel: 'chat', intervalMinutes: 30, goal: { serviceLevelTarget: 0.8, maxOccupancy: 0.7 }, thresholdSeconds: 20, shrinkage: 0.3, patienceSeconds: null, concurrency: 1 },
        { channel: 'voice', intervalMinutes: 30, goal: { serviceLevelTarget: 0.8 }, thresholdSeconds: 20, shrinkage: 0.3, patienceSeconds: null, concurrency: 1 },
      ]);
      // chat 15 (occupancy cap); voice 14, the A = 20 requirement, 0 for no volume; half-hours
      expect(plan.totals).toMatchObject({ agentHours: (15 + 14 + a20 + 0) / 2, requiredWithShrinkageHours: (22 + 20 + scheduledAt30(a20) + 0) / 2, volume: 400 });
      expect(await plans.get(tenant.tenantId, plan.id)).toEqual(plan);
      const listed = await plans.list(tenant.tenantId, 10, undefined);
      expect(listed.data.map((p) => p.id)).toContain(plan.id);
      expect(listed.data.find((p) => p.id === plan.id)).toEqual(plan);
      const stored = await (await plans.intervals(tenant.tenantId, plan.id, new IntervalQueryDto(), 'json')).build();
      if (stored.type !== 'json') throw new Error('expected a JSON listing');
      const rows = (stored.body as { data: PlanIntervalDto[] }).data;
      expect(rows.map((r) => [r.channel, r.periodStart, r.agents, r.requiredWithShrinkage, r.binding])).toEqual([
        ['chat', '2026-03-02T09:00:00Z', 15, 22, 'occupancy'],
        ['voice', '2026-03-02T09:00:00Z', 14, 20, 'service-level'],
        ['voice', '2026-03-02T09:30:00Z', a20, scheduledAt30(a20), 'service-level'],
        ['voice', '2026-03-02T10:00:00Z', 0, 0, 'none'],
      ]);
      expect(relativeError(rows[1].waitProbability, erlangCOracle(14, 10))).toBeLessThan(1e-9);
      expect(relativeError(rows[0].occupancy, 10 / 15)).toBeLessThan(1e-12);
    });

    it('model and goal of the request override the channel’s, channels pick a subset, plans list newest first', async () => {
      const first = await plans.create(tenant.principal('scheduler'), plainToInstance(PlanCreateDto, { forecastVersionId: versionId, channels: ['voice'], model: 'erlang-b', goal: { maxBlocking: 0.02 } }));
      const second = await plans.create(tenant.principal('scheduler'), plainToInstance(PlanCreateDto, { forecastVersionId: versionId, channels: ['chat'] }));
      expect(first).toMatchObject({ intervalCount: 3, label: 'medium staffing · erlang-b' });
      // Erlang B lines: 17 at 10 Erlangs (table); at 20 Erlangs the smallest N with B(N, 20) ≤ 0.02 by the oracle
      let lines20 = 1;
      while (erlangBOracle(lines20, 20) > 0.02) lines20++;
      expect(first.totals.agentHours).toBe((17 + lines20 + 0) / 2);
      const page = await plans.list(tenant.tenantId, 2, undefined);
      expect(page.data.map((p) => p.id)).toEqual([second.id, first.id]);
      expect(page.next).not.toBeNull();
    });

    it('refuses an unknown forecast version with DomainError FORECAST_VERSION_NOT_FOUND', async () => {
      const error = await plans.create(tenant.principal('scheduler'), plainToInstance(PlanCreateDto, { forecastVersionId: '00000000-0000-4000-8000-000000000000' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('FORECAST_VERSION_NOT_FOUND');
    });
  });
});
