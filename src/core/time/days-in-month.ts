/**
 * Number of days in a month of the proleptic Gregorian calendar (leap years: divisible by 4,
 * except centuries not divisible by 400). Complexity O(1).
 *
 * @param year full year
 * @param month 1..12 (anything else gives 0)
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 1: case 3: case 5: case 7: case 8: case 10: case 12:
      return 31;
    case 4: case 6: case 9: case 11:
      return 30;
    case 2:
      return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    default:
      return 0;
  }
}
