import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { DomainError, notFound } from '../../platform/errors/domain-error.js';
import type { Channel } from '../channels/channel.js';
import { ChannelsService } from '../channels/channels.service.js';
import { ForecastsService } from '../forecasts/forecasts.service.js';
import { zoneClockFor } from '../uploads/zone-clocks.js';
import { csvValue, DEFAULT_LIMIT, decodeCursor, listingChannels, readAll, readPage, wantsCsv, type ChannelRows, type ListingChannel } from '../uploads/listing.js';
import { INTERVAL_COMPARISON_COLUMNS, type IntervalComparisonQueryDto, type IntervalComparisonRowDto } from './dto/interval-comparison.dto.js';
import { reportEtag, type ReportListing } from './report-listing.js';
import { IntervalReader, predictServiceLevel, type ComparisonInterval } from './interval-reader.js';
import { ReportsRepository } from './reports.repository.js';

/** Channel code of the all-channels rows (sorts before every channel code). */
const TOTALS = '*';

/** Sums of one period: numerators and denominators, never ratios (flat numbers: one object per period). */
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
  /** Σ value × interval seconds, and the seconds with a value (time-weighted averages). */
  agentsSum: number;
  agentsSeconds: number;
  fractionalSum: number;
  fractionalSeconds: number;
  scheduledSum: number;
  scheduledSeconds: number;
  staffedSum: number;
  staffedSeconds: number;
  goalSum: number;
  goalSeconds: number;
  /** Σ predicted SL × offered and Σ offered over the intervals with a prediction. */
  predictedSum: number;
  predictedOffered: number;
  /** Σ handle seconds and Σ staffed agent-seconds over the intervals with staffed agents. */
  occupancyHandle: number;
  occupancyAgentSeconds: number;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
const add = (acc: number | null, v: number | null): number | null => (v === null ? acc : (acc ?? 0) + v);

function newSums(t: number): PeriodSums {
  return { t, volume: null, volumeAht: 0, offered: null, answered: 0, abandoned: 0, within: 0, handle: 0, wait: 0,
    agentsSum: 0, agentsSeconds: 0, fractionalSum: 0, fractionalSeconds: 0, scheduledSum: 0, scheduledSeconds: 0, staffedSum: 0, staffedSeconds: 0,
    goalSum: 0, goalSeconds: 0, predictedSum: 0, predictedOffered: 0, occupancyHandle: 0, occupancyAgentSeconds: 0 };
}

/** Adds one interval (and the service level predicted for it, NaN if none) to its period's sums. */
function addInterval(s: PeriodSums, r: ComparisonInterval, predicted: number, seconds: number, channel: Channel): void {
  if (r.volume !== null) {
    s.volume = add(s.volume, r.volume);
    s.volumeAht += r.volume * (r.ahtSeconds ?? 0);
  }
  if (r.offered !== null) {
    s.offered = add(s.offered, r.offered);
    s.answered += r.answered ?? 0;
    s.abandoned += r.abandoned ?? 0;
    s.within += r.within ?? 0;
    s.handle += r.handleSeconds ?? 0;
    s.wait += r.waitSeconds ?? 0;
  }
  if (r.agents !== null) {
    s.agentsSum += r.agents * seconds;
    s.agentsSeconds += seconds;
  }
  if (r.agentsFractional !== null) {
    s.fractionalSum += r.agentsFractional * seconds;
    s.fractionalSeconds += seconds;
  }
  if (r.scheduled !== null) {
    s.scheduledSum += r.scheduled * seconds;
    s.scheduledSeconds += seconds;
  }
  if (r.staffed !== null) {
    s.staffedSum += r.staffed * seconds;
    s.staffedSeconds += seconds;
  }
  if (r.agents !== null || r.offered !== null || r.volume !== null) {
    s.goalSum += (r.goal ?? channel.serviceLevelTarget) * seconds;
    s.goalSeconds += seconds;
  }
  if (!Number.isNaN(predicted)) {
    s.predictedSum += predicted * (r.offered ?? 0);
    s.predictedOffered += r.offered ?? 0;
  }
  if (r.staffed !== null && r.offered !== null) {
    s.occupancyHandle += r.handleSeconds ?? 0;
    s.occupancyAgentSeconds += r.staffed * seconds;
  }
}

function rowDto(channel: ListingChannel, s: PeriodSums): IntervalComparisonRowDto {
  const forecastAht = s.volume === null ? null : ratio(s.volumeAht, s.volume);
  const actualAht = s.offered === null ? null : ratio(s.handle, s.answered);
  const pct = (f: number | null, a: number | null): number | null => (f === null || a === null || a === 0 ? null : (100 * (f - a)) / a);
  const achieved = s.offered === null ? null : ratio(s.within, s.answered + s.abandoned);
  const predicted = ratio(s.predictedSum, s.predictedOffered);
  const required = ratio(s.agentsSum, s.agentsSeconds);
  const scheduled = ratio(s.scheduledSum, s.scheduledSeconds);
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
    requiredAgentsFractional: ratio(s.fractionalSum, s.fractionalSeconds),
    scheduledAgents: scheduled,
    staffedAgents: ratio(s.staffedSum, s.staffedSeconds),
    staffingGap: scheduled === null || required === null ? null : scheduled - required,
    serviceLevelGoal: ratio(s.goalSum, s.goalSeconds),
    serviceLevelAchieved: achieved,
    serviceLevelPredicted: predicted,
    serviceLevelResidual: achieved === null || predicted === null ? null : achieved - predicted,
    asaSeconds: s.offered === null ? null : ratio(s.wait, s.answered),
    abandonRate: s.offered === null ? null : ratio(s.abandoned, s.answered + s.abandoned),
    occupancy: ratio(s.occupancyHandle, s.occupancyAgentSeconds),
  };
}

/** One CSV line (CRLF-ended) of a period, in the order of INTERVAL_COMPARISON_COLUMNS. */
function csvLine(channel: ListingChannel, s: PeriodSums): string {
  const d = rowDto(channel, s);
  const v = csvValue;
  return `${v(d.channel)},${d.periodStart},${d.periodStartLocal},${v(d.forecastVolume)},${v(d.actualOffered)},${v(d.volumeVariancePct)},` +
    `${v(d.forecastAhtSeconds)},${v(d.actualAhtSeconds)},${v(d.ahtVariancePct)},${v(d.requiredAgents)},${v(d.requiredAgentsFractional)},` +
    `${v(d.scheduledAgents)},${v(d.staffedAgents)},${v(d.staffingGap)},${v(d.serviceLevelGoal)},${v(d.serviceLevelAchieved)},` +
    `${v(d.serviceLevelPredicted)},${v(d.serviceLevelResidual)},${v(d.asaSeconds)},${v(d.abandonRate)},${v(d.occupancy)}\r\n`;
}

/** Intervals per SQL chunk when a whole range is read (CSV, rolled-up periods). */
const CHUNK = 2000;

/** GET /reports/interval-comparison: forecast, requirement, staffing and outcome per channel and period (issue 8). */
@Injectable()
export class IntervalComparisonService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly reader: IntervalReader,
    private readonly forecasts: ForecastsService,
    private readonly channels: ChannelsService,
  ) {}

  async report(tenantId: string, query: IntervalComparisonQueryDto, request: Request): Promise<ReportListing> {
    if (query.forecastVersion) await this.forecasts.getVersion(tenantId, query.forecastVersion);
    if (query.plan && !(await this.repository.planExists(tenantId, query.plan))) throw notFound('PLAN_NOT_FOUND', 'staffing plan', query.plan);
    const [all, fingerprint] = await Promise.all([this.channels.list(tenantId), this.repository.dataFingerprint(tenantId)]);
    const byCode = new Map(all.map((c) => [c.code, c]));
    const channels = listingChannels(all, query);
    const totals = query.totals === true && !query.channel?.length;
    const granularity = query.granularity ?? 'interval';
    const csv = wantsCsv(request, query.format);
    const etag = reportEtag(fingerprint, csv, request);
    if (request.headers['if-none-match'] === etag) return { type: 'json', body: { data: [], next: null }, etag };
    const versions = new Map<string, Promise<string | null>>();
    const versionOf = (code: string): Promise<string | null> => {
      let v = versions.get(code);
      if (!v) versions.set(code, (v = query.forecastVersion ? Promise.resolve(query.forecastVersion) : this.repository.newestVersionCovering(tenantId, code)));
      return v;
    };
    /** The periods of one channel after `afterMs` (a period start), at most `limit` of them (null: all). */
    const reader = this.reader;
    const periods = async function* (c: ListingChannel, timeZone: string, afterMs: number | null, limit: number | null): AsyncGenerator<PeriodSums> {
      const channel = byCode.get(c.code)!;
      const seconds = channel.intervalMinutes * 60;
      const batchSize = granularity === 'interval' && limit !== null ? Math.min(CHUNK, limit) : CHUNK;
      let current: PeriodSums | null = null;
      let count = 0;
      for await (const batch of reader.batches({
        tenantId, all, channel, granularity, timeZone, fromMs: afterMs === null ? c.fromMs : Math.max(c.fromMs, afterMs + 1), toMs: c.toMs,
        versionId: versionOf(c.code), plan: query.plan ?? null, batchSize,
      })) {
        const predicted = predictServiceLevel(channel, batch, 'erlang-c');
        for (let k = 0; k < batch.length; k++) {
          const r = batch[k];
          if (afterMs !== null && r.p <= afterMs) continue;
          if (!current || current.t !== r.p) {
            if (current) {
              yield current;
              if (limit !== null && ++count >= limit) return;
            }
            current = newSums(r.p);
          }
          addInterval(current, r, predicted[k], seconds, channel);
        }
      }
      if (current) yield current;
    };
    const collect = async (it: AsyncGenerator<PeriodSums>): Promise<PeriodSums[]> => {
      const out: PeriodSums[] = [];
      for await (const s of it) out.push(s);
      return out;
    };
    const totalsPage = (afterMs: number | null, limit: number): Promise<PeriodSums[]> =>
      this.totalsPage(channels, (c) => collect(periods(c, 'UTC', afterMs, limit)), limit);
    const source: ChannelRows<PeriodSums> = {
      fetch: (c, after, limit) => {
        const afterMs = after === null ? null : Number(after);
        return c.code === TOTALS ? totalsPage(afterMs, limit) : collect(periods(c, byCode.get(c.code)!.timeZone, afterMs, limit));
      },
      keyOf: (s) => String(s.t),
    };
    const totalsChannel: ListingChannel | null = totals && channels.length
      ? { id: 0, code: TOTALS, clock: zoneClockFor('UTC'), fromMs: Math.min(...channels.map((c) => c.fromMs)), toMs: Math.max(...channels.map((c) => c.toMs)) }
      : null;
    if (csv) {
      return {
        type: 'csv-lines',
        filename: 'interval-comparison.csv',
        header: INTERVAL_COMPARISON_COLUMNS,
        etag,
        lines: (async function* () {
          if (totalsChannel) for await (const { channel, row } of readAll([totalsChannel], source, 2000)) yield csvLine(channel, row);
          for (const c of channels) {
            let chunk = '';
            for await (const s of periods(c, byCode.get(c.code)!.timeZone, null, null)) {
              chunk += csvLine(c, s);
              if (chunk.length > 32 * 1024) {
                yield chunk;
                chunk = '';
              }
            }
            if (chunk) yield chunk;
          }
        })(),
      };
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor && !Number.isFinite(Number(cursor.key))) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
    const page = await readPage(totalsChannel ? [totalsChannel, ...channels] : channels, source, query.limit ?? DEFAULT_LIMIT, cursor);
    return { type: 'json', body: { data: page.rows.map(({ channel, row }) => rowDto(channel, row)), next: page.next }, etag };
  }

  /**
   * The all-channels rows: each channel rolled up to UTC periods, then added: contacts, seconds
   * and predicted contacts within threshold summed; agents summed over channels (each channel's
   * time-weighted average); the goal averaged weighted by time.
   */
  private async totalsPage(channels: readonly ListingChannel[], periodsOf: (c: ListingChannel) => Promise<PeriodSums[]>, limit: number): Promise<PeriodSums[]> {
    const merged = new Map<number, PeriodSums>();
    for (const c of channels) {
      for (const s of await periodsOf(c)) {
        let m = merged.get(s.t);
        if (!m) merged.set(s.t, (m = newSums(s.t)));
        if (s.volume !== null) m.volume = (m.volume ?? 0) + s.volume;
        if (s.offered !== null) m.offered = (m.offered ?? 0) + s.offered;
        m.volumeAht += s.volumeAht;
        m.answered += s.answered;
        m.abandoned += s.abandoned;
        m.within += s.within;
        m.handle += s.handle;
        m.wait += s.wait;
        // Agents: the sum over channels of each channel's time-weighted average (seconds 1: "has a value").
        if (s.agentsSeconds > 0) [m.agentsSum, m.agentsSeconds] = [m.agentsSum + s.agentsSum / s.agentsSeconds, 1];
        if (s.fractionalSeconds > 0) [m.fractionalSum, m.fractionalSeconds] = [m.fractionalSum + s.fractionalSum / s.fractionalSeconds, 1];
        if (s.scheduledSeconds > 0) [m.scheduledSum, m.scheduledSeconds] = [m.scheduledSum + s.scheduledSum / s.scheduledSeconds, 1];
        if (s.staffedSeconds > 0) [m.staffedSum, m.staffedSeconds] = [m.staffedSum + s.staffedSum / s.staffedSeconds, 1];
        m.goalSum += s.goalSum;
        m.goalSeconds += s.goalSeconds;
        m.predictedSum += s.predictedSum;
        m.predictedOffered += s.predictedOffered;
        m.occupancyHandle += s.occupancyHandle;
        m.occupancyAgentSeconds += s.occupancyAgentSeconds;
      }
    }
    return [...merged.values()].sort((a, b) => a.t - b.t).slice(0, limit);
  }
}
