import { binInstant } from './bin-instant.js';
import { checkNumber } from './check-number.js';
import { resolveInstant } from './resolve-instant.js';
import type { ChannelGrid, ColumnSpec, RowIssue } from './types.js';

/** Columns of a per-contact log (one row per call, chat, e-mail...). */
export const CONTACT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'channel', required: true },
  { name: 'contact_id', required: true },
  { name: 'arrived_at', required: true, timestamp: true },
  { name: 'answered_at', required: false, timestamp: true },
  { name: 'ended_at', required: false, timestamp: true },
  { name: 'abandoned_at', required: false, timestamp: true },
  { name: 'handle_seconds', required: false },
  { name: 'wait_seconds', required: false },
  { name: 'agent_id', required: false },
  { name: 'outcome', required: true },
  { name: 'contact_type', required: false },
];

export type ContactOutcome = 'answered' | 'abandoned' | 'ignored';
export const CONTACT_OUTCOMES: readonly ContactOutcome[] = ['answered', 'abandoned', 'ignored'];

/** One contact as read from a row, with the interval it belongs to. */
export interface ContactValues {
  contactId: string;
  arrivedMs: number;
  answeredMs: number | null;
  endedMs: number | null;
  abandonedMs: number | null;
  handleSeconds: number | null;
  waitSeconds: number | null;
  agentId: string | null;
  outcome: ContactOutcome;
  /** The contact type (free text, e.g. the bank's PS, PE, IN); null when not given. */
  contactType: string | null;
  /** Start of the channel interval in which the contact arrived (was offered to agents). */
  intervalStartMs: number;
}

const MAX_TEXT = 200;

function fieldAt(fields: readonly string[], positions: Int32Array, k: number): string {
  const p = positions[k];
  return p < 0 ? '' : (fields[p] ?? '');
}

/**
 * Reads one per-contact row (channel already resolved to `grid`). The contact belongs to the
 * interval in which it arrived. `outcome` is answered, abandoned or ignored (ignored contacts
 * are kept but counted nowhere). When a figure is not given it is derived from the times:
 * wait of an answered contact = answered_at - arrived_at, of an abandoned one = abandoned_at -
 * arrived_at; handle = ended_at - answered_at. An answered contact needs its handle and wait, an
 * abandoned one its wait; derived durations may not be negative. `contact_type` is optional text
 * (at most 200 characters), what KPIs split by (cost per contact by contact type).
 *
 * Complexity O(row length).
 * @param positions index of each CONTACT_COLUMNS column in `fields`, -1 when absent
 * @returns true with `out` filled, or false with the problems appended to `issues`.
 * @example parseContactRecord(['retail','c1','2026-03-02 09:00:05','','','','180','12','ann','answered'], ...) // true
 */
export function parseContactRecord(
  fields: readonly string[],
  positions: Int32Array,
  grid: ChannelGrid,
  out: ContactValues,
  issues: RowIssue[],
): boolean {
  const before = issues.length;
  const at = (k: number): string => fieldAt(fields, positions, k);
  const text = (k: number, required: boolean): string | null => {
    const value = at(k).trim();
    if (value === '') {
      if (required) issues.push({ column: CONTACT_COLUMNS[k].name, value, reason: 'is required' });
      return null;
    }
    if (value.length > MAX_TEXT) {
      issues.push({ column: CONTACT_COLUMNS[k].name, value: value.slice(0, 40) + '...', reason: `must be at most ${MAX_TEXT} characters` });
    }
    return value;
  };
  const instant = (k: number): number | null => {
    const value = at(k);
    if (value.trim() === '') return null;
    const r = resolveInstant(value, grid.clock);
    if (typeof r === 'string') {
      issues.push({ column: CONTACT_COLUMNS[k].name, value, reason: r });
      return null;
    }
    return r;
  };
  const seconds = (k: number): number | null => {
    const value = at(k);
    if (value.trim() === '') return null;
    const r = checkNumber(value, 'non-negative');
    if (typeof r === 'string') {
      issues.push({ column: CONTACT_COLUMNS[k].name, value, reason: r });
      return null;
    }
    return r;
  };

  out.contactId = text(1, true) ?? '';
  const arrivedText = at(2);
  const arrived = arrivedText.trim() === '' ? null : instant(2);
  if (arrivedText.trim() === '') issues.push({ column: 'arrived_at', value: '', reason: 'is required' });
  out.answeredMs = instant(3);
  out.endedMs = instant(4);
  out.abandonedMs = instant(5);
  out.handleSeconds = seconds(6);
  out.waitSeconds = seconds(7);
  out.agentId = text(8, false);
  out.contactType = text(10, false);
  const outcomeText = at(9).trim();
  if (outcomeText !== 'answered' && outcomeText !== 'abandoned' && outcomeText !== 'ignored') {
    issues.push({ column: 'outcome', value: outcomeText, reason: outcomeText === '' ? 'is required' : 'must be answered, abandoned or ignored' });
    return false;
  }
  out.outcome = outcomeText;
  if (arrived === null || issues.length !== before) return false;
  out.arrivedMs = arrived;
  out.intervalStartMs = binInstant(arrived, grid);

  const derive = (from: number | null, to: number | null, column: string, value: string): number | null => {
    if (from === null || to === null) return null;
    const d = (to - from) / 1000;
    if (d < 0) issues.push({ column, value, reason: `is before ${column === 'ended_at' ? 'answered_at' : 'arrived_at'}` });
    return d;
  };
  if (out.outcome === 'answered') {
    if (out.waitSeconds === null) {
      out.waitSeconds = derive(arrived, out.answeredMs, 'answered_at', at(3));
      if (out.waitSeconds === null) issues.push({ column: 'wait_seconds', value: '', reason: 'is required for an answered contact (or give answered_at)' });
    }
    if (out.handleSeconds === null) {
      out.handleSeconds = derive(out.answeredMs, out.endedMs, 'ended_at', at(4));
      if (out.handleSeconds === null) issues.push({ column: 'handle_seconds', value: '', reason: 'is required for an answered contact (or give answered_at and ended_at)' });
    }
  } else if (out.outcome === 'abandoned') {
    if (out.waitSeconds === null) {
      out.waitSeconds = derive(arrived, out.abandonedMs, 'abandoned_at', at(5));
      if (out.waitSeconds === null) issues.push({ column: 'wait_seconds', value: '', reason: 'is required for an abandoned contact (or give abandoned_at)' });
    }
  }
  return issues.length === before;
}
