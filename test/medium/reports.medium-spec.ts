import { plainToInstance } from 'class-transformer';
import { ActualsService } from '../../src/modules/actuals/actuals.service.js';
import { AdherenceService } from '../../src/modules/adherence/adherence.service.js';
import { ChannelsService } from '../../src/modules/channels/channels.service.js';
import { ChannelPutDto } from '../../src/modules/channels/dto/channel.dto.js';
import { ForecastsService } from '../../src/modules/forecasts/forecasts.service.js';
import type { Listing } from '../../src/modules/listing/send-listing.js';
import { ForecastAccuracyQueryDto, type ChannelAccuracySummaryDto, type ForecastAccuracyRowDto } from '../../src/modules/reports/dto/forecast-accuracy.dto.js';
import { IntervalComparisonQueryDto, type IntervalComparisonRowDto } from '../../src/modules/reports/dto/interval-comparison.dto.js';
import { ForecastAccuracyService } from '../../src/modules/reports/forecast-accuracy.service.js';
import { IntervalComparisonService } from '../../src/modules/reports/interval-comparison.service.js';
import { PlanCreateDto } from '../../src/modules/staffing/dto/plan.dto.js';
import { PlansService } from '../../src/modules/staffing/plans.service.js';
import { jsonRowsSource } from '../../src/modules/uploads/upload-body.js';
import { DomainError } from '../../src/platform/errors/domain-error.js';
import { agentsOracle } from '../support/erlang-oracle.js';
import { erlangCServiceLevelOracle } from '../support/queueing-oracle.js';
import { startMediumContext, type MediumContext, type MediumTenant } from '../support/medium-context.js';
import { relativeError } from '../support/relative-error.js';

/*
 * The reports services (forecast accuracy, interval comparison) with format 'json' on a small
 * hand-made dataset stored through the services, on PostgreSQL without HTTP. Every expected
 * value is worked out here from the rows, by the definitions the reports document:
 * variance (F − A) ÷ A (the seed's forecast accuracy), within ±5 %, WAPE Σ|F − A| ÷ ΣA,
 * bias (ΣF − ΣA) ÷ ΣA; service level (answered + abandoned within t) ÷ offered, ASA wait ÷
 * answered, abandon rate abandoned ÷ offered, occupancy handle ÷ (staffed × 1800 s); the
 * predicted service level is Erlang C for the offered contacts, the actual AHT and the staffed
 * agents, by the textbook formula in test/support/erlang-oracle.ts (Gans, Koole & Mandelbaum
 * 2003, §4.1), not by the engine's kernels.
 */
const actual = (channel: string, intervalStart: string, v: { offered: number; answered: number; abandoned: number; within: number; abandonedWithin: number; handleSeconds: number; waitSeconds: number; agentsStaffed?: number }) => ({
  channel, intervalStart, offered: v.offered, answered: v.answered, abandoned: v.abandoned, answeredWithinThreshold: v.within,
  abandonedWithinThreshold: v.abandonedWithin, thresholdSeconds: 20, handleSeconds: v.handleSeconds, waitSeconds: v.waitSeconds,
  ...(v.agentsStaffed === undefined ? {} : { agentsStaffed: v.agentsStaffed }),
});
const quiet = { abandoned: 0, within: 0, abandonedWithin: 0, waitSeconds: 0 };

/** The body of a JSON listing. */
function bodyOf<B>(listing: Listing): B {
  if (listing.type !== 'json') throw new Error(`expected a JSON listing, got ${listing.type}`);
  return listing.body as B;
}

describe('reports services (medium: real repositories, PostgreSQL, no HTTP)', () => {
  let ctx: MediumContext;
  let tenant: MediumTenant;

  beforeAll(async () => {
    ctx = await startMediumContext();
    tenant = await ctx.newTenant();
    for (const code of ['support', 'sales']) {
      await ctx.app.get(ChannelsService).put(tenant.tenantId, code, plainToInstance(ChannelPutDto, {
        name: code, media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, serviceLevelTarget: 0.8, thresholdSeconds: 20,
      }));
    }
  });
  afterAll(() => ctx.close());

  describe('forecast accuracy', () => {
    let versionId: string;
    /*
     *  interval (support)      F     A    (F − A) ÷ A   within ±5 %
     *  2026-01-12 09:00       103   100      +0.03        yes
     *  2026-01-12 09:30        90   120      −0.25        no
     *  2026-01-12 10:00         5     –      none         none   (no actuals: missing, not 0)
     *  2026-02-09 09:00        60    50      +0.20        no
     *  2026-02-09 09:30        41    50      −0.18        no
     *  months: January F 198 (193 over the intervals with actuals), A 220 ((193 − 220) ÷ 220, no);
     *  February F 101, A 100 (+0.01, yes).
     *  Over the intervals with both: Σ|F − A| = 3 + 30 + 10 + 9 = 52, ΣA = 320, ΣF = 294.
     *  Actuals at 2026-02-09 10:00 (30 contacts) have no forecast: not in the report.
     */
    beforeAll(async () => {
      const rows: Array<[string, number]> = [['2026-01-12T09:00:00Z', 103], ['2026-01-12T09:30:00Z', 90], ['2026-01-12T10:00:00Z', 5], ['2026-02-09T09:00:00Z', 60], ['2026-02-09T09:30:00Z', 41]];
      const { version } = await ctx.app.get(ForecastsService).createVersion(tenant.tenantId, {
        label: 'accuracy', source: 'upload', rows: rows.map(([intervalStart, volume]) => ({ channel: 'support', intervalStart, volume, ahtSeconds: 200 })),
      });
      versionId = version.id;
      const actuals: Array<[string, number]> = [['2026-01-12T09:00:00Z', 100], ['2026-01-12T09:30:00Z', 120], ['2026-02-09T09:00:00Z', 50], ['2026-02-09T09:30:00Z', 50], ['2026-02-09T10:00:00Z', 30]];
      await ctx.app.get(ActualsService).uploadIntervals(tenant.tenantId, tenant.uploader('planner'),
        jsonRowsSource(actuals.map(([start, n]) => actual('support', start, { ...quiet, offered: n, answered: n, handleSeconds: 200 * n }))), null, null);
    });

    const report = async (query: Record<string, unknown>) => {
      const listing = await ctx.app.get(ForecastAccuracyService).report(tenant.tenantId, plainToInstance(ForecastAccuracyQueryDto, { forecastVersion: versionId, ...query }), 'json');
      return bodyOf<{ data: ForecastAccuracyRowDto[]; next: string | null; summary: ChannelAccuracySummaryDto[] }>(await listing.build());
    };

    it('lists forecast, actual, variance and the ±5 % flag per interval, with the channel summary', async () => {
      const body = await report({});
      expect(body.next).toBeNull();
      expect(body.data.map((r) => [r.channel, r.periodStart, r.forecast, r.actual, r.withinFivePercent])).toEqual([
        ['support', '2026-01-12T09:00:00Z', 103, 100, true],
        ['support', '2026-01-12T09:30:00Z', 90, 120, false],
        ['support', '2026-01-12T10:00:00Z', 5, null, null],
        ['support', '2026-02-09T09:00:00Z', 60, 50, false],
        ['support', '2026-02-09T09:30:00Z', 41, 50, false],
      ]);
      const variances = [0.03, -0.25, null, 0.2, -0.18];
      body.data.forEach((r, i) => {
        const expected = variances[i];
        if (expected === null) expect(r.variance).toBeNull();
        else expect(relativeError(r.variance, expected)).toBeLessThan(1e-9);
      });
      expect(body.summary).toHaveLength(1);
      const [s] = body.summary;
      expect(s).toMatchObject({ channel: 'support', intervals: 4, intervalsWithinFivePercent: 1 / 4, months: 2, monthsWithinFivePercent: 1 / 2 });
      expect(relativeError(s.wape, 52 / 320)).toBeLessThan(1e-9);
      expect(relativeError(s.bias, (294 - 320) / 320)).toBeLessThan(1e-9);
    });

    it('rolls up by month from summed forecasts and actuals', async () => {
      const body = await report({ granularity: 'month' });
      expect(body.data.map((r) => [r.periodStart, r.periodStartLocal, r.forecast, r.actual, r.withinFivePercent])).toEqual([
        ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00+00:00', 198, 220, false],
        ['2026-02-01T00:00:00Z', '2026-02-01T00:00:00+00:00', 101, 100, true],
      ]);
      expect(relativeError(body.data[0].variance, (193 - 220) / 220)).toBeLessThan(1e-9);
      expect(body.data.map((r) => [r.forecastIntervals, r.actualIntervals])).toEqual([[3, 2], [2, 2]]);
      expect(relativeError(body.data[1].variance, 0.01)).toBeLessThan(1e-9);
    });

    it('refuses an unknown forecast version with DomainError FORECAST_VERSION_NOT_FOUND', async () => {
      const error = await ctx.app.get(ForecastAccuracyService)
        .report(tenant.tenantId, plainToInstance(ForecastAccuracyQueryDto, { forecastVersion: '00000000-0000-4000-8000-00000000abcd' }), 'json')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('FORECAST_VERSION_NOT_FOUND');
    });
  });

  describe('interval comparison', () => {
    /*
     *  sales, 2026-03-02      forecast       actuals                                                    plan   scheduled
     *  09:00               100 × 180 s   offered 90, answered 85 (16,150 s handled, 850 s waited),   14     s1 + s2 = 2
     *                                    abandoned 5, within 20 s 70 + 2, 12 agents staffed
     *  09:30                60 × 240 s   offered 50, answered 50 (12,000 s, 250 s), within 45, 8     R30    s1 = 1
     * Plan: Erlang C at the channel goal (80 % in 20 s): 09:00 is the published A = 10 case
     * (14 agents, pyworkforce and the R package ErlangC); 09:30 has A = 60 × 240 ÷ 1800 = 8 Erlangs,
     * R30 = the smallest N meeting 80/20 by the oracle.
     */
    const required30 = agentsOracle(8, 240, 20, 0.8);
    const predicted00 = erlangCServiceLevelOracle(12, (90 * 190) / 1800, 190, 20); // actual AHT 16,150 ÷ 85 = 190 s
    const predicted30 = erlangCServiceLevelOracle(8, (50 * 240) / 1800, 240, 20);

    beforeAll(async () => {
      const { version } = await ctx.app.get(ForecastsService).createVersion(tenant.tenantId, {
        label: 'comparison', source: 'upload',
        rows: [{ channel: 'sales', intervalStart: '2026-03-02T09:00:00Z', volume: 100, ahtSeconds: 180 }, { channel: 'sales', intervalStart: '2026-03-02T09:30:00Z', volume: 60, ahtSeconds: 240 }],
      });
      await ctx.app.get(PlansService).create(tenant.principal('scheduler'), plainToInstance(PlanCreateDto, { forecastVersionId: version.id }));
      await ctx.app.get(ActualsService).uploadIntervals(tenant.tenantId, tenant.uploader('planner'), jsonRowsSource([
        actual('sales', '2026-03-02T09:00:00Z', { offered: 90, answered: 85, abandoned: 5, within: 70, abandonedWithin: 2, handleSeconds: 16_150, waitSeconds: 850, agentsStaffed: 12 }),
        actual('sales', '2026-03-02T09:30:00Z', { offered: 50, answered: 50, abandoned: 0, within: 45, abandonedWithin: 0, handleSeconds: 12_000, waitSeconds: 250, agentsStaffed: 8 }),
      ]), null, null);
      await ctx.app.get(AdherenceService).uploadSchedules(tenant.tenantId, tenant.uploader('scheduler'), jsonRowsSource([
        { agentId: 's1', team: 'red', channels: 'sales', activity: 'work', start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z' },
        { agentId: 's2', team: 'red', channels: 'sales', activity: 'work', start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:30:00Z' },
      ]), null);
    });

    const report = async (query: Record<string, unknown>) => {
      const listing = await ctx.app.get(IntervalComparisonService).report(tenant.tenantId, plainToInstance(IntervalComparisonQueryDto, { channel: ['sales'], from: '2026-03-02', to: '2026-03-03', ...query }), 'json');
      return bodyOf<{ data: IntervalComparisonRowDto[]; next: string | null }>(await listing.build());
    };

    /** Each expected number to 1e-9 relative (null stays null). */
    const expectRow = (row: IntervalComparisonRowDto, expected: Partial<Record<keyof IntervalComparisonRowDto, number | null>>): void => {
      for (const [field, value] of Object.entries(expected) as Array<[keyof IntervalComparisonRowDto, number | null]>) {
        if (value === null) expect({ field, value: row[field] }).toEqual({ field, value: null });
        else expect({ field, error: relativeError(row[field] as number | null, value) < 1e-9 ? 'ok' : row[field] }).toEqual({ field, error: 'ok' });
      }
    };

    it('puts forecast, plan, schedule and actuals side by side per interval', async () => {
      const body = await report({});
      expect(body.next).toBeNull();
      expect(body.data.map((r) => [r.channel, r.periodStart, r.periodStartLocal])).toEqual([
        ['sales', '2026-03-02T09:00:00Z', '2026-03-02T09:00:00+00:00'],
        ['sales', '2026-03-02T09:30:00Z', '2026-03-02T09:30:00+00:00'],
      ]);
      expectRow(body.data[0], {
        forecastVolume: 100, actualOffered: 90, volumeVariancePct: (100 * (100 - 90)) / 90,
        forecastAhtSeconds: 180, actualAhtSeconds: 190, ahtVariancePct: (100 * (180 - 190)) / 190,
        requiredAgents: 14, scheduledAgents: 2, staffedAgents: 12, staffingGap: 2 - 14, serviceLevelGoal: 0.8,
        serviceLevelAchieved: 72 / 90, serviceLevelPredicted: predicted00, serviceLevelResidual: 72 / 90 - predicted00,
        asaSeconds: 10, abandonRate: 5 / 90, occupancy: 16_150 / (12 * 1800),
      });
      expectRow(body.data[1], {
        forecastVolume: 60, actualOffered: 50, volumeVariancePct: 20, forecastAhtSeconds: 240, actualAhtSeconds: 240, ahtVariancePct: 0,
        requiredAgents: required30, scheduledAgents: 1, staffedAgents: 8, staffingGap: 1 - required30, serviceLevelGoal: 0.8,
        serviceLevelAchieved: 0.9, serviceLevelPredicted: predicted30, serviceLevelResidual: 0.9 - predicted30,
        asaSeconds: 5, abandonRate: 0, occupancy: 12_000 / (8 * 1800),
      });
    });

    it('rolls the day up from summed numerators and denominators', async () => {
      const body = await report({ granularity: 'day' });
      expect(body.data.map((r) => r.periodStart)).toEqual(['2026-03-02T00:00:00Z']);
      const predicted = (predicted00 * 90 + predicted30 * 50) / 140; // weighted by offered contacts
      expectRow(body.data[0], {
        forecastVolume: 160, actualOffered: 140, volumeVariancePct: (100 * 20) / 140,
        forecastAhtSeconds: (100 * 180 + 60 * 240) / 160, actualAhtSeconds: 28_150 / 135,
        requiredAgents: (14 + required30) / 2, scheduledAgents: 1.5, staffedAgents: 10, staffingGap: 1.5 - (14 + required30) / 2,
        serviceLevelGoal: 0.8, serviceLevelAchieved: 117 / 140, serviceLevelPredicted: predicted, serviceLevelResidual: 117 / 140 - predicted,
        asaSeconds: 1100 / 135, abandonRate: 5 / 140, occupancy: 28_150 / (20 * 1800),
      });
    });

    it('refuses an unknown plan with DomainError PLAN_NOT_FOUND', async () => {
      const error = await report({ plan: '00000000-0000-4000-8000-00000000abcd' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('PLAN_NOT_FOUND');
    });
  });
});
