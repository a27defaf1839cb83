import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { parseTimestamp, type ParsedTimestamp } from '../../core/time/parse-timestamp.js';
import { validationFailed } from '../../platform/errors/domain-error.js';
import { ChannelsService } from '../channels/channels.service.js';
import type { KpiGranularity, KpiRollupRow } from '../kpis/kpi-source.js';
import { tenantZoneOf } from '../channels/tenant-zone.js';
import { listingChannels } from '../listing/interval-query.js';
import { DEFAULT_LIMIT, decodeCursor, encodeCursor } from '../listing/paging.js';
import type { Listing, VersionedListing, ListingFormat } from '../listing/send-listing.js';
import { compileCalendar, DEFAULT_CALENDAR, parseBusinessCalendar, type BusinessCalendarSettings } from './business-calendar-settings.js';
import { evaluateCases } from './case-evaluation.js';
import { CasesRepository, type CaseRow } from './cases.repository.js';
import { addCase, MEASURES, newTotals, resolutionPercentiles, share, type GroupTotals } from './compliance-rows.js';
import type { ComplianceQueryDto, ComplianceRowDto } from './dto/cases.dto.js';
import { DEFAULT_POLICY, parseResponsePolicy, type ResponsePolicy } from './response-policy.js';

const DAY_MS = 86_400_000;
/** Longest compliance read: two years of cases. */
const MAX_RANGE_DAYS = 731;
const scratch: ParsedTimestamp = { localMs: 0, offsetMinutes: null };

const COMPLIANCE_CSV = [
  'channel', 'priority', 'period_start', 'period_start_local', 'cases', 'open',
  'initial_response_met', 'initial_response_due', 'initial_response_met_share',
  'agent_response_met', 'agent_response_due', 'agent_response_met_share',
  'auto_reply_met', 'auto_reply_due', 'auto_reply_met_share',
  'update_cadence_met', 'update_cadence_due', 'update_cadence_met_share',
  'resolution_met', 'resolution_due', 'resolution_met_share',
  'resolution_p50_seconds', 'resolution_p90_seconds', 'resolution_p95_seconds',
];

/** KPI code stem of each measure (the KPI source's codes are `<stem>` and `<stem>-p1` … `-p4`). */
export const MEASURE_KPI: Record<(typeof MEASURES)[number], string> = {
  initialResponse: 'case-initial-response-met',
  agentResponse: 'case-agent-response-met',
  autoReply: 'case-auto-reply-met',
  updateCadence: 'case-update-cadence-met',
  resolution: 'case-resolution-met',
};
/** The priorities with KPIs of their own (those of the default policy). */
export const KPI_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;

function instant(field: string, text: string): number {
  if (parseTimestamp(text, scratch) && scratch.offsetMinutes !== null) return scratch.localMs - scratch.offsetMinutes * 60_000;
  throw validationFailed([{ field, value: text, reason: 'must be an instant with an offset (2026-03-02T09:30:00Z)' }]);
}

/** Response-time objectives, the business calendar, and deferred-contact compliance. */
@Injectable()
export class CasesService {
  constructor(
    private readonly repository: CasesRepository,
    private readonly channels: ChannelsService,
  ) {}

  async getPolicy(tenantId: string): Promise<ResponsePolicy> {
    return ((await this.repository.readPolicy(tenantId)) as ResponsePolicy | null) ?? DEFAULT_POLICY;
  }

  async putPolicy(tenantId: string, body: unknown): Promise<ResponsePolicy> {
    const policy = parseResponsePolicy(body);
    await this.repository.writePolicy(tenantId, policy);
    return policy;
  }

  async getCalendar(tenantId: string): Promise<BusinessCalendarSettings> {
    return ((await this.repository.readCalendar(tenantId)) as BusinessCalendarSettings | null) ?? DEFAULT_CALENDAR;
  }

  async putCalendar(tenantId: string, body: unknown): Promise<BusinessCalendarSettings> {
    const calendar = parseBusinessCalendar(body);
    await this.repository.writeCalendar(tenantId, calendar);
    return calendar;
  }

  /**
   * Compliance per channel, priority and period (JSON page or CSV, with an ETag of the content):
   * cases created in [from, to), evaluated at `asOf` (default now, to the minute) against the tenant's policy.
   */
  async compliance(tenantId: string, q: ComplianceQueryDto, format: ListingFormat): Promise<VersionedListing> {
    if (!q.from) throw validationFailed([{ field: 'from', reason: 'is required' }]);
    if (!q.to) throw validationFailed([{ field: 'to', reason: 'is required' }]);
    const channels = listingChannels(await this.channels.list(tenantId), q);
    for (const c of channels) {
      if (!(c.toMs > c.fromMs)) throw validationFailed([{ field: 'to', value: q.to, reason: 'must be after from' }]);
      if (c.toMs - c.fromMs > MAX_RANGE_DAYS * DAY_MS) throw validationFailed([{ field: 'to', value: q.to, reason: `a read covers at most ${MAX_RANGE_DAYS} days` }]);
    }
    // Default: now, to the minute (so that the ETag holds for a minute).
    const asOfMs = q.asOf ? instant('asOf', q.asOf) : Math.floor(Date.now() / 60_000) * 60_000;
    const granularity = q.granularity ?? 'day';
    const priorities = q.priority?.map((p) => p.trim()).filter((p) => p !== '') ?? [];
    const [policy, settings] = await Promise.all([this.getPolicy(tenantId), this.getCalendar(tenantId)]);
    const { calendar, businessDaySeconds } = compileCalendar(settings);

    const rows: ComplianceRowDto[] = [];
    for (const channel of channels) {
      const cases = await this.repository.readCases(tenantId, {
        channelIds: [channel.id], fromMs: channel.fromMs, toMs: channel.toMs, granularity, allTimeZone: settings.timeZone, priorities: priorities.length ? priorities : null,
      });
      const evaluation = evaluateCases(cases, policy, calendar, businessDaySeconds, asOfMs);
      const groups = new Map<string, { priority: string; periodMs: number; totals: GroupTotals }>();
      cases.forEach((c, i) => {
        const key = `${c.priority}\u0000${c.periodMs}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { priority: c.priority, periodMs: c.periodMs, totals: newTotals() }));
        addCase(g.totals, evaluation, i);
      });
      const sorted = [...groups.values()].sort((a, b) => (a.priority < b.priority ? -1 : a.priority > b.priority ? 1 : a.periodMs - b.periodMs));
      for (const g of sorted) {
        const t = g.totals;
        const [p50, p90, p95] = resolutionPercentiles(t);
        rows.push({
          channel: channel.code,
          priority: g.priority,
          periodStart: formatUtcIso(g.periodMs),
          periodStartLocal: formatLocalIso(g.periodMs, channel.clock.offsetMinutesAt(g.periodMs)),
          cases: t.cases,
          open: t.open,
          initialResponseMet: t.met.initialResponse, initialResponseDue: t.due.initialResponse, initialResponseMetShare: share(t, 'initialResponse'),
          agentResponseMet: t.met.agentResponse, agentResponseDue: t.due.agentResponse, agentResponseMetShare: share(t, 'agentResponse'),
          autoReplyMet: t.met.autoReply, autoReplyDue: t.due.autoReply, autoReplyMetShare: share(t, 'autoReply'),
          updateCadenceMet: t.met.updateCadence, updateCadenceDue: t.due.updateCadence, updateCadenceMetShare: share(t, 'updateCadence'),
          resolutionMet: t.met.resolution, resolutionDue: t.due.resolution, resolutionMetShare: share(t, 'resolution'),
          resolutionP50Seconds: p50, resolutionP90Seconds: p90, resolutionP95Seconds: p95,
        });
      }
    }
    const version = createHash('sha256').update(JSON.stringify([tenantId, asOfMs, rows])).digest('base64url');
    return { version, format, build: () => Promise.resolve(this.complianceListing(rows, q, granularity, format)) };
  }

  private complianceListing(rows: ComplianceRowDto[], q: ComplianceQueryDto, granularity: string, format: ListingFormat): Listing {
    const keyOf = (r: ComplianceRowDto): string => `${r.priority}\u0001${r.periodStart}`;
    if (format === 'csv') {
      const values = COMPLIANCE_CSV.map((c) => c.replace(/_([a-z0-9])/g, (_, x: string) => x.toUpperCase()) as keyof ComplianceRowDto);
      async function* lines(): AsyncGenerator<unknown[]> {
        for (const r of rows) yield await Promise.resolve(values.map((v) => r[v]));
      }
      return { type: 'csv', filename: `case-compliance-${granularity}.csv`, header: COMPLIANCE_CSV, rows: lines() };
    }
    const cursor = decodeCursor(q.cursor);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const start = cursor ? rows.findIndex((r) => r.channel > cursor.code || (r.channel === cursor.code && keyOf(r) > cursor.key)) : 0;
    const page = start < 0 ? [] : rows.slice(start, start + limit);
    const more = start >= 0 && start + limit < rows.length;
    const last = page[page.length - 1];
    return { type: 'json', body: { data: page, next: more && last ? encodeCursor(last.channel, keyOf(last)) : null } };
  }

  /**
   * The KPI rows of deferred-contact compliance for the periods that start in [from, to): per channel
   * and for all channels (periods in the tenant zone of the KPI engine), for every priority together
   * and for P1–P4, numerator met and denominator met + breached, judged at `asOfMs`.
   */
  async kpiRows(tenantId: string, fromMs: number, toMs: number, granularity: KpiGranularity, asOfMs: number): Promise<KpiRollupRow[]> {
    if (granularity === 'interval') return [];
    const [all, policy, settings] = await Promise.all([this.channels.list(tenantId), this.getPolicy(tenantId), this.getCalendar(tenantId)]);
    const { calendar, businessDaySeconds } = compileCalendar(settings);
    // Whole periods: read the cases a month either side, keep the periods that start in [from, to).
    const cases: CaseRow[] = await this.repository.readCases(tenantId, {
      channelIds: all.map((c) => c.id), fromMs: fromMs - 32 * DAY_MS, toMs: toMs + 32 * DAY_MS, granularity, allTimeZone: tenantZoneOf(all), priorities: null,
    });
    const evaluation = evaluateCases(cases, policy, calendar, businessDaySeconds, asOfMs);
    const groups = new Map<string, { channelId: number | null; periodMs: number; suffix: string; totals: GroupTotals }>();
    const add = (channelId: number | null, periodMs: number, suffix: string, i: number): void => {
      const key = `${channelId ?? '*'}|${periodMs}|${suffix}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { channelId, periodMs, suffix, totals: newTotals() }));
      addCase(g.totals, evaluation, i);
    };
    cases.forEach((c, i) => {
      const suffix = (KPI_PRIORITIES as readonly string[]).includes(c.priority) ? `-${c.priority.toLowerCase()}` : null;
      for (const s of suffix ? ['', suffix] : ['']) {
        add(c.channelId, c.periodMs, s, i);
        add(null, c.periodAllMs, s, i);
      }
    });
    const out: KpiRollupRow[] = [];
    for (const g of groups.values()) {
      if (g.periodMs < fromMs || g.periodMs >= toMs) continue;
      for (const m of MEASURES) {
        const due = g.totals.due[m];
        if (due === 0) continue;
        out.push({ channelId: g.channelId, periodStart: new Date(g.periodMs), kpi: `${MEASURE_KPI[m]}${g.suffix}`, numerator: g.totals.met[m], denominator: due, value: g.totals.met[m] / due });
      }
    }
    return out;
  }

  /** The KPI codes with input data: the measure's cases exist (any priority, or that priority). */
  async kpisWithData(tenantId: string): Promise<Set<string>> {
    const has = await this.repository.dataPresence(tenantId);
    const codes = new Set<string>();
    if (!has.cases) return codes;
    const measures: Array<[(typeof MEASURES)[number], boolean]> = [
      ['initialResponse', true], ['agentResponse', true], ['autoReply', has.autoReply], ['updateCadence', true], ['resolution', has.resolved],
    ];
    for (const [m, present] of measures) {
      if (!present) continue;
      codes.add(MEASURE_KPI[m]);
      for (const p of KPI_PRIORITIES) codes.add(`${MEASURE_KPI[m]}-${p.toLowerCase()}`);
    }
    return codes;
  }
}
