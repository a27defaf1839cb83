import type { ColumnSpec, RowIssue } from '../../core/ingest/types.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { parseTimestamp, type ParsedTimestamp } from '../../core/time/parse-timestamp.js';
import type { BinaryCopyWriter } from '../uploads/binary-copy-writer.js';
import type { ChunkContext, IngestTransaction, ResolvedChannel, RowSink } from '../uploads/ingest.types.js';
import { STATE_STAGING_COLUMNS, STATE_STAGING_DDL, type AdherenceRepository, type AgentSpans } from './adherence.repository.js';
import { rejectConflicts } from './schedules.sink.js';

export const STATE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'agent_id', required: true },
  { name: 'state', required: true },
  { name: 'start', required: false, timestamp: true },
  { name: 'end', required: false, timestamp: true },
  { name: 'at', required: false, timestamp: true },
];
const [AGENT, STATE, START, END, AT] = [0, 1, 2, 3, 4];
const MAX_STATE_MS = 48 * 3_600_000;

/** What an agent-state upload answers. */
export interface AgentStatesResult {
  uploadId: string;
  kind: 'agent-states';
  form: 'segments' | 'events';
  rows: number;
  agents: number;
  /** State segments stored (events: one fewer per agent when its last event ends the log). */
  segments: number;
  replacedRows: number;
  from: string | null;
  to: string | null;
}

/**
 * Agent states from the ACD: `agent_id,state,start,end` segments, or `agent_id,state,at` events
 * (each closed by the agent's next event; the last ones by the latest event of the upload).
 * Instants must carry an offset (states have no channel to lend a time zone). The upload
 * replaces each agent's stored states over the span it covers.
 */
/** One agent's rows so far in a segment upload (for the streamed order and overlap check). */
interface AgentTrack {
  lastStart: number;
  lastEnd: number;
  /** Span of the agent's rows over the whole upload (epoch ms). */
  lo: number;
  hi: number;
  /** The last chunk that held a row of the agent, and whether several chunks did. */
  chunk: number;
  split: boolean;
}

/** Spans of the agents of one chunk (epoch ms), what its merge replaces. */
type ChunkSpans = Map<string, { lo: number; hi: number }>;

const toSpans = (m: ReadonlyMap<string, { lo: number; hi: number }>): AgentSpans => {
  const out: AgentSpans = { agents: [], loSeconds: [], hiSeconds: [] };
  for (const [agent, s] of m) {
    out.agents.push(agent);
    out.loSeconds.push(s.lo / 1000);
    out.hiSeconds.push(s.hi / 1000);
  }
  return out;
};

export class AgentStatesSink implements RowSink<AgentStatesResult, ChunkSpans | null> {
  readonly kind = 'agent-states' as const;
  readonly channelFree = true;
  readonly columns = STATE_COLUMNS;
  readonly stagingColumns = STATE_STAGING_COLUMNS;
  readonly stagingColumnsDdl = STATE_STAGING_DDL;
  private form: 'segments' | 'events' | null = null;
  private readonly ts: ParsedTimestamp = { localMs: 0, offsetMinutes: null };
  /**
   * Segment uploads are merged chunk by chunk while the body is still arriving (see
   * `mergeChunk`). Rows of each agent that arrive in time order without overlapping (what an
   * ACD export gives) need no overlap query: `ordered` stays true. Otherwise `finish` runs it.
   */
  private readonly agents = new Map<string, AgentTrack>();
  private ordered = true;
  private chunks = 0;
  private chunkSpans: ChunkSpans = new Map();
  private maxStateMs = 0;
  /** Merge state: the tenant's longest stored state (seconds, 0: none; null until read), rows and replacements. */
  private storedMaxSeconds: number | null = null;
  private inserted = 0;
  private replaced = 0;
  private mergeConflict = false;

  constructor(
    private readonly repository: AdherenceRepository,
    private readonly states: ReadonlySet<string>,
    private readonly mode: 'csv' | 'json',
  ) {}

  private instant(text: string, column: string, issues: RowIssue[]): number | null {
    if (!parseTimestamp(text, this.ts)) {
      issues.push({ column, value: text, reason: 'must be a timestamp with an offset such as 2026-03-02T09:30:00+01:00 or 2026-03-02T08:30:00Z' });
      return null;
    }
    if (this.ts.offsetMinutes === null) {
      issues.push({ column, value: text, reason: 'must carry an offset (Z or ±HH:MM): agent states have no channel to give a time zone' });
      return null;
    }
    return this.ts.localMs - this.ts.offsetMinutes * 60_000;
  }

  accept(fields: readonly string[], p: Int32Array, _channel: ResolvedChannel, line: number, w: BinaryCopyWriter, issues: RowIssue[]): boolean {
    const get = (k: number): string => (p[k] >= 0 ? (fields[p[k]] ?? '').trim() : '');
    // The first row decides the form: events when it has an `at` value (CSV: an `at` column).
    if (this.form === null) this.form = p[AT] >= 0 && (this.mode === 'csv' || get(AT) !== '') ? 'events' : 'segments';
    const agent = get(AGENT);
    if (agent === '') issues.push({ column: 'agent_id', value: '', reason: 'is required' });
    else if (agent.length > 100) issues.push({ column: 'agent_id', value: agent.slice(0, 20), reason: 'must be at most 100 characters' });
    const state = get(STATE);
    if (!this.states.has(state)) issues.push({ column: 'state', value: state, reason: `must be a state of the list: ${[...this.states].join(', ')} (PUT /api/v1/adherence/rules)` });
    let start: number | null = null;
    let end: number | null = null;
    if (this.form === 'events') {
      if (get(START) !== '' || get(END) !== '') issues.push({ column: get(START) !== '' ? 'start' : 'end', value: '', reason: 'give either start and end, or at (the first row used at)' });
      start = this.instant(get(AT), 'at', issues);
    } else if (p[START] < 0 || p[END] < 0) {
      issues.push({ column: p[START] < 0 ? 'start' : 'end', value: '', reason: 'required column is missing (or give at for events)' });
    } else if (get(AT) !== '') {
      issues.push({ column: 'at', value: get(AT), reason: 'give either start and end, or at (the first row used start and end)' });
    } else {
      start = this.instant(get(START), 'start', issues);
      end = this.instant(get(END), 'end', issues);
      if (start !== null && end !== null && !(end > start)) issues.push({ column: 'end', value: get(END), reason: 'must be after start' });
      else if (start !== null && end !== null && end - start > MAX_STATE_MS) issues.push({ column: 'end', value: get(END), reason: 'a state lasts at most 48 hours' });
    }
    if (issues.length > 0 || start === null) return false;
    if (end !== null) this.track(agent, start, end);
    w.beginRow(5, 48 + agent.length * 3 + state.length * 3);
    w.int4(line);
    w.text(agent);
    w.text(state);
    w.timestamptz(start);
    w.timestamptzOrNull(end);
    return true;
  }

  /** Order, overlap and spans of a segment row, per agent and per chunk. */
  private track(agent: string, start: number, end: number): void {
    if (end - start > this.maxStateMs) this.maxStateMs = end - start;
    const t = this.agents.get(agent);
    if (!t) {
      this.agents.set(agent, { lastStart: start, lastEnd: end, lo: start, hi: end, chunk: this.chunks, split: false });
    } else {
      if (start < t.lastEnd) this.ordered = false; // out of order, or overlapping: finish checks in SQL
      t.lastStart = start;
      t.lastEnd = end;
      if (start < t.lo) t.lo = start;
      if (end > t.hi) t.hi = end;
      if (t.chunk !== this.chunks) {
        t.chunk = this.chunks;
        t.split = true;
      }
    }
    const c = this.chunkSpans.get(agent);
    if (!c) this.chunkSpans.set(agent, { lo: start, hi: end });
    else {
      if (start < c.lo) c.lo = start;
      if (end > c.hi) c.hi = end;
    }
  }

  sealChunk(): ChunkSpans | null {
    this.chunks++;
    if (this.form !== 'segments') return null;
    const spans = this.chunkSpans;
    this.chunkSpans = new Map();
    return spans;
  }

  /**
   * Segments: replaces, inside the upload's transaction, the stored states of the chunk's
   * agents over the chunk's span of each (this upload's own rows excepted) and inserts the
   * chunk, while the next chunks are read. A key clash with an earlier row of this upload (the
   * same agent and start: overlapping rows) undoes the chunk and stops the merging; `finish`
   * then names the lines. Events need every row for their ends: merged in `finish`.
   */
  async mergeChunk(ctx: ChunkContext, table: string, spans: ChunkSpans | null): Promise<boolean> {
    if (spans === null || this.mergeConflict) return true;
    this.storedMaxSeconds ??= await this.repository.maxStateSeconds(ctx.client, ctx.tenantId);
    const out = await this.repository.mergeStateChunk(ctx.client, ctx.tenantId, ctx.uploadId, table, toSpans(spans), this.storedMaxSeconds);
    if (out === 'conflict') this.mergeConflict = true;
    else {
      this.inserted += out.inserted;
      this.replaced += out.replaced;
    }
    return true;
  }

  async finish(tx: IngestTransaction): Promise<AgentStatesResult> {
    const form = this.form ?? 'segments';
    if (form === 'events') {
      const same = await this.repository.stagedSameInstants(tx.client, tx.stagingTables);
      if (same.length) rejectConflicts(same, this.mode, 'two events at the same instant', 'at');
      const out = await this.repository.replaceStateEvents(tx.client, tx.tenantId, tx.uploadId, tx.stagingTables);
      return this.result(tx, form, out);
    }
    if (!this.ordered || this.mergeConflict) {
      const overlaps = await this.repository.stagedOverlaps(tx.client, tx.stagingTables);
      if (overlaps.length) rejectConflicts(overlaps, this.mode, 'overlapping states');
      if (this.mergeConflict) throw new Error('agent states: a key clash without overlapping rows');
    }
    // Agents whose rows came in several chunks: stored states in the gaps between the chunks'
    // spans are inside the upload's span of the agent and go too.
    const split = new Map<string, { lo: number; hi: number }>();
    let lo = Infinity;
    let hi = -Infinity;
    for (const [agent, t] of this.agents) {
      if (t.split) split.set(agent, t);
      if (t.lo < lo) lo = t.lo;
      if (t.hi > hi) hi = t.hi;
    }
    if (split.size && this.storedMaxSeconds) this.replaced += await this.repository.deleteStatesInSpans(tx.client, tx.tenantId, tx.uploadId, toSpans(split), this.storedMaxSeconds);
    await this.repository.raiseMaxStateSeconds(tx.client, tx.tenantId, this.maxStateMs / 1000);
    return this.result(tx, form, {
      agents: this.agents.size,
      segments: this.inserted,
      replacedRows: this.replaced,
      from: Number.isFinite(lo) ? new Date(lo) : null,
      to: Number.isFinite(hi) ? new Date(hi) : null,
    });
  }

  private result(tx: IngestTransaction, form: 'segments' | 'events', out: { agents: number; segments: number; replacedRows: number; from: Date | null; to: Date | null }): AgentStatesResult {
    return {
      uploadId: tx.uploadId,
      kind: 'agent-states',
      form,
      rows: tx.rows,
      agents: out.agents,
      segments: out.segments,
      replacedRows: out.replacedRows,
      from: out.from ? formatUtcIso(out.from.getTime()) : null,
      to: out.to ? formatUtcIso(out.to.getTime()) : null,
    };
  }
}
