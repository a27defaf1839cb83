import { Inject, Injectable } from '@nestjs/common';
import { occupancyFromVolume } from '../../core/adherence/occupancy-from-volume.js';
import type { AdherenceResult } from '../../core/adherence/adherence-result.js';
import { sweepAdherence } from '../../core/adherence/sweep-adherence.js';
import type { ZoneClock } from '../../core/time/create-zone-clock.js';
import { civilFromDays } from '../../core/time/civil-from-days.js';
import { daysFromCivil } from '../../core/time/days-from-civil.js';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { parseCivilDate } from '../../core/time/parse-civil-date.js';
import { parseTimestamp, type ParsedTimestamp } from '../../core/time/parse-timestamp.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { DomainError, validationFailed } from '../../platform/errors/domain-error.js';
import type { Channel } from '../channels/channel.js';
import { ChannelsService } from '../channels/channels.service.js';
import { IngestRunner } from '../uploads/ingest-runner.js';
import type { ResolvedChannel, Uploader } from '../uploads/ingest.types.js';
import { DEFAULT_LIMIT } from '../listing/paging.js';
import type { Listing, ListingFormat } from '../listing/send-listing.js';
import type { UploadSource } from '../uploads/upload-body.js';
import { zoneClockFor } from '../channels/zone-clocks.js';
import type { Granularity } from '../../core/time/granularity.js';
import { compileSettings, DEFAULT_SETTINGS, NO_STATE, parseAdherenceSettings, type AdherenceSettings, type CompiledSettings } from './adherence-settings.js';
import { AdherenceRepository, type ScheduleRow } from './adherence.repository.js';
import { AgentStatesSink, type AgentStatesResult } from './agent-states.sink.js';
import {
  ADHERENCE_CSV_COLUMNS, EXCEPTION_CSV_COLUMNS, HEADCOUNT_CSV_COLUMNS,
  type AdherenceQueryDto, type AdherenceRowDto, type ExceptionDto, type ExceptionQueryDto, type HeadcountDto, type HeadcountQueryDto,
} from './dto/adherence.dto.js';
import { SchedulesSink, type SchedulesResult } from './schedules.sink.js';
import type { StateColumns } from './state-columns-decoder.js';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 93;
/**
 * States are read up to this long after the end of a read: a shift starting just before `to`
 * may run two days (48 h activities), and a late log-off after it is looked for up to a day.
 */
const STATE_WINDOW_MS = 3 * DAY_MS;
/** A state upload of at least this many segments refreshes the table's planner statistics. */
const ANALYZE_AFTER_SEGMENTS = 50_000;
const scratch: ParsedTimestamp = { localMs: 0, offsetMinutes: null };

/** A stored scheduled activity (one row of schedule_activities). */
export type ScheduledActivity = ScheduleRow;

/** Bounds of a read: an instant with an offset, or a date (UTC midnight). */
function bound(field: 'from' | 'to', text: string | undefined): number {
  if (text === undefined || text === '') throw validationFailed([{ field, reason: 'is required' }]);
  const days = parseCivilDate(text);
  if (days === days) return days * 86_400_000;
  if (parseTimestamp(text, scratch) && scratch.offsetMinutes !== null) return scratch.localMs - scratch.offsetMinutes * 60_000;
  throw validationFailed([{ field, value: text, reason: 'must be an instant with an offset (2026-03-02T09:30:00Z) or a date (2026-03-02) that exists, in the years 1900–2200' }]);
}

function range(q: { from?: string; to?: string }): { fromMs: number; toMs: number } {
  const fromMs = bound('from', q.from);
  const toMs = bound('to', q.to);
  checkRange(fromMs, toMs, q.to);
  return { fromMs, toMs };
}

/** A read runs forward and covers at most MAX_RANGE_DAYS days. */
function checkRange(fromMs: number, toMs: number, toText: string | undefined = formatUtcIso(toMs)): void {
  if (!(toMs > fromMs)) throw validationFailed([{ field: 'to', value: toText, reason: 'must be after from' }]);
  if (toMs - fromMs > MAX_RANGE_DAYS * DAY_MS) throw validationFailed([{ field: 'to', value: toText, reason: `a read covers at most ${MAX_RANGE_DAYS} days` }]);
}

/** The first instant of a local date (midnight, or the first instant after a skipped midnight). */
function localMidnight(clock: ZoneClock, localDayMs: number): number {
  for (let shift = 0; shift <= 120; shift += 15) {
    const r = clock.resolveLocal(localDayMs + shift * 60_000);
    if (r.kind === 'unique') return r.utcMs;
    if (r.kind === 'ambiguous') return r.earlierUtcMs;
  }
  return localDayMs;
}

/** Start of the period (local day, ISO week from Monday, month) holding an instant. */
function periodStart(clock: ZoneClock, utcMs: number, granularity: 'day' | 'week' | 'month'): number {
  let day = Math.floor((utcMs + clock.offsetMinutesAt(utcMs) * 60_000) / DAY_MS);
  if (granularity === 'week') day -= (((day + 3) % 7) + 7) % 7;
  else if (granularity === 'month') {
    const c = civilFromDays(day);
    day = daysFromCivil(c.year, c.month, 1);
  }
  return localMidnight(clock, day * DAY_MS);
}

/** Start of the local interval (of `minutes`) holding an instant. */
function intervalStart(clock: ZoneClock, utcMs: number, minutes: number): number {
  const offset = clock.offsetMinutesAt(utcMs) * 60_000;
  const step = minutes * 60_000;
  return Math.floor((utcMs + offset) / step) * step - offset;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

const nullIfNaN = (x: number): number | null => (x === x ? x : null);

/**
 * Occupancy from volume (answered × AHT ÷ staffed agent-seconds), or null without actuals or
 * staff, and null where the handle time exceeds the staffed time: more than 100% is a data
 * problem (agent states missing for part of the interval or for some agents), not a result.
 */
function volumeOccupancy(answered: number | null, handleSeconds: number, staffedAgents: number, intervalSeconds: number): number | null {
  if (answered === null || !(staffedAgents > 0)) return null;
  const occupancy = occupancyFromVolume(answered, answered > 0 ? handleSeconds / answered : 0, staffedAgents, intervalSeconds);
  return occupancy > 1 ? null : occupancy;
}

/** Headcount of one channel as columns over its local interval grid (see `headcountColumns`). */
export interface HeadcountColumns {
  channel: Channel;
  length: number;
  intervalSeconds: number;
  /** Interval starts, UTC ms, one interval apart. */
  startMs: Float64Array;
  /** NaN: no schedule of the channel covers the interval's local day (missing, not zero). */
  scheduledAgents: Float64Array;
  /** NaN (and busy, idle NaN): no agent state of the channel's agents on the interval's local day. */
  staffedAgents: Float64Array;
  /** NaN: no plan covers the interval. */
  requiredAgents: Float64Array;
  busySeconds: Float64Array;
  idleSeconds: Float64Array;
  /** NaN: no interval actuals. */
  answered: Float64Array;
  handleSeconds: Float64Array;
}

/** The headcount columns of some channels, and how many schedule rows and agent states were read. */
export interface Headcount {
  channels: HeadcountColumns[];
  schedules: number;
  states: number;
}

/** What adherence rows roll up. */
export type AdherenceLevel = 'agent' | 'team' | 'channel';

/** Adherence of one channel and period (other modules read it through `adherenceByChannel`). */
export interface ChannelAdherence {
  channel: string;
  /** Period start (the interval, or the local day, ISO week or month), UTC ms. */
  periodStartMs: number;
  adherentSeconds: number;
  scheduledSeconds: number;
}

/** Schedules, agent states, adherence rules, and what is computed from them. */
@Injectable()
export class AdherenceService {
  constructor(
    private readonly runner: IngestRunner,
    private readonly repository: AdherenceRepository,
    private readonly channels: ChannelsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async getRules(tenantId: string): Promise<AdherenceSettings> {
    const stored = await this.repository.readSettings(tenantId);
    return stored ? (stored as AdherenceSettings) : DEFAULT_SETTINGS;
  }

  async putRules(tenantId: string, body: unknown): Promise<AdherenceSettings> {
    const settings = parseAdherenceSettings(body);
    await this.repository.writeSettings(tenantId, settings);
    return settings;
  }

  async uploadSchedules(tenantId: string, uploader: Uploader, source: UploadSource, idempotencyKey: string | null): Promise<SchedulesResult & { duplicate: boolean }> {
    const settings = await this.getRules(tenantId);
    const channels = new Map<string, ResolvedChannel>();
    for (const c of await this.channels.list(tenantId)) {
      channels.set(c.code, { id: c.id, code: c.code, grid: { clock: zoneClockFor(c.timeZone), intervalMinutes: c.intervalMinutes, thresholdSeconds: c.thresholdSeconds } });
    }
    const sink = new SchedulesSink(this.repository, channels, new Set(settings.activities.map((a) => a.code)), this.mode(source));
    const out = await this.runner.run({ tenantId, uploader, mappingName: null, idempotencyKey, sink, prepare: () => Promise.resolve({ body: source.open(this.config.uploadLimitBytes), mapping: null }) });
    return { ...out.result, duplicate: out.duplicate };
  }

  async uploadStates(tenantId: string, uploader: Uploader, source: UploadSource, idempotencyKey: string | null): Promise<AgentStatesResult & { duplicate: boolean }> {
    const settings = await this.getRules(tenantId);
    const sink = new AgentStatesSink(this.repository, new Set(settings.states.map((s) => s.code)), this.mode(source));
    const out = await this.runner.run({ tenantId, uploader, mappingName: null, idempotencyKey, sink, prepare: () => Promise.resolve({ body: source.open(this.config.uploadLimitBytes), mapping: null }) });
    if (!out.duplicate && out.result.segments > 0 && (out.result.segments >= ANALYZE_AFTER_SEGMENTS || (await this.repository.statesStatisticsStale()))) {
      await this.repository.analyzeStates();
    }
    return { ...out.result, duplicate: out.duplicate };
  }

  /**
   * The stored scheduled activities overlapping [from, to), by agent then start: what the
   * scheduling module reads (time off and other bookings, the last shift before a horizon, the
   * (agent, day)s a publication would replace).
   */
  scheduledActivities(tenantId: string, fromMs: number, toMs: number): Promise<ScheduledActivity[]> {
    return this.repository.readSchedulesOverlapping(tenantId, fromMs, toMs);
  }

  private mode(source: UploadSource): 'csv' | 'json' {
    return source.contentType === 'application/json' ? 'json' : 'csv';
  }

  /**
   * Loads the shifts starting in [from, to) and the states around them, and runs the sweep.
   * `splitMinutes`: cut each schedule row at the local interval grid of its first channel
   * (interval granularity); pieces of one row keep its activity, so the result is the same.
   */
  private async compute(tenantId: string, fromMs: number, toMs: number, split: boolean, agentFilter: string | null) {
    const compiled = compileSettings(await this.getRules(tenantId));
    const channels = new Map((await this.channels.list(tenantId)).map((c) => [c.code, c]));
    // Shifts start in [from, to); their rows start there too, and end (with a late log-off
    // after them) within STATE_WINDOW_MS of `to`. States are read for the scheduled agents only.
    const all = await this.repository.readSchedules(tenantId, fromMs, toMs);
    const stored = agentFilter === null ? all : all.filter((r) => r.agentId === agentFilter);
    const agentIds = [...new Set(stored.map((r) => r.agentId))];
    const states = await this.repository.readStateColumns(tenantId, fromMs, toMs + STATE_WINDOW_MS, agentIds, compiled.settings.states.map((s) => s.code));
    const rows = split ? this.splitRows(stored, channels) : stored;
    return { compiled, channels, rows, result: this.sweep(compiled, rows, states, agentIds) };
  }

  private splitRows(rows: ScheduleRow[], channels: Map<string, Channel>): ScheduleRow[] {
    const out: ScheduleRow[] = [];
    for (const r of rows) {
      const ch = channels.get(r.channelCodes[0] ?? '');
      const clock = zoneClockFor(ch?.timeZone ?? 'UTC');
      const minutes = ch?.intervalMinutes ?? 30;
      let t = r.startAt.getTime();
      const end = r.endAt.getTime();
      while (t < end) {
        const next = Math.min(end, intervalStart(clock, t, minutes) + minutes * 60_000);
        out.push({ ...r, startAt: new Date(t), endAt: new Date(next) });
        t = next;
      }
    }
    return out;
  }

  private sweep(compiled: CompiledSettings, rows: ScheduleRow[], states: StateColumns, agentIds: string[]): AdherenceResult {
    const agentIndex = new Map(agentIds.map((a, i) => [a, i]));
    const A = compiled.settings.activities.length;
    // Activities no longer in the list: a code no state satisfies (never in adherence).
    const unknownActivity = A;
    const S = compiled.rules.stateCount;
    const satisfies = new Uint8Array((A + 1) * (S + 1));
    satisfies.set(compiled.rules.satisfies);
    // States come for the scheduled agents and the listed codes only (readStateColumns).
    return sweepAdherence(
      {
        agent: Int32Array.from(rows, (r) => agentIndex.get(r.agentId)!),
        code: Int32Array.from(rows, (r) => compiled.activityIndex.get(r.activity) ?? unknownActivity),
        start: Float64Array.from(rows, (r) => r.startAt.getTime() / 1000),
        end: Float64Array.from(rows, (r) => r.endAt.getTime() / 1000),
      },
      states,
      { ...compiled.rules, satisfies, productiveActivity: Uint8Array.from([...compiled.rules.productiveActivity, 0]) },
    );
  }

  async adherence(tenantId: string, q: AdherenceQueryDto, format: ListingFormat): Promise<Listing> {
    const { fromMs, toMs } = range(q);
    const out = await this.adherenceRows(tenantId, fromMs, toMs, q.level ?? 'agent', q.granularity ?? 'day');
    return this.listing(format, q, out.map(({ ms: _ms, ...g }) => g), 'adherence.csv', ADHERENCE_CSV_COLUMNS);
  }

  /**
   * Adherent and scheduled seconds per channel and period of the shifts starting in [from, to)
   * (at most 93 days; an agent of k channels counts 1/k on each): what other modules read.
   */
  async adherenceByChannel(tenantId: string, fromMs: number, toMs: number, granularity: Granularity): Promise<ChannelAdherence[]> {
    checkRange(fromMs, toMs);
    const rows = await this.adherenceRows(tenantId, fromMs, toMs, 'channel', granularity);
    return rows.map((r) => ({ channel: r.key, periodStartMs: r.ms, adherentSeconds: r.adherentSeconds, scheduledSeconds: r.scheduledSeconds }));
  }

  /** The adherence rows of the shifts starting in [from, to), by level and period, in key then period order. */
  private async adherenceRows(tenantId: string, fromMs: number, toMs: number, level: AdherenceLevel, granularity: Granularity): Promise<Array<AdherenceRowDto & { ms: number }>> {
    const { compiled, channels, rows, result } = await this.compute(tenantId, fromMs, toMs, granularity === 'interval', null);
    const exceptionsByRow = new Float64Array(rows.length);
    for (const e of result.exceptions) exceptionsByRow[e.scheduleRow]++;
    const groups = new Map<string, AdherenceRowDto & { ms: number }>();
    // The rows of a shift share its start: one period computation per (zone, shift start).
    const periods = new Map<string, number>();
    const periodOf = (timeZone: string, clock: ZoneClock, shiftStartMs: number, g: 'day' | 'week' | 'month'): number => {
      const k = `${timeZone}\u0000${shiftStartMs}`;
      let ms = periods.get(k);
      if (ms === undefined) periods.set(k, (ms = periodStart(clock, shiftStartMs, g)));
      return ms;
    };
    rows.forEach((r, i) => {
      const keys: Array<[string, number, string]> =
        level === 'agent' ? [[r.agentId, 1, r.channelCodes[0] ?? '']]
          : level === 'team' ? [[r.team ?? '', 1, r.channelCodes[0] ?? '']]
            : r.channelCodes.map((c) => [c, 1 / r.channelCodes.length, c]);
      for (const [key, share, zoneChannel] of keys) {
        const timeZone = channels.get(zoneChannel)?.timeZone ?? 'UTC';
        const clock = zoneClockFor(timeZone);
        // A piece of a split row starts inside its interval (after a break, say): it joins the interval that holds it.
        const ms = granularity === 'interval'
          ? intervalStart(clock, r.startAt.getTime(), channels.get(zoneChannel)?.intervalMinutes ?? 30)
          : periodOf(timeZone, clock, result.shiftStart[i] * 1000, granularity);
        const id = `${key}\u0000${ms}`;
        let g = groups.get(id);
        if (!g) {
          g = {
            level, key, ms, periodStart: formatUtcIso(ms), periodStartLocal: formatLocalIso(ms, clock.offsetMinutesAt(ms)),
            scheduledSeconds: 0, adherentSeconds: 0, adherence: null, productiveScheduledSeconds: 0, workedSeconds: 0,
            conformance: null, exceptions: 0, earlyLogOffSeconds: 0, lateLogOffSeconds: 0,
          };
          groups.set(id, g);
        }
        const productive = compiled.rules.productiveActivity[compiled.activityIndex.get(r.activity) ?? -1] === 1;
        g.scheduledSeconds += share * result.scheduledSeconds[i];
        g.adherentSeconds += share * result.adherentSeconds[i];
        if (productive) g.productiveScheduledSeconds += share * result.scheduledSeconds[i];
        g.workedSeconds += share * result.workedSeconds[i];
        g.exceptions += share * exceptionsByRow[i];
        g.earlyLogOffSeconds += share * result.earlyLogOffSeconds[i];
        g.lateLogOffSeconds += share * result.lateLogOffSeconds[i];
      }
    });
    return [...groups.values()]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.ms - b.ms))
      .map((g) => ({ ...g, adherence: ratio(g.adherentSeconds, g.scheduledSeconds), conformance: ratio(g.workedSeconds, g.productiveScheduledSeconds) }));
  }

  async exceptions(tenantId: string, q: ExceptionQueryDto, format: ListingFormat): Promise<Listing> {
    const { fromMs, toMs } = range(q);
    const { compiled, rows, result } = await this.compute(tenantId, fromMs, toMs, false, q.agent ?? null);
    const minSeconds = q.minSeconds ?? 0;
    const out: ExceptionDto[] = [];
    for (const e of result.exceptions) {
      const row = rows[e.scheduleRow];
      if (q.team !== undefined && row.team !== q.team) continue;
      const duration = e.end - e.start;
      if (duration < minSeconds) continue;
      out.push({
        agentId: row.agentId,
        team: row.team,
        activity: e.activity < 0 ? 'after-shift' : (compiled.settings.activities[e.activity]?.code ?? row.activity),
        state: e.state >= compiled.rules.stateCount ? NO_STATE : compiled.settings.states[e.state].code,
        start: formatUtcIso(e.start * 1000),
        end: formatUtcIso(e.end * 1000),
        durationSeconds: duration,
      });
    }
    out.sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    return this.listing(format, q, out, 'adherence-exceptions.csv', EXCEPTION_CSV_COLUMNS);
  }

  /**
   * Per channel and interval: scheduled productive agents (time-weighted), staffed agents from
   * states (productive states), both with an agent of k channels counting 1/k on each; required
   * agents (`agents` of the newest plan covering the interval: agents on contacts, the same
   * footing as productive headcount), the differences, occupancy from states (busy ÷ (busy +
   * idle) seconds) and the seed's occupancy from volume (interval actuals ÷ staffed agents).
   */
  async headcount(tenantId: string, q: HeadcountQueryDto, format: ListingFormat): Promise<Listing> {
    const { fromMs, toMs } = range(q);
    const all = await this.channels.list(tenantId);
    const given = q.channel?.map((c) => c.trim()).filter((c) => c !== '') ?? [];
    const unknown = given.filter((c) => !all.some((x) => x.code === c));
    if (unknown.length) throw new DomainError('UNKNOWN_CHANNELS', `unknown channel codes: ${unknown.join(', ')}`, { unknown });
    const chosen = (given.length ? all.filter((c) => given.includes(c.code)) : all).sort((a, b) => (a.code < b.code ? -1 : 1));
    const { channels } = await this.headcountColumns(tenantId, all, chosen, fromMs, toMs);
    const rows: HeadcountDto[] = [];
    for (const h of channels) {
      const clock = zoneClockFor(h.channel.timeZone);
      for (let k = 0; k < h.length; k++) {
        const ms = h.startMs[k];
        const req = nullIfNaN(h.requiredAgents[k]);
        const answered = nullIfNaN(h.answered[k]);
        rows.push({
          channel: h.channel.code,
          periodStart: formatUtcIso(ms),
          periodStartLocal: formatLocalIso(ms, clock.offsetMinutesAt(ms)),
          scheduled: nullIfNaN(h.scheduledAgents[k]),
          staffed: nullIfNaN(h.staffedAgents[k]),
          required: req,
          scheduledOverUnder: req === null ? null : nullIfNaN(h.scheduledAgents[k] - req),
          staffedOverUnder: req === null ? null : nullIfNaN(h.staffedAgents[k] - req),
          busySeconds: nullIfNaN(h.busySeconds[k]),
          idleSeconds: nullIfNaN(h.idleSeconds[k]),
          occupancy: ratio(h.busySeconds[k], h.busySeconds[k] + h.idleSeconds[k]),
          answered,
          volumeOccupancy: volumeOccupancy(answered, h.handleSeconds[k], h.staffedAgents[k], h.intervalSeconds),
        });
      }
    }
    return this.listing(format, q, rows, 'headcount.csv', HEADCOUNT_CSV_COLUMNS);
  }

  /**
   * Per channel and interval, as columns over each chosen channel's local grid from the interval
   * holding `from` up to `to`: scheduled productive agents (time-weighted), staffed agents from
   * states (productive states), both with an agent of k channels counting 1/k on each; required
   * agents (`agents` of the newest plan covering the interval: agents on contacts, the same
   * footing as productive headcount; NaN without a plan); busy and idle agent-seconds; answered
   * contacts and their handle seconds (NaN without interval actuals). `schedules` and `states`
   * count the schedule rows and agent states read (0: that input is missing).
   */
  async headcountColumns(tenantId: string, all: readonly Channel[], chosen: readonly Channel[], fromMs: number, toMs: number): Promise<Headcount> {
    const { settings } = compileSettings(await this.getRules(tenantId));
    // Each chosen channel's grid: its local intervals from the one holding `from`, up to `to`.
    const grids = chosen.map((ch) => {
      const clock = zoneClockFor(ch.timeZone);
      const step = ch.intervalMinutes * 60_000;
      const first = intervalStart(clock, fromMs, ch.intervalMinutes);
      return { ch, clock, step, first, buckets: Math.max(0, Math.ceil((toMs - first) / step)) };
    }).filter((g) => g.buckets > 0);
    // The totals are aggregated in SQL; nothing per agent or per state is read into memory.
    const codes = (keep: (s: AdherenceSettings['states'][number]) => boolean): string[] => settings.states.filter(keep).map((s) => s.code);
    const seconds = await this.repository.headcountSeconds(
      tenantId, fromMs, toMs,
      grids.map((g) => ({ code: g.ch.code, firstSeconds: g.first / 1000, stepSeconds: g.step / 1000, buckets: g.buckets })),
      all.map((c) => c.code),
      settings.activities.filter((a) => a.productive).map((a) => a.code),
      { known: codes(() => true), productive: codes((s) => s.productive), busy: codes((s) => s.occupancy === 'busy'), idle: codes((s) => s.occupancy === 'idle') },
      grids.map((g) => g.ch.timeZone),
    );
    const cells = new Map(seconds.cells.map((c) => [`${c.code}\u0000${c.bucket}`, c]));
    const scheduleDays = new Set(seconds.scheduleDays.map((d) => `${d.code}\u0000${d.day}`));
    const stateDays = new Set(seconds.stateDays.map((d) => `${d.code}\u0000${d.day}`));

    const out: HeadcountColumns[] = [];
    for (const { ch, clock, step, first, buckets } of grids) {
      const intervalSeconds = step / 1000;
      const h: HeadcountColumns = {
        channel: ch, length: buckets, intervalSeconds,
        startMs: new Float64Array(buckets), scheduledAgents: new Float64Array(buckets), staffedAgents: new Float64Array(buckets),
        requiredAgents: new Float64Array(buckets).fill(NaN), busySeconds: new Float64Array(buckets), idleSeconds: new Float64Array(buckets),
        answered: new Float64Array(buckets).fill(NaN), handleSeconds: new Float64Array(buckets).fill(NaN),
      };
      const at = (t: Date): number => {
        const k = (t.getTime() - first) / step;
        return Number.isInteger(k) && k >= 0 && k < buckets ? k : -1;
      };
      for (const r of await this.repository.readRequired(tenantId, ch.id, first, toMs)) {
        const k = at(r.intervalStart);
        if (k >= 0) h.requiredAgents[k] = r.agents;
      }
      for (const r of await this.repository.readVolumes(tenantId, ch.id, first, toMs)) {
        const k = at(r.intervalStart);
        if (k >= 0) [h.answered[k], h.handleSeconds[k]] = [r.answered, r.handleSeconds];
      }
      for (let b = 0; b < buckets; b++) {
        const ms = (h.startMs[b] = first + b * step);
        const cell = cells.get(`${ch.code}\u0000${b}`);
        // Known where the day holds a schedule (agent states) of the channel, or something overlaps the interval: else NaN, never 0.
        const day = `${ch.code}\u0000${Math.floor((ms + clock.offsetMinutesAt(ms) * 60_000) / DAY_MS)}`;
        const scheduled = cell?.scheduled ?? 0;
        const [staffed, busy, idle] = cell ? [cell.staffed, cell.busy, cell.idle] : [0, 0, 0];
        h.scheduledAgents[b] = scheduleDays.has(day) || scheduled > 0 ? scheduled / intervalSeconds : NaN;
        const statesKnown = stateDays.has(day) || staffed > 0 || busy > 0 || idle > 0;
        h.staffedAgents[b] = statesKnown ? staffed / intervalSeconds : NaN;
        h.busySeconds[b] = statesKnown ? busy : NaN;
        h.idleSeconds[b] = statesKnown ? idle : NaN;
      }
      out.push(h);
    }
    return { channels: out, schedules: seconds.schedules, states: seconds.states };
  }

  /** A computed list as a JSON page (cursor = offset) or a CSV stream. */
  private listing(format: ListingFormat, q: { limit?: number; cursor?: string }, rows: object[], filename: string, header: readonly string[]): Listing {
    if (format === 'csv') {
      return {
        type: 'csv',
        filename,
        header,
        rows: (async function* () {
          for (const r of rows) yield await Promise.resolve(Object.values(r));
        })(),
      };
    }
    const offset = q.cursor === undefined ? 0 : Number(Buffer.from(q.cursor, 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
    const limit = q.limit ?? DEFAULT_LIMIT;
    const page = rows.slice(offset, offset + limit);
    const next = offset + limit < rows.length ? Buffer.from(String(offset + limit)).toString('base64url') : null;
    return { type: 'json', body: { data: page, next } };
  }
}
