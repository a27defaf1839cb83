import { Injectable } from '@nestjs/common';
import { evaluateStaffingBatch } from '../../core/staffing/evaluate-staffing-batch.js';
import { AdherenceService } from '../adherence/adherence.service.js';
import type { Channel } from '../channels/channel.js';
import type { Granularity } from '../forecasting/dto/forecast-accuracy.dto.js';
import {
  A_ABANDONED, A_ANSWERED, A_HANDLE, A_OFFERED, A_STAFFED, A_THRESHOLD, A_WAIT, A_WITHIN, F_AHT, F_VOLUME, P_AGENTS, P_FRACTIONAL, P_PLAN,
  ReportsRepository, type ChunkQuery, type ChunkRow,
} from './reports.repository.js';

/** One interval of a channel with everything the reports read (null: input missing). */
export interface ComparisonInterval {
  /** Period start, UTC ms. */
  p: number;
  /** Interval start, UTC ms. */
  t: number;
  volume: number | null;
  ahtSeconds: number | null;
  offered: number | null;
  answered: number | null;
  abandoned: number | null;
  /** Answered + abandoned within the threshold of the actuals. */
  within: number | null;
  thresholdSeconds: number | null;
  handleSeconds: number | null;
  waitSeconds: number | null;
  agents: number | null;
  agentsFractional: number | null;
  goal: number | null;
  /** Scheduled productive agents (schedules); null when no schedule covers the batch. */
  scheduled: number | null;
  /** Staffed agents: agents_staffed of the actuals, else productive agents of the agent states. */
  staffed: number | null;
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
  /** Forecast version read, or null for none (may still be being looked up). */
  versionId: string | null | Promise<string | null>;
  /** Plans: false for none, null for the newest covering each interval, else that plan. */
  plan: string | null | false;
  /** Intervals per batch (and per SQL chunk). */
  batchSize: number;
}

/** Rows of the first chunk and batch of a read. */
const FIRST_CHUNK = 500;

/** A keyset-chunked, start-ordered read of one table; the next chunk is fetched while this one is merged. */
class Source {
  rows: ChunkRow[] = [];
  i = 0;
  done: boolean;
  private next: Promise<ChunkRow[]> | null = null;

  /** Rows asked of the next fetch: a small first chunk (the first byte leaves soon), then `chunk`. */
  private limit: number;

  constructor(private readonly fetch: ((fromMs: number, limit: number) => Promise<ChunkRow[]>) | null, private fromMs: number, private readonly chunk: number) {
    this.done = fetch === null;
    this.limit = Math.min(FIRST_CHUNK, chunk);
  }

  /** Whether the buffer is empty but the table may hold more. */
  get starved(): boolean {
    return this.i >= this.rows.length && !this.done;
  }

  async fill(): Promise<void> {
    this.rows = await (this.next ?? this.fetch!(this.fromMs, this.limit));
    this.next = null;
    this.i = 0;
    if (this.rows.length < this.limit) this.done = true;
    else {
      this.fromMs = this.rows[this.rows.length - 1][0]! + 1;
      if (!Number.isFinite(this.fromMs)) throw new Error('interval reader: a chunk row has no interval start');
      this.limit = this.chunk;
      // Prefetch: the database reads the next chunk while this one is merged and sent.
      this.next = this.fetch!(this.fromMs, this.limit);
      this.next.catch(() => undefined);
    }
  }

  head(): ChunkRow | undefined {
    return this.i < this.rows.length ? this.rows[this.i] : undefined;
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

  async *batches(o: ReadOptions): AsyncGenerator<ComparisonInterval[]> {
    if (o.fromMs >= o.toMs) return;
    const q = (fromMs: number, limit: number): ChunkQuery => ({
      tenantId: o.tenantId, channelId: o.channel.id, timeZone: o.timeZone, granularity: o.granularity, fromMs, toMs: o.toMs, limit,
    });
    const plan = o.plan;
    const [versionId, plans] = await Promise.all([o.versionId, plan === false ? [] : this.repository.plansCovering(o.tenantId, o.channel.code)]);
    const goals = new Map(plans.map((x) => [x.id, x.goal]));
    // The given plan, else every plan covering the channel (the newest wins per interval).
    const planIds = plan === false ? [] : plan === null ? plans.map((x) => x.id) : [plan];
    const f = new Source(versionId === null ? null : (from, limit) => this.repository.forecastChunk(q(from, limit), versionId), o.fromMs, o.batchSize);
    const a = new Source((from, limit) => this.repository.actualsChunk(q(from, limit)), o.fromMs, o.batchSize);
    const pl = new Source(planIds.length === 0 ? null : (from, limit) => this.repository.planChunk(q(from, limit), planIds), o.fromMs, o.batchSize);
    const sources = [f, a, pl] as const;
    try {
      yield* this.merge(o, f, a, pl, planIds.map((id) => goals.get(id) ?? null));
    } finally {
      await Promise.all(sources.map((s) => s.settle()));
    }
  }

  private async *merge(o: ReadOptions, f: Source, a: Source, pl: Source, goals: ReadonlyArray<number | null>): AsyncGenerator<ComparisonInterval[]> {
    const sources = [f, a, pl] as const;
    let batch: ComparisonInterval[] = [];
    let first = true;
    for (;;) {
      await Promise.all(sources.filter((s) => s.starved).map((s) => s.fill()));
      if (sources.every((s) => s.head() === undefined)) break;
      // Merge while no source needs a refill.
      while (!sources.some((s) => s.starved)) {
        const fh = f.head();
        const ah = a.head();
        const ph = pl.head();
        const t = Math.min(fh ? fh[0]! : Infinity, ah ? ah[0]! : Infinity, ph ? ph[0]! : Infinity);
        if (t === Infinity) break;
        const fr = fh && fh[0] === t ? fh : undefined;
        const ar = ah && ah[0] === t ? ah : undefined;
        const pr = ph && ph[0] === t ? ph : undefined;
        if (fr) f.i++;
        if (ar) a.i++;
        if (pr) pl.i++;
        batch.push({
          p: (fr ?? ar ?? pr)![1] ?? t,
          t,
          volume: fr ? fr[F_VOLUME] : null,
          ahtSeconds: fr ? fr[F_AHT] : null,
          offered: ar ? ar[A_OFFERED] : null,
          answered: ar ? ar[A_ANSWERED] : null,
          abandoned: ar ? ar[A_ABANDONED] : null,
          within: ar ? ar[A_WITHIN] : null,
          thresholdSeconds: ar ? ar[A_THRESHOLD] : null,
          handleSeconds: ar ? ar[A_HANDLE] : null,
          waitSeconds: ar ? ar[A_WAIT] : null,
          agents: pr ? pr[P_AGENTS] : null,
          agentsFractional: pr ? pr[P_FRACTIONAL] : null,
          goal: pr ? goals[pr[P_PLAN]!] : null,
          scheduled: null,
          staffed: ar ? ar[A_STAFFED] : null,
        });
        if (batch.length >= (first ? Math.min(FIRST_CHUNK, o.batchSize) : o.batchSize)) {
          first = false;
          yield await this.withHeadcount(o, batch);
          batch = [];
        }
      }
    }
    if (batch.length) yield await this.withHeadcount(o, batch);
  }

  /** Scheduled agents, and staffed agents where the actuals have none, from the adherence headcount. */
  private async withHeadcount(o: ReadOptions, rows: ComparisonInterval[]): Promise<ComparisonInterval[]> {
    const fromMs = rows[0].t;
    const toMs = rows[rows.length - 1].t + o.channel.intervalMinutes * 60_000;
    const inputs = await this.repository.headcountInputs(o.tenantId, fromMs, toMs);
    if (!inputs.schedules && !(inputs.states && rows.some((r) => r.staffed === null))) return rows;
    const hc = await this.adherence.headcountIntervals(o.tenantId, o.all, [o.channel], fromMs, toMs);
    const byStart = new Map(hc.rows.map((h) => [Date.parse(h.periodStart), h]));
    for (const r of rows) {
      const h = byStart.get(r.t);
      r.scheduled = hc.schedules > 0 && h ? h.scheduled : null;
      if (r.staffed === null) r.staffed = hc.states > 0 && h ? h.staffed : null;
    }
    return rows;
  }
}

/** Whether the queueing models can be evaluated for an interval: staffed agents, offered contacts, answered ones with handle time. */
export function predictable(r: ComparisonInterval): boolean {
  return r.staffed !== null && r.offered !== null && r.offered > 0 && (r.answered ?? 0) > 0 && (r.handleSeconds ?? 0) > 0;
}

/**
 * Service level the model predicts per interval for the staffed agents, the offered volume and
 * the actual AHT (handle ÷ answered), at the threshold the actuals were counted at (so it
 * compares with the achieved level), under the ICMI definition (answered and abandoned within
 * the threshold ÷ answered and abandoned); NaN where not `predictable`.
 */
export function predictServiceLevel(channel: Channel, rows: readonly ComparisonInterval[], model: 'erlang-c' | 'erlang-a', patienceSeconds?: number): Float64Array {
  const out = new Float64Array(rows.length).fill(NaN);
  const byThreshold = new Map<number, number[]>();
  rows.forEach((r, k) => {
    if (!predictable(r)) return;
    const threshold = r.thresholdSeconds ?? channel.thresholdSeconds;
    let list = byThreshold.get(threshold);
    if (!list) byThreshold.set(threshold, (list = []));
    list.push(k);
  });
  for (const [thresholdSeconds, index] of byThreshold) {
    const serviceLevel = new Float64Array(index.length);
    evaluateStaffingBatch(
      {
        model,
        intervalSeconds: channel.intervalMinutes * 60,
        volume: Float64Array.from(index, (k) => rows[k].offered!),
        ahtSeconds: Float64Array.from(index, (k) => rows[k].handleSeconds! / rows[k].answered!),
        agents: Float64Array.from(index, (k) => Math.max(0, rows[k].staffed!)),
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
