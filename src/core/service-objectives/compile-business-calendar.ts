import type { ZoneClock } from '../time/create-zone-clock.js';
import type { BusinessCalendar } from './business-calendar.js';

/**
 * Checks and compiles a business calendar for the business-time kernels.
 *
 * @param clock the calendar's zone (createZoneClock)
 * @param isoWeekdays worked weekdays, ISO numbers 1 (Monday) … 7 (Sunday); at least one
 * @param openMinute opening wall-clock minute after local midnight (0 … 1439)
 * @param closeMinute closing wall-clock minute (openMinute < closeMinute ≤ 1440; 1440 is midnight ending the day)
 * @param holidayDays local dates not worked, as days since 1970-01-01 (daysFromCivil)
 * Complexity O(weekdays + holidays).
 * @throws RangeError when a weekday, minute or the set of weekdays is out of range.
 * @example compileBusinessCalendar(createZoneClock('UTC'), [1, 2, 3, 4, 5], 540, 1020, []) // Mon–Fri 09:00–17:00
 */
export function compileBusinessCalendar(
  clock: ZoneClock,
  isoWeekdays: readonly number[],
  openMinute: number,
  closeMinute: number,
  holidayDays: readonly number[],
): BusinessCalendar {
  if (isoWeekdays.length === 0) throw new RangeError('compileBusinessCalendar requires at least one working weekday');
  let weekdayMask = 0;
  for (const d of isoWeekdays) {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new RangeError(`compileBusinessCalendar requires ISO weekdays 1..7, got ${d}`);
    weekdayMask |= 1 << (d - 1);
  }
  if (!Number.isInteger(openMinute) || !Number.isInteger(closeMinute) || openMinute < 0 || closeMinute > 1440 || !(closeMinute > openMinute)) {
    throw new RangeError('compileBusinessCalendar requires 0 <= openMinute < closeMinute <= 1440');
  }
  return { clock, weekdayMask, openMinute, closeMinute, holidayDays: new Set(holidayDays) };
}
