import { civilFromDays } from './civil-from-days.js';

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * An instant as ISO 8601 UTC without milliseconds when they are zero: `2026-03-02T09:30:00Z`.
 *
 * Method: civil date from the day number (Hinnant), fields zero-padded. Complexity O(1).
 * @example formatUtcIso(Date.UTC(2026, 2, 2, 9, 30)) // '2026-03-02T09:30:00Z'
 */
export function formatUtcIso(utcMs: number): string {
  const days = Math.floor(utcMs / 86_400_000);
  const msOfDay = utcMs - days * 86_400_000;
  const { year, month, day } = civilFromDays(days);
  const seconds = Math.floor(msOfDay / 1000);
  const ms = msOfDay - seconds * 1000;
  const base = `${year}-${two(month)}-${two(day)}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  return ms === 0 ? `${base}Z` : `${base}.${String(ms).padStart(3, '0')}Z`;
}
