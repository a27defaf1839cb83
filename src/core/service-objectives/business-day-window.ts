import type { ZoneClock } from '../time/create-zone-clock.js';
import type { BusinessCalendar } from './business-calendar.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The instant of a wall-clock time; a skipped one moves to the first existing minute after it, a repeated one takes the earlier instant. */
function instantOf(clock: ZoneClock, localMs: number): number {
  for (let shift = 0; shift <= 180; shift++) {
    const r = clock.resolveLocal(localMs + shift * MINUTE_MS);
    if (r.kind === 'unique') return r.utcMs;
    if (r.kind === 'ambiguous') return r.earlierUtcMs;
  }
  return localMs;
}

/**
 * The business window of one local date, as UTC epoch milliseconds written to `out[0]` (open)
 * and `out[1]` (close); an empty window (open = close) on a day that is not worked (weekday
 * not worked, or a holiday).
 *
 * Method: the opening and closing wall-clock times of the date resolved in the calendar's zone,
 * so a window keeps its wall-clock hours across a daylight-saving change (a 00:00–24:00 window
 * lasts 23 hours on a spring-forward day). A wall-clock time skipped by the change moves to the
 * first minute that exists; a repeated one is taken at its earlier instant.
 *
 * @param localDay the local date as days since 1970-01-01 (1970-01-01 was a Thursday)
 * Complexity O(1) (memoised zone lookups).
 * @example businessDayWindow(monToFri9to17Utc, 20514, out) // 20514 is Monday 2026-03-02: out = [09:00Z, 17:00Z] of that day
 */
export function businessDayWindow(calendar: BusinessCalendar, localDay: number, out: Float64Array): void {
  const isoWeekday = ((((localDay + 3) % 7) + 7) % 7) + 1; // 1970-01-01 (day 0) was a Thursday (4)
  if ((calendar.weekdayMask & (1 << (isoWeekday - 1))) === 0 || calendar.holidayDays.has(localDay)) {
    out[0] = out[1] = localDay * DAY_MS;
    return;
  }
  out[0] = instantOf(calendar.clock, localDay * DAY_MS + calendar.openMinute * MINUTE_MS);
  out[1] = instantOf(calendar.clock, localDay * DAY_MS + calendar.closeMinute * MINUTE_MS);
}

