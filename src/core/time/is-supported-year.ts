/** First and last calendar year a date or instant of the engine may fall in. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

/**
 * True when `year` lies in 1900–2200, the years a contact center's dates can mean: anything
 * else (year 0, 9999, a typo of 20266) is refused where dates are read, rather than reaching
 * PostgreSQL or the calendar arithmetic. Complexity O(1).
 *
 * @example isSupportedYear(2026) // true
 * @example isSupportedYear(0) // false
 */
export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}
