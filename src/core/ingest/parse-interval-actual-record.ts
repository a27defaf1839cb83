import { checkNumber } from './check-number.js';
import { resolveIntervalStart } from './resolve-interval-start.js';
import type { ChannelGrid, ColumnSpec, RowIssue } from './types.js';

/** Columns of an interval-actuals upload (an ACD interval report). */
export const INTERVAL_ACTUAL_COLUMNS: readonly ColumnSpec[] = [
  { name: 'channel', required: true },
  { name: 'interval_start', required: true, timestamp: true },
  { name: 'offered', required: true },
  { name: 'answered', required: true },
  { name: 'abandoned', required: true },
  { name: 'answered_within_threshold', required: true },
  { name: 'abandoned_within_threshold', required: true },
  { name: 'threshold_seconds', required: true },
  { name: 'handle_seconds', required: true },
  { name: 'wait_seconds', required: true },
  { name: 'talk_seconds', required: false },
  { name: 'hold_seconds', required: false },
  { name: 'acw_seconds', required: false },
  { name: 'agents_staffed', required: false },
  { name: 'agent_seconds_available', required: false },
];

/** Counts (whole numbers) then seconds (totals over the interval) of one interval. */
export interface IntervalActualValues {
  intervalStartMs: number;
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithinThreshold: number;
  abandonedWithinThreshold: number;
  thresholdSeconds: number;
  handleSeconds: number;
  waitSeconds: number;
  talkSeconds: number | null;
  holdSeconds: number | null;
  acwSeconds: number | null;
  agentsStaffed: number | null;
  agentSecondsAvailable: number | null;
}

const COUNT_KEYS = ['offered', 'answered', 'abandoned', 'answeredWithinThreshold', 'abandonedWithinThreshold'] as const;
const SECOND_KEYS = ['thresholdSeconds', 'handleSeconds', 'waitSeconds'] as const;
const OPTIONAL_KEYS = ['talkSeconds', 'holdSeconds', 'acwSeconds', 'agentsStaffed', 'agentSecondsAvailable'] as const;

/**
 * Reads the fields of one interval-actuals row (channel already resolved to `grid`): the start
 * on the channel's grid; counts whole and >= 0; seconds finite and >= 0 (totals over the
 * interval: they add up across intervals, averages would not); optional columns empty = null.
 * Consistency: answered + abandoned <= offered, answered_within_threshold <= answered,
 * abandoned_within_threshold <= abandoned.
 *
 * Complexity O(row length).
 * @param positions index of each INTERVAL_ACTUAL_COLUMNS column in `fields`, -1 when absent
 * @returns true with `out` filled, or false with the problems appended to `issues`.
 * @example parseIntervalActualRecord(['retail','2026-03-02 09:00','100','90','5','80','3','20','18000','900'], ...) // true
 */
export function parseIntervalActualRecord(
  fields: readonly string[],
  positions: Int32Array,
  grid: ChannelGrid,
  out: IntervalActualValues,
  issues: RowIssue[],
): boolean {
  const before = issues.length;
  const startText = fieldAt(fields, positions, 1);
  const start = resolveIntervalStart(startText, grid);
  if (typeof start === 'string') issues.push({ column: 'interval_start', value: startText, reason: start });
  else out.intervalStartMs = start;
  for (let k = 0; k < COUNT_KEYS.length; k++) {
    const text = fieldAt(fields, positions, 2 + k);
    const v = checkNumber(text, 'count');
    if (typeof v === 'string') issues.push({ column: INTERVAL_ACTUAL_COLUMNS[2 + k].name, value: text, reason: v });
    else out[COUNT_KEYS[k]] = v;
  }
  for (let k = 0; k < SECOND_KEYS.length; k++) {
    const text = fieldAt(fields, positions, 7 + k);
    const v = checkNumber(text, 'non-negative');
    if (typeof v === 'string') issues.push({ column: INTERVAL_ACTUAL_COLUMNS[7 + k].name, value: text, reason: v });
    else out[SECOND_KEYS[k]] = v;
  }
  for (let k = 0; k < OPTIONAL_KEYS.length; k++) {
    const text = fieldAt(fields, positions, 10 + k);
    if (text === '' || text.trim() === '') {
      out[OPTIONAL_KEYS[k]] = null;
      continue;
    }
    const v = checkNumber(text, 'non-negative');
    if (typeof v === 'string') issues.push({ column: INTERVAL_ACTUAL_COLUMNS[10 + k].name, value: text, reason: v });
    else out[OPTIONAL_KEYS[k]] = v;
  }
  if (issues.length !== before) return false;
  if (out.answered + out.abandoned > out.offered) {
    issues.push({ column: 'offered', value: fieldAt(fields, positions, 2), reason: `answered (${out.answered}) + abandoned (${out.abandoned}) exceed offered (${out.offered})` });
  }
  if (out.answeredWithinThreshold > out.answered) {
    issues.push({ column: 'answered_within_threshold', value: fieldAt(fields, positions, 5), reason: `exceeds answered (${out.answered})` });
  }
  if (out.abandonedWithinThreshold > out.abandoned) {
    issues.push({ column: 'abandoned_within_threshold', value: fieldAt(fields, positions, 6), reason: `exceeds abandoned (${out.abandoned})` });
  }
  return issues.length === before;
}

/** The text of column k of a record ('' when the column is absent). */
function fieldAt(fields: readonly string[], positions: Int32Array, k: number): string {
  const p = positions[k];
  return p < 0 ? '' : (fields[p] ?? '');
}
