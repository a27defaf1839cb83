import { Injectable } from '@nestjs/common';
import { evaluateStaffingBatch } from '../../core/staffing/evaluate-staffing-batch.js';
import { AdherenceService } from '../adherence/adherence.service.js';
import type { Channel } from '../channels/channel.js';
import type { Granularity } from '../../core/time/granularity.js';
import {
  A_ABANDONED, A_ANSWERED, A_HANDLE, A_OFFERED, A_STAFFED, A_THRESHOLD, A_WAIT, A_WITHIN, F_AHT, F_VOLUME, P_AGENTS, P_FRACTIONAL, P_PLAN,
  ReportsRepository, type ChunkColumns, type ChunkQuery,
} from './reports.repository.js';

/** Fields of an interval batch, each a column (NaN: input missing). */
export const INTERVAL_FIELDS = [
  /** Period start, UTC ms. */
  'p',
  /** Interval start, UTC ms. */
  't',
  'volume', 'ahtSeconds', 'offered', 'answered', 'abandoned',
  /** Answered + abandoned within the threshold of the actuals. */
  'within',
  'thresholdSeconds', 'handleSeconds', 'waitSeconds', 'agents', 'agentsFractional', 'goal',
  /** Scheduled productive agents (schedules); NaN when no schedule covers the batch. */
  'scheduled',
  /** Staffed agents: agents_staffed of the actuals, else productive agents of the agent states. */
  'staffed',
] as const;

/**
 * Consecutive intervals of a channel with everything the reports read, as columns (one
 * Float64Array per field, NaN where the input is missing): no object per interval.
 */
export type IntervalBatch = { length: number } & Record<(typeof INTERVAL_FIELDS)[number], Float64Array>;

function newBatch(capacity: number): IntervalBatch {
  const batch = { length: 0 } as IntervalBatch;
  for (const f of INTERVAL_FIELDS) batch[f] = new Float64Array(capacity).fill(NaN);
  return batch;
}

/** The first `length` intervals of a batch (views, no copy). */
function trimmed(batch: IntervalBatch): IntervalBatch {
  const out = { length: batch.length } as IntervalBatch;
  for (const f of INTERVAL_FIELDS) out[f] = batch[f].subarray(0, batch.length);
  return out;
}

/** The intervals k of `b` with keep(k), as a new batch. */
export function selectIntervals(b: IntervalBatch, keep: (k: number) => boolean): IntervalBatch {
  const index: number[] = [];
  for (let k = 0; k < b.length; k++) if (keep(k)) index.push(k);
  const out = newBatch(index.length);
  out.length = index.length;
  for (const f of INTERVAL_FIELDS) index.forEach((k, i) => (out[f][i] = b[f][k]));
  return out;
}

/** Batches end to end, as one. */
export function concatBatches(batches: readonly IntervalBatch[]): IntervalBatch {
  const out = newBatch(batches.reduce((n, b) => n + b.length, 0));
  for (const b of batches) {
    for (const f of INTERVAL_FIELDS) out[f].set(b[f].subarray(0, b.length), out.length);
    out.length += b.length;
  }
  return out;
}

/** What to read of one channel. */
export interface ReadOptions {
  tenantId: string;
  /** Every channel of the tenant (the adherence headcount spreads agents over them). */
  all: readonly Channel[];
  channel: Channel;
  granularity: Granularity;
  /** Zone the periods are cut in (the channel's, or UTC for the all-channels rows). */
  timeZone: string;
  fromMs: number;
  toMs: number;
  /** Forecast versions read, newest first (the newest holding an interval is its forecast); none: no forecast. May still be being looked up. */
  versionIds: readonly string[] | Promise<readonly string[]>;
  /** Plans: false for none, null for the newest covering each interval, else that plan. */
  plan: string | null | false;
  /** Intervals per batch (and per SQL chunk). */
  batchSize: number;
}

/** Rows of the first chunk and batch of a read. */
const FIRST_CHUNK = 500;

/** A keyset-chunked, start-ordered read of one table; the next chunk is fetched while this one is merged. */
class Source {
  chunk: ChunkColumns = { length: 0, columns: [] };
  i = 0;
  done: boolean;
  private next: Promise<ChunkColumns> | null = null;

  /** Rows asked of the next fetch: a small first chunk (the first byte leaves soon), then `chunkSize`. */
  private limit: number;

  constructor(private readonly fetch: ((fromMs: number, limit: number) => Promise<ChunkColumns>) | null, private fromMs: number, private readonly chunkSize: number) {
    this.done = fetch === null;
    this.limit = Math.min(FIRST_CHUNK, chunkSize);
  }

  /** Whether the buffer is empty but the table may hold more. */
  get starved(): boolean {
    return this.i >= this.chunk.length && !this.done;
  }

  async fill(): Promise<void> {
    this.chunk = await (this.next ?? this.fetch!(this.fromMs, this.limit));
    this.next = null;
    this.i = 0;
    if (this.chunk.length < this.limit) this.done = true;
    else {
      this.fromMs = this.chunk.columns[0][this.chunk.length - 1] + 1;
      if (!Number.isFinite(this.fromMs)) throw new Error('interval reader: a chunk row has no interval start');
      this.limit = this.chunkSize;
      // Prefetch: the database reads the next chunk while this one is merged and sent.
      this.next = this.fetch!(this.fromMs, this.limit);
      this.next.catch(() => undefined);
    }
  }

  /** Interval start of the current row, or Infinity when the buffer is empty. */
  head(): number {
    return this.i < this.chunk.length ? this.chunk.columns[0][this.i] : Infinity;
  }

  /** Lets a pending prefetch settle (so no query outlives the read). */
  async settle(): Promise<void> {
    if (this.next) await this.next.catch(() => undefined);
  }
}

/**
 * Reads a channel's intervals for the reports: forecast, actuals and plan each read in chunks
 * along their primary keys and merged by interval start, in batches; each batch gets the
 * scheduled and staffed agents of the adherence headcount, asked only when schedules or agent
 * states overlap the batch (a cheap existence check first).
 */
@Injectable()
export class IntervalReader {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly adherence: AdherenceService,
  ) {}

  async *batches(o: ReadOptions): AsyncGenerator<IntervalBatch> {
    if (o.fromMs >= o.toMs) return;
    const q = (fromMs: number, limit: number): ChunkQuery => ({
      tenantId: o.tenantId, channelId: o.channel.id, timeZone: o.timeZone, granularity: o.granularity, fromMs, toMs: o.toMs, limit,
    });
    const plan = o.plan;
    const [versionIds, plans, inRange] = await Promise.all([
      o.versionIds,
      plan === false ? [] : this.repository.plansCovering(o.tenantId, o.channel.code),
      this.repository.headcountInputs(o.tenantId, o.fromMs, o.toMs),
    ]);
    const goals = new Map(plans.map((x) => [x.id, x.goal]));
    // The given plan, else every plan covering the channel (the newest wins per interval).
    const planIds = plan === false ? [] : plan === null ? plans.map((x) => x.id) : [plan];
    const f = new Source(versionIds.length === 0 ? null : (from, limit) => this.repository.forecastChunk(q(from, limit), versionIds), o.fromMs, o.batchSize);
    const a = new Source((from, limit) => this.repository.actualsChunk(q(from, limit)), o.fromMs, o.batchSize);
    const pl = new Source(planIds.length === 0 ? null : (from, limit) => this.repository.planChunk(q(from, limit), planIds), o.fromMs, o.batchSize);
    const sources = [f, a, pl] as const;
    try {
      // No schedule or agent state in the whole range: no batch asks the headcount.
      const headcount = inRange.schedules || inRange.states;
      yield* this.merge(o, f, a, pl, planIds.map((id) => goals.get(id) ?? null), headcount);
    } finally {
      await Promise.all(sources.map((s) => s.settle()));
    }
  }

  private async *merge(o: ReadOptions, f: Source, a: Source, pl: Source, goals: ReadonlyArray<number | null>, headcount: boolean): AsyncGenerator<IntervalBatch> {
    const sources = [f, a, pl] as const;
    let size = Math.min(FIRST_CHUNK, o.batchSize);
    let b = newBatch(size);
    for (;;) {
      await Promise.all(sources.filter((s) => s.starved).map((s) => s.fill()));
      if (sources.every((s) => s.head() === Infinity)) break;
      // Merge while no source needs a refill.
      while (!sources.some((s) => s.starved)) {
        const t = Math.min(f.head(), a.head(), pl.head());
        if (t === Infinity) break;
        const k = b.length++;
        b.t[k] = t;
        let p = NaN;
        if (f.head() === t) {
          const c = f.chunk.columns;
          p = c[1][f.i];
          b.volume[k] = c[F_VOLUME][f.i];
          b.ahtSeconds[k] = c[F_AHT][f.i];
          f.i++;
        }
        if (a.head() === t) {
          const c = a.chunk.columns;
          const i = a.i++;
          if (p !== p) p = c[1][i];
          // An actuals row counts its missing counts as zero (its offered marks it present).
          b.offered[k] = c[A_OFFERED][i];
          b.answered[k] = zero(c[A_ANSWERED][i]);
          b.abandoned[k] = zero(c[A_ABANDONED][i]);
          b.within[k] = zero(c[A_WITHIN][i]);
          b.thresholdSeconds[k] = c[A_THRESHOLD][i];
          b.handleSeconds[k] = zero(c[A_HANDLE][i]);
          b.waitSeconds[k] = zero(c[A_WAIT][i]);
          b.staffed[k] = c[A_STAFFED][i];
        }
        if (pl.head() === t) {
          const c = pl.chunk.columns;
          const i = pl.i++;
          if (p !== p) p = c[1][i];
          b.agents[k] = c[P_AGENTS][i];
          b.agentsFractional[k] = c[P_FRACTIONAL][i];
          b.goal[k] = goals[c[P_PLAN][i]] ?? NaN;
        }
        b.p[k] = p === p ? p : t;
        if (b.length >= size) {
          yield headcount ? await this.withHeadcount(o, b) : b;
          size = o.batchSize;
          b = newBatch(size);
        }
      }
    }
    if (b.length) yield headcount ? await this.withHeadcount(o, trimmed(b)) : trimmed(b);
  }

  /** Scheduled agents, and staffed agents where the actuals have none, from the adherence headcount. */
  private async withHeadcount(o: ReadOptions, b: IntervalBatch): Promise<IntervalBatch> {
    const fromMs = b.t[0];
    const toMs = b.t[b.length - 1] + o.channel.intervalMinutes * 60_000;
    const inputs = await this.repository.headcountInputs(o.tenantId, fromMs, toMs);
    if (!inputs.schedules && !(inputs.states && b.staffed.some((x) => x !== x))) return b;
    const hc = await this.adherence.headcountColumns(o.tenantId, o.all, [o.channel], fromMs, toMs);
    const h = hc.channels[0];
    if (!h) return b;
    const step = h.intervalSeconds * 1000;
    for (let k = 0; k < b.length; k++) {
      const j = (b.t[k] - h.startMs[0]) / step;
      if (!(j >= 0 && j < h.length && Number.isInteger(j))) continue;
      // NaN where no schedule (agent state) covers the interval: missing, not zero.
      b.scheduled[k] = h.scheduledAgents[j];
      if (b.staffed[k] !== b.staffed[k]) b.staffed[k] = h.staffedAgents[j];
    }
    return b;
  }
}

/** NaN (a missing value) as 0. */
export const zero = (x: number): number => (x === x ? x : 0);

/** Whether the queueing models can be evaluated for interval k: staffed agents, offered contacts, answered ones with handle time. */
export function predictable(b: IntervalBatch, k: number): boolean {
  return b.staffed[k] === b.staffed[k] && b.offered[k] > 0 && b.answered[k] > 0 && b.handleSeconds[k] > 0;
}

/**
 * Service level the model predicts per interval for the staffed agents, the offered volume and
 * the actual AHT (handle ÷ answered), at the threshold the actuals were counted at (so it
 * compares with the achieved level), under the ICMI definition (answered and abandoned within
 * the threshold ÷ answered and abandoned); NaN where not `predictable`.
 */
export function predictServiceLevel(channel: Channel, b: IntervalBatch, model: 'erlang-c' | 'erlang-a', patienceSeconds?: number): Float64Array {
  const out = new Float64Array(b.length).fill(NaN);
  const byThreshold = new Map<number, number[]>();
  for (let k = 0; k < b.length; k++) {
    if (!predictable(b, k)) continue;
    const threshold = b.thresholdSeconds[k] === b.thresholdSeconds[k] ? b.thresholdSeconds[k] : channel.thresholdSeconds;
    let list = byThreshold.get(threshold);
    if (!list) byThreshold.set(threshold, (list = []));
    list.push(k);
  }
  for (const [thresholdSeconds, index] of byThreshold) {
    const serviceLevel = new Float64Array(index.length);
    evaluateStaffingBatch(
      {
        model,
        intervalSeconds: channel.intervalMinutes * 60,
        volume: Float64Array.from(index, (k) => b.offered[k]),
        ahtSeconds: Float64Array.from(index, (k) => b.handleSeconds[k] / b.answered[k]),
        agents: Float64Array.from(index, (k) => Math.max(0, b.staffed[k])),
        thresholdSeconds,
        concurrency: channel.concurrency,
        ...(model === 'erlang-a' ? { patienceSeconds } : {}),
      },
      { serviceLevel },
    );
    index.forEach((k, j) => (out[k] = serviceLevel[j]));
  }
  return out;
}
