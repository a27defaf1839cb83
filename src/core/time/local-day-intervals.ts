import type { ZoneClock } from './create-zone-clock.js';

/**
 * The start instants (UTC milliseconds, ascending) of the intervals of one local calendar day
 * of a zone: 48 half-hours on an ordinary day, 46 on a spring-forward day and 50 on a
 * fall-back day of a zone with a one-hour change.
 *
 * Method: walk the day's wall-clock grid (00:00, 00:00 + interval, ...) and resolve each slot:
 * a skipped slot has no instant, a repeated one has two. Complexity O(intervals of the day).
 *
 * @param localDayMs the local date at 00:00 as milliseconds as if UTC (`Date.UTC(y, m - 1, d)`)
 * @param intervalMinutes 15, 30 or 60 (a divisor of 1440)
 * @example localDayIntervals(createZoneClock('Europe/Berlin'), Date.UTC(2026, 2, 29), 30).length // 46
 */
export function localDayIntervals(clock: ZoneClock, localDayMs: number, intervalMinutes: number): number[] {
  if (!(intervalMinutes > 0) || 1440 % intervalMinutes !== 0) {
    throw new RangeError(`localDayIntervals requires intervalMinutes dividing 1440, got ${intervalMinutes}`);
  }
  const step = intervalMinutes * 60_000;
  const out: number[] = [];
  for (let local = localDayMs; local < localDayMs + 86_400_000; local += step) {
    const r = clock.resolveLocal(local);
    if (r.kind === 'unique') out.push(r.utcMs);
    else if (r.kind === 'ambiguous') out.push(r.earlierUtcMs, r.laterUtcMs);
  }
  return out.sort((a, b) => a - b);
}
