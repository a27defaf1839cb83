import { MAX_DURATION_SECONDS, MAX_SHRINKAGE, MAX_TRAFFIC_ERLANGS, MAX_VOLUME_PER_INTERVAL } from '../staffing/staffing-limits.js';
import { checkNumber } from './check-number.js';
import { resolveIntervalStart } from './resolve-interval-start.js';
import type { ChannelGrid, ColumnSpec, RowIssue } from './types.js';

/** Columns of a forecast upload; `channel` is first in every kind. */
export const FORECAST_COLUMNS: readonly ColumnSpec[] = [
  { name: 'channel', required: true },
  { name: 'interval_start', required: true, timestamp: true },
  { name: 'volume', required: true },
  { name: 'aht_seconds', required: true },
  { name: 'shrinkage', required: false },
  { name: 'volume_p10', required: false },
  { name: 'volume_p90', required: false },
];

/** One forecast interval, as read from a row. */
export interface ForecastValues {
  intervalStartMs: number;
  /** Contacts expected in the interval (may be fractional). */
  volume: number;
  ahtSeconds: number;
  /** Fraction of paid time not available; null when the file leaves it out. */
  shrinkage: number | null;
  /** 10th and 90th percentile of the volume (a prediction band); null when the file leaves them out. */
  volumeP10: number | null;
  volumeP90: number | null;
}

function fieldAt(fields: readonly string[], positions: Int32Array, k: number): string {
  const p = positions[k];
  return p < 0 ? '' : (fields[p] ?? '');
}

/**
 * Reads the fields of one forecast row (channel already resolved to `grid`): the interval start
 * on the channel's grid, 0 <= volume <= 10⁸, 0 <= aht_seconds <= 86,400 (a day), optional
 * shrinkage in [0, 0.99], a load volume × aht_seconds ÷ interval seconds of at most 10⁶
 * Erlangs (the numbers a plan can staff, see staffing-limits), and an optional prediction band
 * volume_p10 <= volume_p90 (both >= 0, both or neither).
 *
 * Complexity O(row length).
 * @param positions index of each FORECAST_COLUMNS column in `fields`, -1 when absent
 * @returns true with `out` filled, or false with the problems appended to `issues`.
 * @example parseForecastRecord(['retail', '2026-03-02 09:00', '120', '180'], positions, grid, out, issues) // true
 */
export function parseForecastRecord(
  fields: readonly string[],
  positions: Int32Array,
  grid: ChannelGrid,
  out: ForecastValues,
  issues: RowIssue[],
): boolean {
  const before = issues.length;
  const at = (k: number): string => fieldAt(fields, positions, k);
  const start = resolveIntervalStart(at(1), grid);
  if (typeof start === 'string') issues.push({ column: 'interval_start', value: at(1), reason: start });
  else out.intervalStartMs = start;
  const volume = checkNumber(at(2), 'non-negative');
  if (typeof volume === 'string') issues.push({ column: 'volume', value: at(2), reason: volume });
  else if (volume > MAX_VOLUME_PER_INTERVAL) issues.push({ column: 'volume', value: at(2), reason: `must be at most ${MAX_VOLUME_PER_INTERVAL} contacts per interval` });
  else out.volume = volume;
  const aht = checkNumber(at(3), 'non-negative');
  if (typeof aht === 'string') issues.push({ column: 'aht_seconds', value: at(3), reason: aht });
  else if (aht > MAX_DURATION_SECONDS) issues.push({ column: 'aht_seconds', value: at(3), reason: `must be at most ${MAX_DURATION_SECONDS} seconds (a day)` });
  else out.ahtSeconds = aht;
  if (issues.length === before) {
    const load = (out.volume * out.ahtSeconds) / (grid.intervalMinutes * 60);
    if (load > MAX_TRAFFIC_ERLANGS) {
      issues.push({ column: 'aht_seconds', value: at(3), reason: `makes a load (volume × aht_seconds ÷ interval seconds) of ${load.toPrecision(3)} Erlangs; at most ${MAX_TRAFFIC_ERLANGS} can be staffed` });
    }
  }
  const shrinkageText = at(4);
  if (shrinkageText.trim() === '') {
    out.shrinkage = null;
  } else {
    const shrinkage = checkNumber(shrinkageText, 'fraction');
    if (typeof shrinkage === 'string') issues.push({ column: 'shrinkage', value: shrinkageText, reason: shrinkage });
    else if (shrinkage > MAX_SHRINKAGE) issues.push({ column: 'shrinkage', value: shrinkageText, reason: `must be at most ${MAX_SHRINKAGE}` });
    else out.shrinkage = shrinkage;
  }
  const p10Text = at(5);
  const p90Text = at(6);
  out.volumeP10 = null;
  out.volumeP90 = null;
  if (p10Text.trim() !== '' || p90Text.trim() !== '') {
    const p10 = checkNumber(p10Text, 'non-negative');
    const p90 = checkNumber(p90Text, 'non-negative');
    if (typeof p10 === 'string') issues.push({ column: 'volume_p10', value: p10Text, reason: p10 });
    if (typeof p90 === 'string') issues.push({ column: 'volume_p90', value: p90Text, reason: p90 });
    if (typeof p10 === 'number' && typeof p90 === 'number') {
      if (p10 > p90) issues.push({ column: 'volume_p90', value: p90Text, reason: 'must be at least volume_p10' });
      out.volumeP10 = p10;
      out.volumeP90 = p90;
    }
  }
  return issues.length === before;
}
