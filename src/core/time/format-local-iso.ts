import { formatUtcIso } from './format-utc-iso.js';

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * An instant as the wall clock of a zone with its offset: `2026-03-29T03:30:00+02:00`
 * (`+00:00`, never `Z`, for a zero offset: the text says it is a local time).
 *
 * Method: shift by the offset, format the shifted instant's fields, append the offset.
 * Complexity O(1).
 * @param offsetMinutes the zone's offset at that instant (see ZoneClock.offsetMinutesAt)
 * @example formatLocalIso(Date.UTC(2026, 2, 29, 1, 30), 120) // '2026-03-29T03:30:00+02:00'
 */
export function formatLocalIso(utcMs: number, offsetMinutes: number): string {
  const local = formatUtcIso(utcMs + offsetMinutes * 60_000).slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
