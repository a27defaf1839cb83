import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { AdherenceService } from '../adherence/adherence.service.js';
import type { AdherenceQueryDto } from '../adherence/dto/adherence.dto.js';
import { ChannelsService } from '../channels/channels.service.js';
import { KpiSourceRegistry } from './kpi-source-registry.js';
import type { KpiDefinition, KpiGranularity, KpiRollupRow, KpiSource } from './kpi-source.js';
import { KpisRepository } from './kpis.repository.js';
import { tenantZoneOf } from './tenant-zone.js';

/** The adherence module reads at most 93 days at a time; shifts belong to the period they start in, so windows add up. */
const WINDOW_MS = 90 * 86_400_000;
const NO_HEADERS = { headers: {}, query: {} } as unknown as Request;

const DEFINITIONS: readonly KpiDefinition[] = [
  {
    code: 'schedule-adherence', name: 'Adherence to schedule', family: 'agent-accessibility',
    formula: 'seconds in a state the scheduled activity allows ÷ scheduled seconds (adherence rules of the tenant; an agent of k channels counts 1/k on each)',
    unit: 'ratio', direction: 'higher-is-better', inputs: ['schedules', 'agent-states'], granularities: ['interval', 'day', 'week', 'month'],
  },
];

/**
 * Adherence to schedule (family 2), read through the adherence module's public `adherence`
 * listing at channel level (read-only): numerator adherent seconds, denominator scheduled
 * seconds, summed per channel and period. The all-channels row is the sum of the channel rows
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
    if (!(await this.repository.hasSchedules(tenantId))) return [];
    const all = await this.channels.list(tenantId);
    const ids = new Map(all.map((c) => [c.code, c.id]));
    const oneZone = new Set(all.map((c) => c.timeZone)).size === 1 && tenantZoneOf(all) === all[0]?.timeZone;
    const sums = new Map<string, { channelId: number | null; p: number; adherent: number; scheduled: number }>();
    const add = (channelId: number | null, p: number, adherent: number, scheduled: number): void => {
      const k = `${channelId ?? '*'}|${p}`;
      const s = sums.get(k) ?? { channelId, p, adherent: 0, scheduled: 0 };
      s.adherent += adherent;
      s.scheduled += scheduled;
      sums.set(k, s);
    };
    for (let start = fromUtc.getTime(); start < toUtc.getTime(); start += WINDOW_MS) {
      const end = Math.min(toUtc.getTime(), start + WINDOW_MS);
      let cursor: string | undefined;
      do {
        const q = { level: 'channel', granularity, from: formatUtcIso(start), to: formatUtcIso(end), format: 'json', limit: 10_000, cursor } as AdherenceQueryDto;
        const listing = await this.adherence.adherence(tenantId, q, NO_HEADERS);
        if (listing.type !== 'json') break;
        for (const row of listing.body.data as Array<{ key: string; periodStart: string; adherentSeconds: number; scheduledSeconds: number }>) {
          const p = Date.parse(row.periodStart);
          if (p < fromUtc.getTime() || p >= toUtc.getTime()) continue;
          const channelId = ids.get(row.key);
          if (channelId === undefined) continue;
          add(channelId, p, row.adherentSeconds, row.scheduledSeconds);
          if (oneZone) add(null, p, row.adherentSeconds, row.scheduledSeconds);
        }
        cursor = listing.body.next ?? undefined;
      } while (cursor);
    }
    return [...sums.values()]
      .filter((s) => s.scheduled > 0)
      .map((s) => ({ channelId: s.channelId, periodStart: new Date(s.p), kpi: 'schedule-adherence', numerator: s.adherent, denominator: s.scheduled, value: s.adherent / s.scheduled }));
  }

  async kpisWithData(tenantId: string): Promise<ReadonlySet<string>> {
    return new Set(await this.repository.hasSchedules(tenantId) ? ['schedule-adherence'] : []);
  }
}
