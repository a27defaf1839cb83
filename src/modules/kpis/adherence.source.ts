import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AdherenceService } from '../adherence/adherence.service.js';
import { ChannelsService } from '../channels/channels.service.js';
import { KpiSourceRegistry } from './kpi-source-registry.js';
import type { Channel } from '../channels/channel.js';
import type { KpiDefinition, KpiGranularity, KpiRange, KpiRollupRow, KpiSource } from './kpi-source.js';
import { KpisRepository } from './kpis.repository.js';
import { tenantZoneOf } from '../channels/tenant-zone.js';

/** The adherence module reads at most 93 days at a time; shifts belong to the period they start in, so windows add up. */
const WINDOW_MS = 90 * 86_400_000;

interface ChannelPeriod {
  channelId: number;
  p: number;
  adherent: number;
  scheduled: number;
}

const DEFINITIONS: readonly KpiDefinition[] = [
  {
    code: 'schedule-adherence', name: 'Adherence to schedule', family: 'agent-accessibility',
    formula: 'seconds in a state the scheduled activity allows ÷ scheduled seconds (adherence rules of the tenant; an agent of k channels counts 1/k on each)',
    unit: 'ratio', direction: 'higher-is-better', inputs: ['schedules', 'agent-states'], granularities: ['interval', 'day', 'week', 'month'],
  },
];

/**
 * Adherence to schedule (family 2), read from the adherence module's `adherenceByChannel`:
 * numerator adherent seconds, denominator scheduled seconds, summed per channel and period. The all-channels row is the sum of the channel rows
 * when every channel of the tenant shares one zone (their periods then coincide); a tenant with
 * channels in several zones gets channel rows only.
 */
@Injectable()
export class AdherenceKpiSource implements KpiSource, OnModuleInit {
  readonly definitions = DEFINITIONS;

  constructor(
    private readonly adherence: AdherenceService,
    private readonly channels: ChannelsService,
    private readonly repository: KpisRepository,
    private readonly registry: KpiSourceRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async compute(tenantId: string, fromUtc: Date, toUtc: Date, granularity: KpiGranularity): Promise<KpiRollupRow[]> {
    return (await this.computeMany(tenantId, [{ granularity, fromUtc, toUtc }])).get(granularity) ?? [];
  }

  /**
   * Day, week and month from one adherence computation: the day rows of the widest range, each
   * folded into the week or month that holds it in its channel's zone (adherent and scheduled
   * seconds add up, and a shift belongs to the day it starts, so the sums equal a direct
   * computation at that granularity). Interval rows are computed on their own.
   */
  async computeMany(tenantId: string, ranges: readonly KpiRange[]): Promise<Map<KpiGranularity, KpiRollupRow[]>> {
    const out = new Map<KpiGranularity, KpiRollupRow[]>(ranges.map((r) => [r.granularity, []]));
    if (ranges.length === 0 || !(await this.repository.hasSchedules(tenantId))) return out;
    const all = await this.channels.list(tenantId);
    const oneZone = new Set(all.map((c) => c.timeZone)).size === 1 && tenantZoneOf(all) === all[0]?.timeZone;
    const zoneOf = new Map(all.map((c) => [c.id, c.timeZone]));
    const periodic = ranges.filter((r) => r.granularity !== 'interval');
    const days = periodic.length === 0 ? [] : await this.channelPeriods(tenantId, all,
      Math.min(...periodic.map((r) => r.fromUtc.getTime())), Math.max(...periodic.map((r) => r.toUtc.getTime())), 'day');
    for (const range of ranges) {
      let rows: ChannelPeriod[];
      if (range.granularity === 'interval') rows = await this.channelPeriods(tenantId, all, range.fromUtc.getTime(), range.toUtc.getTime(), 'interval');
      else if (range.granularity === 'day') rows = days;
      else {
        const starts = await this.repository.periodStarts(range.granularity, days.map((d) => new Date(d.p)), days.map((d) => zoneOf.get(d.channelId)!));
        rows = days.map((d, i) => ({ ...d, p: starts[i].getTime() }));
      }
      out.set(range.granularity, this.fold(rows, range, oneZone));
    }
    return out;
  }

  /** Channel-level adherence rows of [from, to) from the adherence module, window by window. */
  private async channelPeriods(tenantId: string, all: readonly Channel[], fromMs: number, toMs: number, granularity: KpiGranularity): Promise<ChannelPeriod[]> {
    const ids = new Map(all.map((c) => [c.code, c.id]));
    const out: ChannelPeriod[] = [];
    for (let start = fromMs; start < toMs; start += WINDOW_MS) {
      for (const row of await this.adherence.adherenceByChannel(tenantId, start, Math.min(toMs, start + WINDOW_MS), granularity)) {
        const channelId = ids.get(row.channel);
        if (channelId !== undefined) out.push({ channelId, p: row.periodStartMs, adherent: row.adherentSeconds, scheduled: row.scheduledSeconds });
      }
    }
    return out;
  }

  /** Sums per channel (and all channels, when they share one zone) and period start in the range. */
  private fold(rows: readonly ChannelPeriod[], range: KpiRange, oneZone: boolean): KpiRollupRow[] {
    const sums = new Map<string, { channelId: number | null; p: number; adherent: number; scheduled: number }>();
    const add = (channelId: number | null, r: ChannelPeriod): void => {
      const k = `${channelId ?? '*'}|${r.p}`;
      const s = sums.get(k) ?? { channelId, p: r.p, adherent: 0, scheduled: 0 };
      s.adherent += r.adherent;
      s.scheduled += r.scheduled;
      sums.set(k, s);
    };
    for (const r of rows) {
      if (r.p < range.fromUtc.getTime() || r.p >= range.toUtc.getTime()) continue;
      add(r.channelId, r);
      if (oneZone) add(null, r);
    }
    return [...sums.values()]
      .filter((s) => s.scheduled > 0)
      .map((s) => ({ channelId: s.channelId, periodStart: new Date(s.p), kpi: 'schedule-adherence', numerator: s.adherent, denominator: s.scheduled, value: s.adherent / s.scheduled }));
  }

  async kpisWithData(tenantId: string): Promise<ReadonlySet<string>> {
    return new Set(await this.repository.hasSchedules(tenantId) ? ['schedule-adherence'] : []);
  }
}
