import { formatLocalIso } from '../time/format-local-iso.js';
import { resolveInstant } from './resolve-instant.js';
import type { ChannelGrid } from './types.js';

/**
 * The start instant of an interval row: a timestamp (see `resolveInstant`) that must fall on
 * the channel's interval grid, i.e. its wall clock in the channel's zone is a whole multiple of
 * `intervalMinutes` after local midnight, with zero seconds. (The grid is the local one: a
 * `+05:30` zone has its half-hours at :00 and :30 local time.)
 *
 * Complexity O(length) plus memoised zone lookups.
 * @returns UTC milliseconds, or the reason (a string) the text is not an interval start.
 * @example resolveIntervalStart('2026-03-02 09:15', { clock: berlin, intervalMinutes: 30, thresholdSeconds: 20 }) // 'is not on the 30-minute grid ...'
 */
export function resolveIntervalStart(text: string, grid: ChannelGrid): number | string {
  const instant = resolveInstant(text, grid.clock);
  if (typeof instant === 'string') return instant;
  const offset = grid.clock.offsetMinutesAt(instant);
  const local = instant + offset * 60_000;
  const step = grid.intervalMinutes * 60_000;
  if (((local % step) + step) % step !== 0) {
    return `is not on the ${grid.intervalMinutes}-minute interval grid of the channel (local time ${formatLocalIso(instant, offset)} in ${grid.clock.timeZone})`;
  }
  return instant;
}
