import type { ColumnSpec, RowIssue } from '../../core/ingest/types.js';
import type { BinaryCopyWriter } from '../uploads/binary-copy-writer.js';
import type { ChunkContext, IngestTransaction, ResolvedChannel, RowSink } from '../uploads/ingest.types.js';
import { rejectStagedRows } from '../uploads/row-errors.js';
import { minutesOfDay, WEEKDAY_CODES } from './scheduling-rules.js';
import { AGENT_STAGING_COLUMNS, AGENT_STAGING_DDL, type SchedulingRepository } from './scheduling.repository.js';

export const AGENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'agent_id', required: true },
  { name: 'team', required: false },
  { name: 'channels', required: true },
  { name: 'min_weekly_hours', required: false },
  { name: 'max_weekly_hours', required: false },
  { name: 'available_days', required: false },
  { name: 'available_from', required: false },
  { name: 'available_to', required: false },
];
const [AGENT, TEAM, CHANNELS, MIN, MAX, DAYS, FROM, TO] = [0, 1, 2, 3, 4, 5, 6, 7];

/** Defaults of a roster row that leaves them out (docs/scheduling-api.md). */
export const DEFAULT_MIN_WEEKLY_HOURS = 0;
export const DEFAULT_MAX_WEEKLY_HOURS = 40;
const MAX_WEEKLY_HOURS = 168;

/** What a roster upload answers. */
export interface AgentsResult {
  uploadId: string;
  kind: 'agents';
  rows: number;
  /** Agents that were new. */
  inserted: number;
  /** Agents whose stored contract the upload replaced. */
  updated: number;
}

/** Hours as a whole number of minutes (quarter-hours at most precise), or a reason. */
export function weeklyMinutes(text: string): number | string {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return 'must be a number of hours such as 37.5';
  const v = Number(text);
  if (v > MAX_WEEKLY_HOURS) return `must be at most ${MAX_WEEKLY_HOURS} hours`;
  const minutes = v * 60;
  if (Math.abs(minutes - Math.round(minutes / 15) * 15) > 1e-9) return 'must be a whole number of quarter-hours (37.5, 20.25 ...)';
  return Math.round(minutes);
}

/** `mon|tue|...` (also `mon-fri`, a range in week order), or a reason. */
export function weekdays(text: string): string[] | string {
  const out: string[] = [];
  for (const part of text.split('|').map((p) => p.trim().toLowerCase())) {
    const range = /^([a-z]{3})-([a-z]{3})$/.exec(part);
    const [a, b] = range ? [WEEKDAY_CODES.indexOf(range[1] as never), WEEKDAY_CODES.indexOf(range[2] as never)] : [WEEKDAY_CODES.indexOf(part as never), -2];
    if (a < 0 || b === -1 || (b >= 0 && b < a)) return `${part || '(empty)'} is not a weekday (mon, tue, wed, thu, fri, sat, sun) or a range of them (mon-fri)`;
    for (let d = a; d <= (b >= 0 ? b : a); d++) if (!out.includes(WEEKDAY_CODES[d])) out.push(WEEKDAY_CODES[d]);
  }
  return WEEKDAY_CODES.filter((d) => out.includes(d));
}

/**
 * The scheduling roster: one row per agent (`agent_id, team, channels` — `|`-separated codes of
 * the tenant —, `min_weekly_hours, max_weekly_hours, available_days, available_from,
 * available_to`). An agent named again by a later upload is replaced; an agent named twice in
 * one upload is refused naming both lines.
 */
export class AgentsSink implements RowSink<AgentsResult, null> {
  readonly kind = 'agents' as const;
  readonly channelFree = true;
  readonly columns = AGENT_COLUMNS;
  readonly stagingColumns = AGENT_STAGING_COLUMNS;
  readonly stagingColumnsDdl = AGENT_STAGING_DDL;

  constructor(
    private readonly repository: SchedulingRepository,
    private readonly channels: ReadonlySet<string>,
    private readonly mode: 'csv' | 'json',
  ) {}

  accept(fields: readonly string[], p: Int32Array, _channel: ResolvedChannel, line: number, w: BinaryCopyWriter, issues: RowIssue[]): boolean {
    const get = (k: number): string => (p[k] >= 0 ? (fields[p[k]] ?? '').trim() : '');
    const agent = get(AGENT);
    if (agent === '') issues.push({ column: 'agent_id', value: '', reason: 'is required' });
    else if (agent.length > 100) issues.push({ column: 'agent_id', value: agent.slice(0, 20), reason: 'must be at most 100 characters' });
    const team = get(TEAM);
    if (team.length > 100) issues.push({ column: 'team', value: team.slice(0, 20), reason: 'must be at most 100 characters' });
    const channelsText = get(CHANNELS);
    const codes = channelsText === '' ? [] : channelsText.split('|').map((c) => c.trim());
    if (codes.length === 0) issues.push({ column: 'channels', value: '', reason: 'is required' });
    for (const c of codes) if (!this.channels.has(c)) issues.push({ column: 'channels', value: channelsText, reason: `channel ${c === '' ? '(empty)' : c} is not a channel of the tenant` });
    if (new Set(codes).size !== codes.length) issues.push({ column: 'channels', value: channelsText, reason: 'names a channel twice' });
    const hours = (k: number, column: string, fallback: number): number => {
      const text = get(k);
      if (text === '') return fallback * 60;
      const v = weeklyMinutes(text);
      if (typeof v === 'string') {
        issues.push({ column, value: text, reason: v });
        return NaN;
      }
      return v;
    };
    const min = hours(MIN, 'min_weekly_hours', DEFAULT_MIN_WEEKLY_HOURS);
    const max = hours(MAX, 'max_weekly_hours', DEFAULT_MAX_WEEKLY_HOURS);
    if (min > max) issues.push({ column: 'max_weekly_hours', value: get(MAX), reason: 'must not be less than min_weekly_hours' });
    const daysText = get(DAYS);
    const days = daysText === '' ? [...WEEKDAY_CODES] : weekdays(daysText);
    if (typeof days === 'string') issues.push({ column: 'available_days', value: daysText, reason: days });
    const time = (k: number, column: string): number | null => {
      const text = get(k);
      if (text === '') return null;
      const v = minutesOfDay(text);
      if (Number.isNaN(v) || v % 15 !== 0) {
        issues.push({ column, value: text, reason: 'must be a local time HH:MM on the quarter-hour (00:00 to 24:00)' });
        return null;
      }
      return v;
    };
    const from = time(FROM, 'available_from');
    const to = time(TO, 'available_to');
    if (from !== null && to !== null && !(to > from)) issues.push({ column: 'available_to', value: get(TO), reason: 'must be after available_from' });
    if (issues.length > 0 || typeof days === 'string') return false;
    w.beginRow(9, 64 + (agent.length + team.length + channelsText.length + 40) * 3);
    w.int4(line);
    w.text(agent);
    w.text(team);
    w.text(codes.join('|'));
    w.int4(min);
    w.int4(max);
    w.text(days.join('|'));
    w.int4OrNull(from);
    w.int4OrNull(to);
    return true;
  }

  sealChunk(): null {
    return null;
  }

  /** Chunks stay staged: a repeated agent needs every row, so all is merged in `finish`. */
  mergeChunk(_ctx: ChunkContext, _table: string, _info: null): Promise<boolean> {
    return Promise.resolve(true);
  }

  async finish(tx: IngestTransaction): Promise<AgentsResult> {
    const repeats = await this.repository.stagedRepeats(tx.client, tx.stagingTables);
    if (repeats.length) {
      rejectStagedRows(this.mode, repeats, (r, where) => ({ column: 'agent_id', value: r.agentId, reason: `agent ${r.agentId} is named twice: ${where}s ${r.otherLine} and ${r.line}` }));
    }
    const out = await this.repository.mergeAgents(tx.client, tx.tenantId, tx.uploadId, tx.stagingTables);
    return { uploadId: tx.uploadId, kind: 'agents', rows: tx.rows, inserted: out.inserted, updated: out.updated };
  }
}
