import type { ColumnSpec, RowIssue } from '../../core/ingest/types.js';
import { resolveInstant } from '../../core/ingest/resolve-instant.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import type { BinaryCopyWriter } from '../uploads/binary-copy-writer.js';
import type { ChunkContext, IngestTransaction, ResolvedChannel, RowSink } from '../uploads/ingest.types.js';
import { rejectStagedRows } from '../uploads/row-errors.js';
import { SCHEDULE_STAGING_COLUMNS, SCHEDULE_STAGING_DDL, type AdherenceRepository, type StagedConflict } from './adherence.repository.js';

export const SCHEDULE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'agent_id', required: true },
  { name: 'team', required: false },
  { name: 'channels', required: true },
  { name: 'activity', required: true },
  { name: 'start', required: true, timestamp: true },
  { name: 'end', required: true, timestamp: true },
];
const [AGENT, TEAM, CHANNELS, ACTIVITY, START, END] = [0, 1, 2, 3, 4, 5];
/** Longest accepted activity: two days (a shift is usually far shorter). */
const MAX_ACTIVITY_MS = 48 * 3_600_000;

/** What a schedule upload answers. */
export interface SchedulesResult {
  uploadId: string;
  kind: 'schedules';
  rows: number;
  agents: number;
  /** (agent, local day of the shift start) pairs written; each replaced the stored one. */
  agentDays: number;
  /** Stored activities deleted because the upload replaced their day (or overlapped them). */
  replacedRows: number;
  firstStart: string | null;
  lastEnd: string | null;
}

/** Throws 422 INVALID_ROWS naming both lines of each conflict. */
export function rejectConflicts(conflicts: readonly StagedConflict[], mode: 'csv' | 'json', what: string, column = 'start'): never {
  return rejectStagedRows(mode, conflicts, (c, where) => ({ column, value: formatUtcIso(c.startAt.getTime()), reason: `${what} of agent ${c.agentId}: ${where}s ${c.otherLine} and ${c.line}` }));
}

/**
 * Schedules: one row per scheduled activity of an agent (`agent_id,team,channels,activity,start,end`,
 * channels `|`-separated codes of the tenant). Times with an offset, or local times of the first
 * channel's zone. A re-upload of an agent's day (the local day a shift starts) replaces it.
 */
export class SchedulesSink implements RowSink<SchedulesResult, null> {
  readonly kind = 'schedules' as const;
  readonly channelFree = true;
  readonly columns = SCHEDULE_COLUMNS;
  readonly stagingColumns = SCHEDULE_STAGING_COLUMNS;
  readonly stagingColumnsDdl = SCHEDULE_STAGING_DDL;
  private first = Infinity;
  private last = -Infinity;

  constructor(
    private readonly repository: AdherenceRepository,
    private readonly channels: ReadonlyMap<string, ResolvedChannel>,
    private readonly activities: ReadonlySet<string>,
    private readonly mode: 'csv' | 'json',
  ) {}

  accept(fields: readonly string[], p: Int32Array, _channel: ResolvedChannel, line: number, w: BinaryCopyWriter, issues: RowIssue[]): boolean {
    const get = (k: number): string => (p[k] >= 0 ? (fields[p[k]] ?? '').trim() : '');
    const agent = get(AGENT);
    if (agent === '') issues.push({ column: 'agent_id', value: '', reason: 'is required' });
    else if (agent.length > 100) issues.push({ column: 'agent_id', value: agent.slice(0, 20), reason: 'must be at most 100 characters' });
    const channelsText = get(CHANNELS);
    const codes = channelsText === '' ? [] : channelsText.split('|').map((c) => c.trim());
    const known: ResolvedChannel[] = [];
    for (const c of codes) {
      const ch = this.channels.get(c);
      if (ch) known.push(ch);
      else issues.push({ column: 'channels', value: channelsText, reason: `channel ${c === '' ? '(empty)' : c} is not a channel of the tenant` });
    }
    if (new Set(codes).size !== codes.length) issues.push({ column: 'channels', value: channelsText, reason: 'names a channel twice' });
    const activity = get(ACTIVITY);
    if (!this.activities.has(activity)) {
      issues.push({ column: 'activity', value: activity, reason: `must be an activity of the list: ${[...this.activities].join(', ')} (PUT /api/v1/adherence/rules)` });
    }
    const clock = (known[0] ?? this.channels.values().next().value)?.grid.clock;
    const start = clock ? resolveInstant(get(START), clock) : 'needs a channel to read a local time';
    const end = clock ? resolveInstant(get(END), clock) : 'needs a channel to read a local time';
    if (typeof start === 'string') issues.push({ column: 'start', value: get(START), reason: start });
    if (typeof end === 'string') issues.push({ column: 'end', value: get(END), reason: end });
    if (typeof start === 'number' && typeof end === 'number') {
      if (!(end > start)) issues.push({ column: 'end', value: get(END), reason: 'must be after start' });
      else if (end - start > MAX_ACTIVITY_MS) issues.push({ column: 'end', value: get(END), reason: 'an activity lasts at most 48 hours' });
    }
    if (issues.length > 0 || typeof start !== 'number' || typeof end !== 'number' || !clock) return false;
    const team = get(TEAM);
    w.beginRow(8, 64 + agent.length * 3 + team.length * 3 + channelsText.length * 3 + activity.length * 3 + 64);
    w.int4(line);
    w.text(agent);
    w.text(team);
    w.text(codes.join('|'));
    w.text(activity);
    w.timestamptz(start);
    w.timestamptz(end);
    w.text(clock.timeZone);
    if (start < this.first) this.first = start;
    if (end > this.last) this.last = end;
    return true;
  }

  sealChunk(): null {
    return null;
  }

  /** Chunks stay staged: overlaps and days need every row, so all is merged in `finish`. */
  mergeChunk(_ctx: ChunkContext, _table: string, _info: null): Promise<boolean> {
    return Promise.resolve(true);
  }

  async finish(tx: IngestTransaction): Promise<SchedulesResult> {
    const overlaps = await this.repository.stagedOverlaps(tx.client, tx.stagingTables);
    if (overlaps.length) rejectConflicts(overlaps, this.mode, 'overlapping activities');
    const out = await this.repository.replaceSchedules(tx.client, tx.tenantId, tx.uploadId, tx.stagingTables);
    return {
      uploadId: tx.uploadId,
      kind: 'schedules',
      rows: tx.rows,
      agents: out.agents,
      agentDays: out.days,
      replacedRows: out.replacedRows,
      firstStart: Number.isFinite(this.first) ? formatUtcIso(this.first) : null,
      lastEnd: Number.isFinite(this.last) ? formatUtcIso(this.last) : null,
    };
  }
}
