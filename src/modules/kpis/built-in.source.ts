import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { abandonmentAfterObjectiveRate } from '../../core/kpi/abandonment-after-objective-rate.js';
import { abandonmentRate } from '../../core/kpi/abandonment-rate.js';
import { attemptsUntilRightParty } from '../../core/kpi/attempts-until-right-party.js';
import { averageHandleTimeSeconds } from '../../core/kpi/average-handle-time-seconds.js';
import { averageSpeedOfAnswerSeconds } from '../../core/kpi/average-speed-of-answer-seconds.js';
import { budgetVariance } from '../../core/kpi/budget-variance.js';
import { costPerContact } from '../../core/kpi/cost-per-contact.js';
import { firstContactResolutionRate } from '../../core/kpi/first-contact-resolution-rate.js';
import { forecastErrorRatio } from '../../core/kpi/forecast-error-ratio.js';
import { occupancyFromWorkload } from '../../core/kpi/occupancy-from-workload.js';
import { DAYS_PER_YEAR, propensityToContactAnnualised } from '../../core/kpi/propensity-to-contact-annualised.js';
import { serviceLevelFromCounts } from '../../core/kpi/service-level-from-counts.js';
import { surveyMeanScore } from '../../core/kpi/survey-mean-score.js';
import { turnoverAnnualised } from '../../core/kpi/turnover-annualised.js';
import type { ServiceLevelDefinition } from '../../core/queueing/service-level-definition.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { ChannelsService } from '../channels/channels.service.js';
import { BUILT_IN_KPIS, type BuiltInKpiCode } from './built-in-kpis.js';
import { KpiSourceRegistry } from './kpi-source-registry.js';
import type { KpiGranularity, KpiRange, KpiRollupRow, KpiSource } from './kpi-source.js';
import { KpiSumsRepository, type ActualsSums, type DatedSums } from './kpi-sums.repository.js';
import { tenantZoneOf } from '../channels/tenant-zone.js';

const SERVICE_LEVELS: ReadonlyArray<[BuiltInKpiCode, ServiceLevelDefinition]> = [
  ['service-level', 'answered-or-abandoned-within/offered'],
  ['service-level-answered-within-offered', 'answered-within/offered'],
  ['service-level-answered-within-answered', 'answered-within/answered'],
  ['service-level-offered-minus-short-abandons', 'answered-within/offered-minus-short-abandons'],
];

const SURVEY_KPIS: Record<string, BuiltInKpiCode> = {
  esat: 'employee-satisfaction-mean',
  engagement: 'engagement-mean',
  csat: 'customer-satisfaction-mean',
  effort: 'customer-effort-mean',
};

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
const key = (channelId: number | null, p: number): string => `${channelId ?? '*'}|${p}`;

/**
 * The KPIs of families 1–7 the engine computes from its own tables: interval actuals (or
 * contacts), forecasts, customer counts, outbound attempts, evaluations, FCR outcomes, surveys,
 * workforce events and cost entries. SQL sums per channel and period (KpiSumsRepository);
 * the formulas of src/core/kpi turn the sums into numerators, denominators and values. A row
 * is produced only when its value is defined (a denominator > 0), except the survey means of
 * a period that mixes scales (value null, detail `{ mixedScales: true }`).
 */
@Injectable()
export class BuiltInKpiSource implements KpiSource, OnModuleInit {
  readonly definitions = BUILT_IN_KPIS;

  constructor(
    private readonly sums: KpiSumsRepository,
    private readonly channels: ChannelsService,
    private readonly registry: KpiSourceRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async compute(tenantId: string, fromUtc: Date, toUtc: Date, granularity: KpiGranularity): Promise<KpiRollupRow[]> {
    return (await this.computeMany(tenantId, [{ granularity, fromUtc, toUtc }])).get(granularity) ?? [];
  }

  /**
   * Day, week and month share one pass over the interval actuals; interval rows are summed per
   * interval. `forecastVersionId`: forecast accuracy against that version instead of the newest
   * version holding each interval (a per-request override, never stored).
   */
  async computeMany(tenantId: string, ranges: readonly KpiRange[], forecastVersionId: string | null = null): Promise<Map<KpiGranularity, KpiRollupRow[]>> {
    const zone = tenantZoneOf(await this.channels.list(tenantId));
    const stored = ranges.filter((r): r is KpiRange & { granularity: 'day' | 'week' | 'month' } => r.granularity !== 'interval');
    const actualsBy = stored.length ? await this.sums.actualsMany(tenantId, stored, zone, forecastVersionId) : new Map<string, ActualsSums[]>();
    const out = new Map<KpiGranularity, KpiRollupRow[]>();
    for (const { granularity, fromUtc, toUtc } of ranges) {
      const rows: KpiRollupRow[] = [];
      // A NaN value (undefined ratio) leaves the row out; null keeps it with no value.
      const push: Push = (channelId, p, kpi, numerator, denominator, value, detail = null, dimension = '') => {
        if (value !== null && !Number.isFinite(value)) return;
        rows.push({ channelId, periodStart: new Date(p), kpi, numerator, denominator, value, detail, ...(dimension ? { dimension } : {}) });
      };
      const actuals = granularity === 'interval'
        ? await this.sums.actuals(tenantId, granularity, fromUtc, toUtc, zone, forecastVersionId)
        : actualsBy.get(granularity) ?? [];
      this.actualsRows(actuals, push);
      await this.rightPartyContact(tenantId, granularity, fromUtc, toUtc, zone, push);
      if (granularity !== 'interval') {
        await this.propensity(tenantId, actuals, push);
        const threshold = this.config.kpiCsatTopBoxThreshold;
        for (const d of await this.sums.dated(tenantId, granularity, fromUtc, toUtc, zone, threshold)) this.dated(d, push);
        await this.costs(tenantId, granularity, fromUtc, toUtc, zone, actuals, push);
        await this.turnover(tenantId, granularity, fromUtc, toUtc, zone, push);
      }
      out.set(granularity, rows);
    }
    return out;
  }

  /** Families 1–3 from the summed interval actuals and forecasts. */
  private actualsRows(actuals: readonly ActualsSums[], push: Push): void {
    const sl = new Float64Array(2);
    for (const a of actuals) {
      const c = a.channelId;
      push(c, a.p, 'aht-seconds', a.handleSeconds, a.answered, averageHandleTimeSeconds(a.handleSeconds, 0, a.answered));
      push(c, a.p, 'asa-seconds', a.waitSeconds, a.answered, averageSpeedOfAnswerSeconds(a.waitSeconds, a.answered));
      push(c, a.p, 'abandonment-rate', a.abandoned, a.abandoned + a.answered, abandonmentRate(a.abandoned, a.answered));
      const late = a.abandoned - a.abandonedWithin;
      push(c, a.p, 'abandonment-after-objective-rate', late, late + a.answered, abandonmentAfterObjectiveRate(a.abandoned, a.abandonedWithin, a.answered));
      for (const [code, definition] of SERVICE_LEVELS) {
        const value = serviceLevelFromCounts(a.answeredWithin, a.abandonedWithin, a.answered, a.abandoned, definition, sl);
        push(c, a.p, code, sl[0], sl[1], value);
      }
      // Occupancy: the staffed seconds already are agents × interval seconds, so contacts × AHT = handle seconds.
      push(c, a.p, 'occupancy', a.staffedHandleSeconds, a.staffedSeconds, occupancyFromWorkload(a.staffedHandleSeconds, 1, a.staffedSeconds, 1));
      push(c, a.p, 'forecast-error', a.forecastContacts - a.forecastActualContacts, a.forecastActualContacts, forecastErrorRatio(a.forecastContacts, a.forecastActualContacts));
      if (a.forecastIntervals > 0) push(c, a.p, 'forecast-within-tolerance-share', a.forecastWithin, a.forecastIntervals, a.forecastWithin / a.forecastIntervals);
    }
  }

  async kpisWithData(tenantId: string): Promise<ReadonlySet<string>> {
    const t = await this.sums.tablesWithData(tenantId);
    const has = new Set<string>();
    for (const d of BUILT_IN_KPIS) {
      const ok = ((): boolean => {
        switch (d.code) {
          case 'forecast-error':
          case 'forecast-within-tolerance-share':
            return t.has('interval_actuals') && t.has('forecast_intervals');
          case 'propensity-to-contact':
            return t.has('interval_actuals') && t.has('customer_counts');
          case 'right-party-contact-attempts':
            return t.has('outbound_attempts');
          case 'quality-score':
            return t.has('quality_evaluations');
          case 'first-contact-resolution':
            return t.has('fcr_outcomes');
          case 'employee-satisfaction-mean':
            return t.has('survey_responses:esat');
          case 'engagement-mean':
            return t.has('survey_responses:engagement');
          case 'customer-satisfaction-mean':
          case 'customer-satisfied-share':
            return t.has('survey_responses:csat');
          case 'customer-effort-mean':
            return t.has('survey_responses:effort');
          case 'agent-turnover':
          case 'agent-turnover-voluntary':
          case 'agent-turnover-involuntary':
            return t.has('workforce_events');
          case 'cost-per-contact':
            return t.has('cost_entries:actual') && t.has('interval_actuals');
          case 'budget-variance':
          case 'budget-variance-ratio':
            return t.has('cost_entries:budget');
          case 'revenue':
            return t.has('cost_entries:revenue');
          case 'aht-seconds':
          case 'occupancy':
          case 'service-level':
          case 'service-level-answered-within-offered':
          case 'service-level-answered-within-answered':
          case 'service-level-offered-minus-short-abandons':
          case 'abandonment-rate':
          case 'abandonment-after-objective-rate':
          case 'asa-seconds':
            return t.has('interval_actuals');
        }
      })();
      if (ok) has.add(d.code);
    }
    return has;
  }

  /** Attempts per right-party contact, attributed to the period of the reaching attempt. */
  private async rightPartyContact(tenantId: string, granularity: KpiGranularity, fromUtc: Date, toUtc: Date, zone: string, push: Push): Promise<void> {
    const rows = await this.sums.attempts(tenantId, granularity, toUtc, zone);
    if (rows.length === 0) return;
    const rightParty = new Uint8Array(rows.length);
    const starts: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      rightParty[i] = rows[i].rightParty ? 1 : 0;
      if (i === 0 || rows[i].targetId !== rows[i - 1].targetId) starts.push(i);
    }
    starts.push(rows.length);
    const targetStarts = Int32Array.from(starts);
    const attempts = attemptsUntilRightParty(rightParty, targetStarts, new Int32Array(starts.length - 1));
    const totals = new Map<string, { channelId: number | null; p: number; attempts: number; reached: number }>();
    const add = (channelId: number | null, p: number, n: number): void => {
      if (p < fromUtc.getTime() || p >= toUtc.getTime()) return;
      const k = key(channelId, p);
      const t = totals.get(k) ?? { channelId, p, attempts: 0, reached: 0 };
      t.attempts += n;
      t.reached += 1;
      totals.set(k, t);
    };
    for (let k = 0; k < attempts.length; k++) {
      if (attempts[k] === 0) continue;
      const reach = rows[targetStarts[k] + attempts[k] - 1];
      if (reach.channelId !== null && reach.p !== null) add(reach.channelId, reach.p, attempts[k]);
      add(null, reach.pt, attempts[k]);
    }
    for (const t of totals.values()) push(t.channelId, t.p, 'right-party-contact-attempts', t.attempts, t.reached, t.attempts / t.reached);
  }

  /** Contacts per customer-year: the customers of the count covering the period start (the channel's, else all channels'). */
  private async propensity(tenantId: string, actuals: readonly ActualsSums[], push: Push): Promise<void> {
    const counts = await this.sums.customerCounts(tenantId);
    if (counts.length === 0) return;
    for (const a of actuals) {
      const covering = (channelId: number | null) => counts.find((c) => c.channelId === channelId && c.periodStart <= a.localDate && a.localDate < c.periodEnd);
      const count = (a.channelId !== null ? covering(a.channelId) : undefined) ?? covering(null);
      if (!count) continue;
      push(a.channelId, a.p, 'propensity-to-contact', a.offered, (count.customers * a.periodDays) / DAYS_PER_YEAR,
        propensityToContactAnnualised(a.offered, count.customers, a.periodDays));
    }
  }

  private dated(d: DatedSums, push: Push): void {
    if (d.kind === 'quality') {
      push(d.channelId, d.p, 'quality-score', d.sum, d.n, d.sum / d.n);
      return;
    }
    if (d.kind === 'fcr') {
      push(d.channelId, d.p, 'first-contact-resolution', d.sum, d.n, firstContactResolutionRate(d.sum, d.n));
      return;
    }
    const code = SURVEY_KPIS[d.kind];
    if (!code) return;
    const oneScale = d.scaleMinLow === d.scaleMinHigh && d.scaleMaxLow === d.scaleMaxHigh;
    const detail = oneScale ? { scaleMin: d.scaleMinLow, scaleMax: d.scaleMaxLow } : { mixedScales: true };
    push(d.channelId, d.p, code, d.sum, d.n, oneScale ? surveyMeanScore(d.sum, d.n) : null, detail);
    if (d.kind === 'csat') push(d.channelId, d.p, 'customer-satisfied-share', d.extra, d.n, d.extra / d.n);
  }

  private async costs(tenantId: string, granularity: KpiGranularity, fromUtc: Date, toUtc: Date, zone: string, actuals: readonly ActualsSums[], push: Push): Promise<void> {
    const rows = await this.sums.costs(tenantId, granularity, fromUtc, toUtc, zone);
    if (rows.length === 0) return;
    const answered = new Map(actuals.map((a) => [key(a.channelId, a.p), a.answered]));
    const byKey = new Map<string, { channelId: number | null; p: number; actual?: number; budget?: number; revenue?: number; currency: string | null }>();
    for (const r of rows) {
      const k = key(r.channelId, r.p);
      const e = byKey.get(k) ?? { channelId: r.channelId, p: r.p, currency: r.currency };
      if (r.kind === 'actual' || r.kind === 'budget' || r.kind === 'revenue') e[r.kind] = r.sum;
      byKey.set(k, e);
    }
    const variance = new Float64Array(2);
    for (const [k, e] of byKey) {
      const detail = { currency: e.currency };
      const contacts = answered.get(k) ?? 0;
      if (e.actual !== undefined) push(e.channelId, e.p, 'cost-per-contact', e.actual, contacts, costPerContact(e.actual, contacts), detail);
      if (e.budget !== undefined) {
        budgetVariance(e.budget, e.actual ?? 0, variance);
        push(e.channelId, e.p, 'budget-variance', variance[0], 1, variance[0], detail);
        push(e.channelId, e.p, 'budget-variance-ratio', variance[0], e.budget, variance[1]);
      }
      if (e.revenue !== undefined) push(e.channelId, e.p, 'revenue', e.revenue, 1, e.revenue, detail);
    }
    await this.costsByContactType(tenantId, granularity, fromUtc, toUtc, zone, push);
  }

  /**
   * Cost per contact by contact type (seed, family 7: "by channel and contact type"): the actual
   * costs of the entries naming a type ÷ the answered per-contact records of that type, in the
   * channel and period (all channels for `*`); rows with dimension `contact-type:<type>`, beside
   * the un-split row. No row where the type has no answered contact (the ratio is undefined).
   */
  private async costsByContactType(tenantId: string, granularity: KpiGranularity, fromUtc: Date, toUtc: Date, zone: string, push: Push): Promise<void> {
    const costs = await this.sums.actualCostsByContactType(tenantId, granularity, fromUtc, toUtc, zone);
    if (costs.length === 0) return;
    const types = [...new Set(costs.map((c) => c.contactType))];
    const answered = new Map<string, number>();
    for (const a of await this.sums.answeredByContactType(tenantId, granularity, fromUtc, toUtc, zone, types)) {
      answered.set(`${key(a.channelId, a.p)}|${a.contactType}`, a.sum);
    }
    for (const c of costs) {
      const contacts = answered.get(`${key(c.channelId, c.p)}|${c.contactType}`) ?? 0;
      push(c.channelId, c.p, 'cost-per-contact', c.sum, contacts, costPerContact(c.sum, contacts), { currency: c.currency }, `contact-type:${c.contactType}`);
    }
  }

  /** Turnover of the tenant per period: leavers over agent-years on payroll (agents present from hire to the day before exit). */
  private async turnover(tenantId: string, granularity: KpiGranularity, fromUtc: Date, toUtc: Date, zone: string, push: Push): Promise<void> {
    const spans = await this.sums.agentSpans(tenantId);
    if (spans.length === 0) return;
    const agents = spans.map((s) => ({
      from: s.hiredOn === null ? -Infinity : dayNumber(s.hiredOn),
      to: s.leftOn === null ? Infinity : dayNumber(s.leftOn),
      voluntary: s.voluntary,
    }));
    for (const period of await this.sums.tenantPeriods(granularity, fromUtc, toUtc, zone)) {
      const start = dayNumber(period.localDate);
      const end = start + period.periodDays;
      let agentDays = 0;
      let leavers = 0;
      let voluntary = 0;
      let involuntary = 0;
      for (const a of agents) {
        agentDays += Math.max(0, Math.min(end, a.to) - Math.max(start, a.from));
        if (a.to >= start && a.to < end) {
          leavers++;
          if (a.voluntary === true) voluntary++;
          else if (a.voluntary === false) involuntary++;
        }
      }
      const averageAgents = agentDays / period.periodDays;
      const months = granularity === 'month' ? 1 : (period.periodDays * 12) / DAYS_PER_YEAR;
      const agentYears = (averageAgents * months) / 12;
      push(null, period.p, 'agent-turnover', leavers, agentYears, turnoverAnnualised(leavers, averageAgents, months));
      push(null, period.p, 'agent-turnover-voluntary', voluntary, agentYears, turnoverAnnualised(voluntary, averageAgents, months));
      push(null, period.p, 'agent-turnover-involuntary', involuntary, agentYears, turnoverAnnualised(involuntary, averageAgents, months));
    }
  }
}

type Push = (channelId: number | null, p: number, kpi: BuiltInKpiCode, numerator: number, denominator: number, value: number | null, detail?: Record<string, unknown> | null, dimension?: string) => void;
