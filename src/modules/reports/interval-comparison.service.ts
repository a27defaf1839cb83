import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { evaluateStaffingBatch } from '../../core/staffing/evaluate-staffing-batch.js';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { DomainError, notFound } from '../../platform/errors/domain-error.js';
import type { Channel } from '../channels/channel.js';
import { ChannelsService } from '../channels/channels.service.js';
import { AdherenceService } from '../adherence/adherence.service.js';
import { ForecastsService } from '../forecasts/forecasts.service.js';
import { zoneClockFor } from '../uploads/zone-clocks.js';
import { DEFAULT_LIMIT, decodeCursor, listingChannels, readAll, readPage, wantsCsv, type ChannelRows, type Listing, type ListingChannel } from '../uploads/listing.js';
import type { Granularity } from '../forecasting/dto/forecast-accuracy.dto.js';
import { INTERVAL_COMPARISON_COLUMNS, type IntervalComparisonQueryDto, type IntervalComparisonRowDto } from './dto/interval-comparison.dto.js';
import { ReportsRepository, type ComparisonIntervalRow } from './reports.repository.js';

/** An interval with the scheduled agents (schedules) and the staffed agents (actuals, else agent states). */
export interface ComparisonInterval extends ComparisonIntervalRow {
  scheduled: number | null;
  staffed: number | null;
}

/** Channel code of the all-channels rows (sorts before every channel code). */
const TOTALS = '*';

/** Sums of one period: numerators and denominators, never ratios. */
interface PeriodSums {
  t: number;
  volume: number | null;
  volumeAht: number;
  offered: number | null;
  answered: number;
  abandoned: number;
  within: number;
  handle: number;
  wait: number;
  /** Σ agents × interval seconds, and the seconds with a value (time-weighted averages). */
  agents: [number, number];
  agentsFractional: [number, number];
  scheduled: [number, number];
  staffed: [number, number];
  goal: [number, number];
  /** Σ predicted SL × offered and Σ offered over the intervals with a prediction. */
  predicted: [number, number];
  /** Σ handle seconds and Σ staffed agent-seconds over the intervals with staffed agents. */
  occupancy: [number, number];
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
const mean = ([sum, seconds]: [number, number]): number | null => (seconds > 0 ? sum / seconds : null);
const add = (acc: number | null, v: number | null): number | null => (v === null ? acc : (acc ?? 0) + v);

/** Folds intervals (ordered by period) into period sums; the service level predicted by Erlang C for the staffed agents. */
export function rollUp(channel: Channel, rows: readonly ComparisonInterval[]): PeriodSums[] {
  const seconds = channel.intervalMinutes * 60;
  const predicted = predictServiceLevel(channel, rows);
  const out: PeriodSums[] = [];
  let s: PeriodSums | null = null;
  rows.forEach((r, k) => {
    if (!s || s.t !== r.p) {
      s = { t: r.p, volume: null, volumeAht: 0, offered: null, answered: 0, abandoned: 0, within: 0, handle: 0, wait: 0,
        agents: [0, 0], agentsFractional: [0, 0], scheduled: [0, 0], staffed: [0, 0], goal: [0, 0], predicted: [0, 0], occupancy: [0, 0] };
      out.push(s);
    }
    if (r.volume !== null) {
      s.volume = add(s.volume, r.volume);
      s.volumeAht += r.volume * (r.ahtSeconds ?? 0);
    }
    if (r.offered !== null) {
      s.offered = add(s.offered, r.offered);
      s.answered += r.answered ?? 0;
      s.abandoned += r.abandoned ?? 0;
      s.within += (r.answeredWithin ?? 0) + (r.abandonedWithin ?? 0);
      s.handle += r.handleSeconds ?? 0;
      s.wait += r.waitSeconds ?? 0;
    }
    const weigh = (acc: [number, number], v: number | null): void => {
      if (v !== null) {
        acc[0] += v * seconds;
        acc[1] += seconds;
      }
    };
    weigh(s.agents, r.agents);
    weigh(s.agentsFractional, r.agentsFractional);
    weigh(s.scheduled, r.scheduled);
    weigh(s.staffed, r.staffed);
    weigh(s.goal, r.agents !== null || r.offered !== null || r.volume !== null ? (r.goal ?? channel.serviceLevelTarget) : null);
    if (!Number.isNaN(predicted[k])) {
      s.predicted[0] += predicted[k] * (r.offered ?? 0);
      s.predicted[1] += r.offered ?? 0;
    }
    if (r.staffed !== null && r.offered !== null) {
      s.occupancy[0] += r.handleSeconds ?? 0;
      s.occupancy[1] += r.staffed * seconds;
    }
  });
  return out;
}

/** Erlang C service level per interval with staffed agents, offered volume and actual AHT; NaN where not computable. */
function predictServiceLevel(channel: Channel, rows: readonly ComparisonInterval[]): Float64Array {
  const out = new Float64Array(rows.length).fill(NaN);
  const index: number[] = [];
  rows.forEach((r, k) => {
    if (r.staffed !== null && r.offered !== null && r.offered > 0 && (r.answered ?? 0) > 0 && (r.handleSeconds ?? 0) > 0) index.push(k);
  });
  if (!index.length) return out;
  const serviceLevel = new Float64Array(index.length);
  evaluateStaffingBatch(
    {
      model: 'erlang-c',
      intervalSeconds: channel.intervalMinutes * 60,
      volume: Float64Array.from(index, (k) => rows[k].offered!),
      ahtSeconds: Float64Array.from(index, (k) => rows[k].handleSeconds! / rows[k].answered!),
      agents: Float64Array.from(index, (k) => Math.max(0, rows[k].staffed!)),
      thresholdSeconds: channel.thresholdSeconds,
      concurrency: channel.concurrency,
    },
    { serviceLevel },
  );
  index.forEach((k, j) => (out[k] = serviceLevel[j]));
  return out;
}

function rowDto(channel: ListingChannel, s: PeriodSums): IntervalComparisonRowDto {
  const forecastAht = s.volume === null ? null : ratio(s.volumeAht, s.volume);
  const actualAht = s.offered === null ? null : ratio(s.handle, s.answered);
  const pct = (f: number | null, a: number | null): number | null => (f === null || a === null || a === 0 ? null : (100 * (f - a)) / a);
  const achieved = s.offered === null ? null : ratio(s.within, s.answered + s.abandoned);
  const predicted = ratio(s.predicted[0], s.predicted[1]);
  const required = mean(s.agents);
  const scheduled = mean(s.scheduled);
  return {
    channel: channel.code,
    periodStart: formatUtcIso(s.t),
    periodStartLocal: formatLocalIso(s.t, channel.clock.offsetMinutesAt(s.t)),
    forecastVolume: s.volume,
    actualOffered: s.offered,
    volumeVariancePct: pct(s.volume, s.offered),
    forecastAhtSeconds: forecastAht,
    actualAhtSeconds: actualAht,
    ahtVariancePct: pct(forecastAht, actualAht),
    requiredAgents: required,
    requiredAgentsFractional: mean(s.agentsFractional),
    scheduledAgents: scheduled,
    staffedAgents: mean(s.staffed),
    staffingGap: scheduled === null || required === null ? null : scheduled - required,
    serviceLevelGoal: mean(s.goal),
    serviceLevelAchieved: achieved,
    serviceLevelPredicted: predicted,
    serviceLevelResidual: achieved === null || predicted === null ? null : achieved - predicted,
    asaSeconds: s.offered === null ? null : ratio(s.wait, s.answered),
    abandonRate: s.offered === null ? null : ratio(s.abandoned, s.answered + s.abandoned),
    occupancy: ratio(s.occupancy[0], s.occupancy[1]),
  };
}

/** GET /reports/interval-comparison: forecast, requirement, staffing and outcome per channel and period (issue 8). */
@Injectable()
export class IntervalComparisonService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly forecasts: ForecastsService,
    private readonly channels: ChannelsService,
    private readonly adherence: AdherenceService,
  ) {}

  async report(tenantId: string, query: IntervalComparisonQueryDto, request: Request): Promise<Listing> {
    if (query.forecastVersion) await this.forecasts.getVersion(tenantId, query.forecastVersion);
    if (query.plan && !(await this.repository.planExists(tenantId, query.plan))) throw notFound('PLAN_NOT_FOUND', 'staffing plan', query.plan);
    const all = await this.channels.list(tenantId);
    const byCode = new Map(all.map((c) => [c.code, c]));
    const channels = listingChannels(all, query);
    const totals = query.totals === true && !query.channel?.length;
    const granularity = query.granularity ?? 'interval';
    const csv = wantsCsv(request, query.format);
    const fingerprint = await this.repository.dataFingerprint(tenantId);
    const etag = `W/"${createHash('sha256').update(JSON.stringify([fingerprint, csv, request.originalUrl])).digest('base64url').slice(0, 27)}"`;
    if (request.headers['if-none-match'] === etag) return { type: 'json', body: { data: [], next: null }, etag };
    const source: ChannelRows<PeriodSums> = {
      fetch: async (c, after, limit) => {
        if (c.code === TOTALS) return this.totalsPage(tenantId, all, channels, query, granularity, after === null ? null : Number(after), limit);
        const channel = byCode.get(c.code)!;
        const rows = await this.repository.comparisonIntervals(tenantId, c.id, c.code, channel.timeZone, granularity, c.fromMs, c.toMs,
          query.forecastVersion ?? null, query.plan ?? null, after === null ? null : Number(after), limit);
        return rollUp(channel, await this.withHeadcount(tenantId, all, channel, rows));
      },
      keyOf: (s) => String(s.t),
    };
    const listed: ListingChannel[] = totals && channels.length
      ? [{ id: 0, code: TOTALS, clock: zoneClockFor('UTC'), fromMs: Math.min(...channels.map((c) => c.fromMs)), toMs: Math.max(...channels.map((c) => c.toMs)) }, ...channels]
      : channels;
    if (csv) {
      return {
        type: 'csv',
        filename: 'interval-comparison.csv',
        header: INTERVAL_COMPARISON_COLUMNS,
        etag,
        rows: (async function* () {
          for await (const { channel, row } of readAll(listed, source, 2000)) yield Object.values(rowDto(channel, row));
        })(),
      };
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor && !Number.isFinite(Number(cursor.key))) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
    const page = await readPage(listed, source, query.limit ?? DEFAULT_LIMIT, cursor);
    return { type: 'json', body: { data: page.rows.map(({ channel, row }) => rowDto(channel, row)), next: page.next }, etag };
  }

  /** Scheduled and staffed agents of the intervals from the adherence headcount (null when the tenant has no schedules or states there). */
  private async withHeadcount(tenantId: string, all: readonly Channel[], channel: Channel, rows: readonly ComparisonIntervalRow[]): Promise<ComparisonInterval[]> {
    if (!rows.length) return [];
    const fromMs = rows[0].t;
    const toMs = rows[rows.length - 1].t + channel.intervalMinutes * 60_000;
    const hc = await this.adherence.headcountIntervals(tenantId, all, [channel], fromMs, toMs);
    const byStart = new Map(hc.rows.map((h) => [Date.parse(h.periodStart), h]));
    return rows.map((r) => {
      const h = byStart.get(r.t);
      return {
        ...r,
        scheduled: hc.schedules > 0 && h ? h.scheduled : null,
        staffed: r.agentsStaffed ?? (hc.states > 0 && h ? h.staffed : null),
      };
    });
  }

  /**
   * The all-channels rows: each channel rolled up to UTC periods, then added: contacts, seconds
   * and predicted contacts within threshold summed; agents summed over channels (each channel's
   * time-weighted average); the goal averaged weighted by time.
   */
  private async totalsPage(tenantId: string, all: readonly Channel[], channels: readonly ListingChannel[], query: IntervalComparisonQueryDto,
    granularity: Granularity, afterMs: number | null, limit: number): Promise<PeriodSums[]> {
    const merged = new Map<number, PeriodSums>();
    const agentsOf = (v: [number, number], into: [number, number]): void => {
      if (v[1] > 0) {
        into[0] += v[0] / v[1];
        into[1] = 1;
      }
    };
    for (const c of channels) {
      const channel = all.find((x) => x.code === c.code)!;
      const rows = await this.repository.comparisonIntervals(tenantId, c.id, c.code, 'UTC', granularity, c.fromMs, c.toMs,
        query.forecastVersion ?? null, query.plan ?? null, afterMs, limit);
      for (const s of rollUp(channel, await this.withHeadcount(tenantId, all, channel, rows))) {
        let m = merged.get(s.t);
        if (!m) {
          m = { t: s.t, volume: null, volumeAht: 0, offered: null, answered: 0, abandoned: 0, within: 0, handle: 0, wait: 0,
            agents: [0, 0], agentsFractional: [0, 0], scheduled: [0, 0], staffed: [0, 0], goal: [0, 0], predicted: [0, 0], occupancy: [0, 0] };
          merged.set(s.t, m);
        }
        if (s.volume !== null) m.volume = (m.volume ?? 0) + s.volume;
        if (s.offered !== null) m.offered = (m.offered ?? 0) + s.offered;
        m.volumeAht += s.volumeAht;
        m.answered += s.answered;
        m.abandoned += s.abandoned;
        m.within += s.within;
        m.handle += s.handle;
        m.wait += s.wait;
        agentsOf(s.agents, m.agents);
        agentsOf(s.agentsFractional, m.agentsFractional);
        agentsOf(s.scheduled, m.scheduled);
        agentsOf(s.staffed, m.staffed);
        for (const k of ['goal', 'predicted', 'occupancy'] as const) {
          m[k][0] += s[k][0];
          m[k][1] += s[k][1];
        }
      }
    }
    return [...merged.values()].sort((a, b) => a.t - b.t).slice(0, limit);
  }
}
