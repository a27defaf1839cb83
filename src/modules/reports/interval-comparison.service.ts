import { Injectable } from '@nestjs/common';
import { createIsoFormatter, type IsoFormatter } from '../../core/time/create-iso-formatter.js';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { DomainError, notFound } from '../../platform/errors/domain-error.js';
import type { Channel } from '../channels/channel.js';
import { ChannelsService } from '../channels/channels.service.js';
import { ForecastsService } from '../forecasts/forecasts.service.js';
import { tenantZoneOf } from '../channels/tenant-zone.js';
import { zoneClockFor } from '../channels/zone-clocks.js';
import { csvValue } from '../listing/csv.js';
import { listingChannels, type ListingChannel } from '../listing/interval-query.js';
import { DEFAULT_LIMIT, decodeCursor, instantKey, readAll, readPage, type ChannelRows } from '../listing/paging.js';
import { INTERVAL_COMPARISON_COLUMNS, type IntervalComparisonQueryDto, type IntervalComparisonRowDto } from './dto/interval-comparison.dto.js';
import type { Listing, VersionedListing, ListingFormat } from '../listing/send-listing.js';
import { IntervalReader, predictServiceLevel, zero, type IntervalBatch } from './interval-reader.js';
import { ReportsRepository } from './reports.repository.js';

/** Channel code of the all-channels rows (sorts before every channel code). */
const TOTALS = '*';

/**
 * Sums of consecutive periods as columns (one entry per period, no object per period):
 * numerators and denominators, never ratios. `volume` and `offered` are NaN for a period without
 * forecast / actuals; every other sum starts at 0.
 */
const SUM_FIELDS = [
  't', 'volume', 'volumeAht', 'offered', 'answered', 'abandoned', 'within', 'handle', 'wait',
  /** Σ value × interval seconds, and the seconds with a value (time-weighted averages). */
  'agentsSum', 'agentsSeconds', 'fractionalSum', 'fractionalSeconds', 'scheduledSum', 'scheduledSeconds', 'staffedSum', 'staffedSeconds',
  'goalSum', 'goalSeconds',
  /** Σ predicted SL × offered and Σ offered over the intervals with a prediction. */
  'predictedSum', 'predictedOffered',
  /** Σ handle seconds and Σ staffed agent-seconds over the intervals with staffed agents and a handle time within it. */
  'occupancyHandle', 'occupancyAgentSeconds',
  /** Σ agents × interval seconds of the plan, the schedule and the staffing (agent-hours × 3600; raw sums, also in all-channels rows). */
  'requiredAgentSeconds', 'scheduledAgentSeconds', 'staffedAgentSeconds',
  /** Coverage: intervals with a forecast, actuals, a plan, a schedule, staffing; intervals whose handle time exceeds the staffed time. */
  'forecastIntervals', 'actualIntervals', 'requiredIntervals', 'scheduledIntervals', 'staffedIntervals', 'handleOverStaffedIntervals',
] as const;
type PeriodSums = { length: number } & Record<(typeof SUM_FIELDS)[number], Float64Array>;

/** One period of a PeriodSums (what a JSON page lists). */
interface PeriodRef {
  s: PeriodSums;
  j: number;
}

function newSums(capacity: number): PeriodSums {
  const s = { length: 0 } as PeriodSums;
  for (const f of SUM_FIELDS) s[f] = new Float64Array(capacity);
  s.volume.fill(NaN);
  s.offered.fill(NaN);
  return s;
}

/** Periods [from, to) of `s` (views, no copy). */
function sliceSums(s: PeriodSums, from: number, to: number): PeriodSums {
  const out = { length: to - from } as PeriodSums;
  for (const f of SUM_FIELDS) out[f] = s[f].subarray(from, to);
  return out;
}

function copyPeriod(from: PeriodSums, i: number, to: PeriodSums, j: number): void {
  for (const f of SUM_FIELDS) to[f][j] = from[f][i];
}

/** den > 0 ? num ÷ den : NaN (no value). */
const ratio = (num: number, den: number): number => (den > 0 ? num / den : NaN);
/** NaN (no value) as null, for JSON. */
const orNull = (x: number): number | null => (x === x ? x : null);

/** Adds a value held for `seconds` (NaN: none) to period j's Σ value × seconds and Σ seconds (a time-weighted average). */
function addTimed(sum: Float64Array, secondsWithValue: Float64Array, j: number, value: number, seconds: number): void {
  if (value === value) {
    sum[j] += value * seconds;
    secondsWithValue[j] += seconds;
  }
}

/** Adds interval k of a batch (and the service level predicted for it, NaN if none) to period j of the sums. */
function addInterval(s: PeriodSums, j: number, b: IntervalBatch, k: number, predicted: number, seconds: number, defaultGoal: number): void {
  const volume = b.volume[k];
  const offered = b.offered[k];
  if (volume === volume) {
    s.volume[j] = zero(s.volume[j]) + volume;
    s.volumeAht[j] += volume * zero(b.ahtSeconds[k]);
    s.forecastIntervals[j]++;
  }
  if (offered === offered) {
    s.actualIntervals[j]++;
    s.offered[j] = zero(s.offered[j]) + offered;
    s.answered[j] += b.answered[k];
    s.abandoned[j] += b.abandoned[k];
    s.within[j] += b.within[k];
    s.handle[j] += b.handleSeconds[k];
    s.wait[j] += b.waitSeconds[k];
  }
  const agents = b.agents[k];
  const scheduled = b.scheduled[k];
  const staffed = b.staffed[k];
  addTimed(s.agentsSum, s.agentsSeconds, j, agents, seconds);
  addTimed(s.fractionalSum, s.fractionalSeconds, j, b.agentsFractional[k], seconds);
  addTimed(s.scheduledSum, s.scheduledSeconds, j, scheduled, seconds);
  addTimed(s.staffedSum, s.staffedSeconds, j, staffed, seconds);
  if (agents === agents) {
    s.requiredAgentSeconds[j] += agents * seconds;
    s.requiredIntervals[j]++;
  }
  if (scheduled === scheduled) {
    s.scheduledAgentSeconds[j] += scheduled * seconds;
    s.scheduledIntervals[j]++;
  }
  if (staffed === staffed) {
    s.staffedAgentSeconds[j] += staffed * seconds;
    s.staffedIntervals[j]++;
  }
  if (agents === agents || offered === offered || volume === volume) {
    const goal = b.goal[k];
    s.goalSum[j] += (goal === goal ? goal : defaultGoal) * seconds;
    s.goalSeconds[j] += seconds;
  }
  if (predicted === predicted) {
    s.predictedSum[j] += predicted * zero(offered);
    s.predictedOffered[j] += zero(offered);
  }
  if (staffed === staffed && offered === offered) {
    // More handle time than staffed time is a data problem (states missing for part of the
    // interval or some agents), not an occupancy above 100%: flagged and left out.
    if (b.handleSeconds[k] > staffed * seconds * (1 + 1e-12)) s.handleOverStaffedIntervals[j]++;
    else {
      s.occupancyHandle[j] += b.handleSeconds[k];
      s.occupancyAgentSeconds[j] += staffed * seconds;
    }
  }
}

/** Values per period: the columns of INTERVAL_COMPARISON_COLUMNS after channel and the two times. */
const VALUE_COUNT = 27;

/** Writes the report's values of period j into `out` (NaN where there is none), in the order of INTERVAL_COMPARISON_COLUMNS after the two times. */
function periodValuesInto(s: PeriodSums, j: number, out: Float64Array | number[]): void {
  const forecastAht = ratio(s.volumeAht[j], s.volume[j]);
  const actualAht = ratio(s.handle[j], s.answered[j]);
  const pct = (f: number, a: number): number => (a === 0 ? NaN : (100 * (f - a)) / a);
  const achieved = ratio(s.within[j], s.answered[j] + s.abandoned[j]);
  const predicted = ratio(s.predictedSum[j], s.predictedOffered[j]);
  const required = ratio(s.agentsSum[j], s.agentsSeconds[j]);
  const scheduled = ratio(s.scheduledSum[j], s.scheduledSeconds[j]);
  out[0] = s.volume[j];
  out[1] = s.offered[j];
  out[2] = pct(s.volume[j], s.offered[j]);
  out[3] = forecastAht;
  out[4] = actualAht;
  out[5] = pct(forecastAht, actualAht);
  out[6] = required;
  out[7] = ratio(s.fractionalSum[j], s.fractionalSeconds[j]);
  out[8] = scheduled;
  out[9] = ratio(s.staffedSum[j], s.staffedSeconds[j]);
  out[10] = scheduled - required;
  out[11] = ratio(s.goalSum[j], s.goalSeconds[j]);
  out[12] = achieved;
  out[13] = predicted;
  out[14] = achieved - predicted;
  out[15] = ratio(s.wait[j], s.answered[j]);
  out[16] = ratio(s.abandoned[j], s.answered[j] + s.abandoned[j]);
  out[17] = ratio(s.occupancyHandle[j], s.occupancyAgentSeconds[j]);
  out[18] = s.requiredIntervals[j] > 0 ? s.requiredAgentSeconds[j] / 3600 : NaN;
  out[19] = s.scheduledIntervals[j] > 0 ? s.scheduledAgentSeconds[j] / 3600 : NaN;
  out[20] = s.staffedIntervals[j] > 0 ? s.staffedAgentSeconds[j] / 3600 : NaN;
  out[21] = s.forecastIntervals[j];
  out[22] = s.actualIntervals[j];
  out[23] = s.requiredIntervals[j];
  out[24] = s.scheduledIntervals[j];
  out[25] = s.staffedIntervals[j];
  out[26] = s.handleOverStaffedIntervals[j];
}

function rowDto(channel: ListingChannel, { s, j }: PeriodRef): IntervalComparisonRowDto {
  const t = s.t[j];
  const values = new Float64Array(VALUE_COUNT);
  periodValuesInto(s, j, values);
  const v = Array.from(values, orNull);
  return {
    channel: channel.code,
    periodStart: formatUtcIso(t),
    periodStartLocal: formatLocalIso(t, channel.clock.offsetMinutesAt(t)),
    forecastVolume: v[0],
    actualOffered: v[1],
    volumeVariancePct: v[2],
    forecastAhtSeconds: v[3],
    actualAhtSeconds: v[4],
    ahtVariancePct: v[5],
    requiredAgents: v[6],
    requiredAgentsFractional: v[7],
    scheduledAgents: v[8],
    staffedAgents: v[9],
    staffingGap: v[10],
    serviceLevelGoal: v[11],
    serviceLevelAchieved: v[12],
    serviceLevelPredicted: v[13],
    serviceLevelResidual: v[14],
    asaSeconds: v[15],
    abandonRate: v[16],
    occupancy: v[17],
    requiredAgentHours: v[18],
    scheduledAgentHours: v[19],
    staffedAgentHours: v[20],
    forecastIntervals: values[21],
    actualIntervals: values[22],
    requiredIntervals: values[23],
    scheduledIntervals: values[24],
    staffedIntervals: values[25],
    handleOverStaffedIntervals: values[26],
  };
}

/**
 * CSV lines (CRLF-ended) of every period of `s`, in the order of INTERVAL_COMPARISON_COLUMNS.
 * The 18 values of a line are written by one JSON.stringify of an array of doubles, which prints
 * a finite number as String(number) does and NaN as null (then emptied); in half the time of 18
 * String calls (number-to-text is the largest part of the year report's CPU time). The array
 * only ever holds doubles, so V8 keeps them unboxed: no heap number per value (against an array
 * of numbers and nulls: a quarter faster in isolation, a sixth less CPU in this function over
 * the year report). Lines are built by `join` (flat strings, not ropes of millions of pieces);
 * times by an IsoFormatter (the day and the minute texts kept).
 */
function csvLines(channel: ListingChannel, s: PeriodSums, iso: IsoFormatter): string {
  // PACKED_DOUBLE_ELEMENTS: stays so, as periodValuesInto stores only doubles.
  const numbers = Array.from(new Float64Array(VALUE_COUNT));
  const code = csvValue(channel.code);
  const lines = new Array<string>(s.length + 1);
  for (let j = 0; j < s.length; j++) {
    const t = s.t[j];
    periodValuesInto(s, j, numbers);
    const json = JSON.stringify(numbers);
    lines[j] = `${code},${iso.utc(t)},${iso.local(t, channel.clock.offsetMinutesAt(t))},${json.slice(1, -1).replaceAll('null', '')}`;
  }
  lines[s.length] = '';
  return lines.join('\r\n');
}

/**
 * Lines per CSV piece: ~80 KB, below V8's large-object size (128 KB), so a piece dies in the young
 * generation instead of piling up in large-object space until a full collection.
 */
const LINES_PER_PIECE = 400;

/** Intervals per SQL chunk when a whole range is read (CSV, rolled-up periods). */
const CHUNK = 2000;

/** GET /reports/interval-comparison: forecast, requirement, staffing and outcome per channel and period. */
@Injectable()
export class IntervalComparisonService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly reader: IntervalReader,
    private readonly forecasts: ForecastsService,
    private readonly channels: ChannelsService,
  ) {}

  async report(tenantId: string, query: IntervalComparisonQueryDto, format: ListingFormat): Promise<VersionedListing> {
    if (query.forecastVersion) await this.forecasts.getVersion(tenantId, query.forecastVersion);
    if (query.plan && !(await this.repository.planExists(tenantId, query.plan))) throw notFound('PLAN_NOT_FOUND', 'staffing plan', query.plan);
    const [all, fingerprint] = await Promise.all([this.channels.list(tenantId), this.repository.dataFingerprint(tenantId)]);
    const channels = listingChannels(all, query);
    return { version: fingerprint, format, build: () => this.build(tenantId, query, format, all, channels) };
  }

  /** The report's rows of `channels` (and the all-channels rows when asked), as a JSON page or CSV lines. */
  private async build(tenantId: string, query: IntervalComparisonQueryDto, format: ListingFormat, all: readonly Channel[], channels: ListingChannel[]): Promise<Listing> {
    const byCode = new Map(all.map((c) => [c.code, c]));
    const totals = query.totals === true && !query.channel?.length;
    // The all-channels rows are cut in the tenant's zone, as the KPI `*` rows are.
    const totalsZone = tenantZoneOf(all);
    const granularity = query.granularity ?? 'interval';
    // The forecast of an interval: the version asked for, else the newest version holding it.
    const versions = new Map<string, Promise<string[]>>();
    const versionsOf = (c: ListingChannel): Promise<string[]> => {
      let v = versions.get(c.code);
      if (!v) versions.set(c.code, (v = query.forecastVersion ? Promise.resolve([query.forecastVersion]) : this.repository.versionsCovering(tenantId, c.code, c.fromMs, c.toMs)));
      return v;
    };
    /**
     * The periods of one channel after `afterMs` (a period start), at most `limit` of them (null:
     * all), in batches of whole periods (a period cut by a batch end is carried to the next).
     */
    const reader = this.reader;
    const periods = async function* (c: ListingChannel, timeZone: string, afterMs: number | null, limit: number | null): AsyncGenerator<PeriodSums> {
      const channel = byCode.get(c.code)!;
      const seconds = channel.intervalMinutes * 60;
      const batchSize = granularity === 'interval' && limit !== null ? Math.min(CHUNK, limit) : CHUNK;
      let left = limit ?? Infinity;
      let open: PeriodSums | null = null;
      for await (const b of reader.batches({
        tenantId, all, channel, granularity, timeZone, fromMs: afterMs === null ? c.fromMs : Math.max(c.fromMs, afterMs + 1), toMs: c.toMs,
        versionIds: versionsOf(c), plan: query.plan ?? null, batchSize,
      })) {
        const predicted = predictServiceLevel(channel, b, 'erlang-c');
        const s = newSums(b.length + 1);
        if (open && open.length) copyPeriod(open, open.length - 1, s, s.length++);
        for (let k = 0; k < b.length; k++) {
          const p = b.p[k];
          if (afterMs !== null && p <= afterMs) continue;
          if (s.length === 0 || s.t[s.length - 1] !== p) s.t[s.length++] = p;
          addInterval(s, s.length - 1, b, k, predicted[k], seconds, channel.serviceLevelTarget);
        }
        // Every period but the last is whole.
        const closed = Math.min(Math.max(s.length - 1, 0), left);
        if (closed > 0) yield sliceSums(s, 0, closed);
        left -= closed;
        if (left <= 0) return;
        open = s;
      }
      if (open && open.length) yield sliceSums(open, open.length - 1, open.length);
    };
    const collect = async (it: AsyncGenerator<PeriodSums>): Promise<PeriodRef[]> => {
      const out: PeriodRef[] = [];
      for await (const s of it) for (let j = 0; j < s.length; j++) out.push({ s, j });
      return out;
    };
    const totalsPage = (afterMs: number | null, limit: number): Promise<PeriodRef[]> =>
      this.totalsPage(channels, (c) => collect(periods(c, totalsZone, afterMs, limit)), limit);
    const source: ChannelRows<PeriodRef> = {
      fetch: (c, after, limit) => {
        const afterMs = instantKey(after);
        return c.code === TOTALS ? totalsPage(afterMs, limit) : collect(periods(c, byCode.get(c.code)!.timeZone, afterMs, limit));
      },
      keyOf: ({ s, j }) => String(s.t[j]),
    };
    const totalsChannel: ListingChannel | null = totals && channels.length
      ? { id: 0, code: TOTALS, clock: zoneClockFor(totalsZone), fromMs: Math.min(...channels.map((c) => c.fromMs)), toMs: Math.max(...channels.map((c) => c.toMs)) }
      : null;
    if (format === 'csv') {
      return {
        type: 'csv-lines',
        filename: 'interval-comparison.csv',
        header: INTERVAL_COMPARISON_COLUMNS,
        lines: (async function* () {
          const iso = createIsoFormatter();
          if (totalsChannel) for await (const { channel, row } of readAll([totalsChannel], source, 2000)) yield csvLines(channel, sliceSums(row.s, row.j, row.j + 1), iso);
          for (const c of channels) {
            for await (const s of periods(c, byCode.get(c.code)!.timeZone, null, null)) {
              // Pieces of at most LINES_PER_PIECE lines (~80 KB): short-lived strings the young generation collects.
              for (let from = 0; from < s.length; from += LINES_PER_PIECE) yield csvLines(c, sliceSums(s, from, Math.min(s.length, from + LINES_PER_PIECE)), iso);
            }
          }
        })(),
      };
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor && !Number.isFinite(Number(cursor.key))) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
    const page = await readPage(totalsChannel ? [totalsChannel, ...channels] : channels, source, query.limit ?? DEFAULT_LIMIT, cursor);
    return { type: 'json', body: { data: page.rows.map(({ channel, row }) => rowDto(channel, row)), next: page.next } };
  }

  /**
   * The all-channels rows: each channel rolled up to periods of the tenant's zone, then added: contacts, seconds,
   * agent-hours, coverage counts and predicted contacts within threshold summed; agents summed
   * over channels (each channel's time-weighted average); no goal (none was set for all channels).
   */
  private async totalsPage(channels: readonly ListingChannel[], periodsOf: (c: ListingChannel) => Promise<PeriodRef[]>, limit: number): Promise<PeriodRef[]> {
    const parts = await Promise.all(channels.map((c) => periodsOf(c)));
    const m = newSums(parts.reduce((n, p) => n + p.length, 0));
    const index = new Map<number, number>();
    for (const part of parts) {
      for (const { s, j } of part) {
        const t = s.t[j];
        let i = index.get(t);
        if (i === undefined) {
          index.set(t, (i = m.length++));
          m.t[i] = t;
        }
        if (s.volume[j] === s.volume[j]) m.volume[i] = zero(m.volume[i]) + s.volume[j];
        if (s.offered[j] === s.offered[j]) m.offered[i] = zero(m.offered[i]) + s.offered[j];
        // The goal is left out: a blend of the channels' goals is a goal no one set (the column stays empty).
        for (const f of ['volumeAht', 'answered', 'abandoned', 'within', 'handle', 'wait', 'predictedSum', 'predictedOffered', 'occupancyHandle', 'occupancyAgentSeconds',
          'requiredAgentSeconds', 'scheduledAgentSeconds', 'staffedAgentSeconds', 'forecastIntervals', 'actualIntervals', 'requiredIntervals', 'scheduledIntervals',
          'staffedIntervals', 'handleOverStaffedIntervals'] as const) {
          m[f][i] += s[f][j];
        }
        // Agents: the sum over channels of each channel's time-weighted average (seconds 1: "has a value").
        for (const [sum, secs] of [['agentsSum', 'agentsSeconds'], ['fractionalSum', 'fractionalSeconds'], ['scheduledSum', 'scheduledSeconds'], ['staffedSum', 'staffedSeconds']] as const) {
          if (s[secs][j] > 0) {
            m[sum][i] += s[sum][j] / s[secs][j];
            m[secs][i] = 1;
          }
        }
      }
    }
    return Array.from({ length: m.length }, (_, j) => ({ s: m, j })).sort((a, b) => a.s.t[a.j] - b.s.t[b.j]).slice(0, limit);
  }
}
