import { daysFromCivil } from './days-from-civil.js';
import { daysInMonth } from './days-in-month.js';
import { isSupportedYear } from './is-supported-year.js';

/**
 * Days since 1970-01-01 of a calendar date written `YYYY-MM-DD`, or NaN when the text is not
 * one: a day the month does not have (2030-02-30, 2031-02-29) or a year outside 1900–2200 is
 * refused, never rolled over to another date (as `Date.UTC(2030, 1, 30)` would).
 *
 * Method: one anchored pattern, then the month, the day within the month (proleptic Gregorian)
 * and the year range are checked. Complexity O(length of text).
 *
 * @example parseCivilDate('2026-03-02') // 20514
 * @example parseCivilDate('2030-02-30') // NaN
 */
export function parseCivilDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return NaN;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isSupportedYear(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}
