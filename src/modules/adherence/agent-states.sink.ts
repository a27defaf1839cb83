import type { ColumnSpec, RowIssue } from '../../core/ingest/types.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { parseTimestamp, type ParsedTimestamp } from '../../core/time/parse-timestamp.js';
import type { BinaryCopyWriter } from '../uploads/binary-copy-writer.js';
import type { ChunkContext, IngestTransaction, ResolvedChannel, RowSink } from '../uploads/ingest.types.js';
import { STATE_STAGING_COLUMNS, STATE_STAGING_DDL, type AdherenceRepository } from './adherence.repository.js';
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
export class AgentStatesSink implements RowSink<AgentStatesResult, null> {
  readonly kind = 'agent-states' as const;
  readonly channelFree = true;
  readonly columns = STATE_COLUMNS;
  readonly stagingColumns = STATE_STAGING_COLUMNS;
  readonly stagingColumnsDdl = STATE_STAGING_DDL;
  private form: 'segments' | 'events' | null = null;
  private readonly ts: ParsedTimestamp = { localMs: 0, offsetMinutes: null };

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
    w.beginRow(5, 48 + agent.length * 3 + state.length * 3);
    w.int4(line);
    w.text(agent);
    w.text(state);
    w.timestamptz(start);
    w.timestamptzOrNull(end);
    return true;
  }

  sealChunk(): null {
    return null;
  }

  /** Chunks stay staged: overlaps and event ends need every row, so all is merged in `finish`. */
  mergeChunk(_ctx: ChunkContext, _table: string, _info: null): Promise<boolean> {
    return Promise.resolve(true);
  }

  async finish(tx: IngestTransaction): Promise<AgentStatesResult> {
    const form = this.form ?? 'segments';
    if (form === 'events') {
      const same = await this.repository.stagedSameInstants(tx.client, tx.stagingTables);
      if (same.length) rejectConflicts(same, this.mode, 'two events at the same instant', 'at');
    } else {
      const overlaps = await this.repository.stagedOverlaps(tx.client, tx.stagingTables);
      if (overlaps.length) rejectConflicts(overlaps, this.mode, 'overlapping states');
    }
    const out = await this.repository.replaceStates(tx.client, tx.tenantId, tx.uploadId, tx.stagingTables, form);
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
