import type { BusinessCalendar } from './business-calendar.js';

/**
 * The local date holding an instant in the calendar's zone, as days since 1970-01-01:
 * floor((utc + offset at that instant) ÷ one day). Complexity O(1).
 * @example localDayOf(utcCalendar, Date.UTC(2026, 2, 2, 23, 59)) // 20514 (2026-03-02)
 */
export function localDayOf(calendar: BusinessCalendar, utcMs: number): number {
  return Math.floor((utcMs + calendar.clock.offsetMinutesAt(utcMs) * 60_000) / 86_400_000);
}
