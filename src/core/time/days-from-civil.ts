/**
 * Days since 1970-01-01 of a proleptic Gregorian calendar date.
 *
 * Method: Howard Hinnant's `days_from_civil` (eras of 400 years, March-based years), exact
 * integer arithmetic, no Date object. Reference: H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms" (2013). Complexity O(1).
 *
 * @param year full year, e.g. 2026
 * @param month 1..12
 * @param day 1..31 (not checked against the month; see `daysInMonth`)
 * @example daysFromCivil(2026, 3, 29) // 20541
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
