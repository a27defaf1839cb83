import type { ChannelGrid } from './types.js';

/**
 * The start of the channel interval in which an instant falls: the instant's wall clock in
 * the channel's zone is floored to a multiple of `intervalMinutes`, and the start is that many
 * milliseconds earlier. A contact that arrives at 02:10+01:00 on a fall-back day belongs to
 * the interval 02:00+01:00, not to the earlier 02:00+02:00.
 *
 * Complexity O(1) plus a memoised offset lookup. Assumes offset changes fall on interval
 * boundaries (true of every current zone for 15, 30 and 60-minute grids).
 * @example binInstant(Date.UTC(2026, 2, 2, 8, 44, 59), berlin30) // Date.UTC(2026, 2, 2, 8, 30)
 */
export function binInstant(utcMs: number, grid: ChannelGrid): number {
  const local = utcMs + grid.clock.offsetMinutesAt(utcMs) * 60_000;
  const step = grid.intervalMinutes * 60_000;
  const into = ((local % step) + step) % step;
  return utcMs - into;
}
