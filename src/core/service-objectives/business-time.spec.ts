import { createZoneClock } from '../time/create-zone-clock.js';
import { daysFromCivil } from '../time/days-from-civil.js';
import { addBusinessSeconds } from './add-business-seconds.js';
import { businessDayWindow } from './business-day-window.js';
import { businessSecondsBetween } from './business-seconds-between.js';
import { compileBusinessCalendar } from './compile-business-calendar.js';
import { localDayOf } from './local-day-of.js';

// Every expected instant below is worked out by hand from the calendar (dates checked against a
// printed 2026 calendar: 2026-03-02 and 2026-03-09 are Mondays, 2026-03-06 a Friday; Europe/Berlin
// moves from CET +01:00 to CEST +02:00 at 01:00Z on 2026-03-29 and back at 01:00Z on 2026-10-25,
// IANA tz database).
const H = 3600;
const utc = (d: number, h: number, m = 0, month = 3): number => Date.UTC(2026, month - 1, d, h, m);
const TUESDAY_HOLIDAY = daysFromCivil(2026, 3, 10);
const officeUtc = compileBusinessCalendar(createZoneClock('UTC'), [1, 2, 3, 4, 5], 9 * 60, 17 * 60, [TUESDAY_HOLIDAY]);
const officeBerlin = compileBusinessCalendar(createZoneClock('Europe/Berlin'), [1, 2, 3, 4, 5], 9 * 60, 17 * 60, []);
const allDayBerlin = compileBusinessCalendar(createZoneClock('Europe/Berlin'), [1, 2, 3, 4, 5, 6, 7], 0, 1440, []);

describe('compileBusinessCalendar', () => {
  it('refuses no weekdays, bad weekdays and an empty day', () => {
    const clock = createZoneClock('UTC');
    expect(() => compileBusinessCalendar(clock, [], 540, 1020, [])).toThrow(RangeError);
    expect(() => compileBusinessCalendar(clock, [0], 540, 1020, [])).toThrow('ISO weekdays 1..7');
    expect(() => compileBusinessCalendar(clock, [1], 600, 600, [])).toThrow('openMinute < closeMinute');
    expect(compileBusinessCalendar(clock, [1, 7], 0, 1440, []).weekdayMask).toBe(0b1000001);
  });
});

describe('businessDayWindow and localDayOf', () => {
  const w = new Float64Array(2);
  it('gives the opening hours of a worked day and nothing on weekends and holidays', () => {
    businessDayWindow(officeUtc, daysFromCivil(2026, 3, 2), w);
    expect([...w]).toEqual([utc(2, 9), utc(2, 17)]);
    businessDayWindow(officeUtc, daysFromCivil(2026, 3, 7), w); // Saturday
    expect(w[1] - w[0]).toBe(0);
    businessDayWindow(officeUtc, TUESDAY_HOLIDAY, w);
    expect(w[1] - w[0]).toBe(0);
  });
  it('keeps wall-clock hours across DST: 09:00 Berlin is 08:00Z in winter and 07:00Z in summer', () => {
    businessDayWindow(officeBerlin, daysFromCivil(2026, 3, 27), w);
    expect([...w]).toEqual([utc(27, 8), utc(27, 16)]);
    businessDayWindow(officeBerlin, daysFromCivil(2026, 3, 30), w);
    expect([...w]).toEqual([utc(30, 7), utc(30, 15)]);
    businessDayWindow(allDayBerlin, daysFromCivil(2026, 3, 29), w); // 23-hour day
    expect((w[1] - w[0]) / 3_600_000).toBe(23);
  });
  it('moves an opening skipped by spring-forward to the first minute that exists', () => {
    const night = compileBusinessCalendar(createZoneClock('Europe/Berlin'), [7], 150, 300, []); // Sundays 02:30–05:00
    businessDayWindow(night, daysFromCivil(2026, 3, 29), w);
    // 02:30 does not exist that night: opens at 03:00 CEST = 01:00Z; closes 05:00 CEST = 03:00Z.
    expect([...w]).toEqual([utc(29, 1), utc(29, 3)]);
  });
  it('finds the local date of an instant', () => {
    expect(localDayOf(officeBerlin, utc(2, 23, 30))).toBe(daysFromCivil(2026, 3, 3)); // 00:30 CET on the 3rd
    expect(localDayOf(officeUtc, utc(2, 23, 30))).toBe(daysFromCivil(2026, 3, 2));
  });
});

describe('addBusinessSeconds', () => {
  it('runs over a weekend: Friday 16:00 + 2 business hours = Monday 10:00', () => {
    expect(addBusinessSeconds(officeUtc, utc(6, 16), 2 * H)).toBe(utc(9, 10));
  });
  it('runs over a holiday: Monday 16:00 + 2 h = Wednesday 10:00 (Tuesday is a holiday)', () => {
    expect(addBusinessSeconds(officeUtc, utc(9, 16), 2 * H)).toBe(utc(11, 10));
    // one business day (8 h): Monday 12:00–17:00 is 5 h, Wednesday 09:00–12:00 the other 3 h
    expect(addBusinessSeconds(officeUtc, utc(9, 12), 8 * H)).toBe(utc(11, 12));
  });
  it('starts outside business hours at the next opening', () => {
    expect(addBusinessSeconds(officeUtc, utc(7, 10), H)).toBe(utc(9, 10)); // Saturday → Monday 09:00 + 1 h
    expect(addBusinessSeconds(officeUtc, utc(2, 7), 30 * 60)).toBe(utc(2, 9, 30)); // Monday before opening
    expect(addBusinessSeconds(officeUtc, utc(2, 18), 30 * 60)).toBe(utc(3, 9, 30)); // Monday after closing
  });
  it('ends exactly at a closing time when the budget runs out there', () => {
    expect(addBusinessSeconds(officeUtc, utc(6, 16), H)).toBe(utc(6, 17));
  });
  it('is DST-correct in the calendar zone: Friday 16:00 CET + 2 h = Monday 10:00 CEST = 08:00Z', () => {
    expect(addBusinessSeconds(officeBerlin, utc(27, 15), 2 * H)).toBe(utc(30, 8));
    // around the clock in Berlin: Saturday 12:00 CET + 24 h of business time is Sunday 13:00 CEST
    // (the day has 23 hours): 11:00Z + 24 h = Sunday 11:00Z.
    expect(addBusinessSeconds(allDayBerlin, utc(28, 11), 24 * H)).toBe(utc(29, 11));
  });
  it('gives the start for zero and refuses negative budgets', () => {
    expect(addBusinessSeconds(officeUtc, utc(7, 10), 0)).toBe(utc(7, 10));
    expect(() => addBusinessSeconds(officeUtc, utc(7, 10), -1)).toThrow(RangeError);
  });
});

describe('businessSecondsBetween', () => {
  it('counts business time over a weekend and a holiday', () => {
    expect(businessSecondsBetween(officeUtc, utc(6, 16), utc(9, 10))).toBe(2 * H);
    expect(businessSecondsBetween(officeUtc, utc(9, 16), utc(11, 10))).toBe(2 * H);
    // Monday 2 March 09:00 to Monday 16 March 09:00: two weeks of 5 days × 8 h minus the holiday
    expect(businessSecondsBetween(officeUtc, utc(2, 9), utc(16, 9))).toBe((10 - 1) * 8 * H);
  });
  it('counts nothing outside business hours and nothing for an empty span', () => {
    expect(businessSecondsBetween(officeUtc, utc(6, 17), utc(9, 9))).toBe(0);
    expect(businessSecondsBetween(officeUtc, utc(9, 10), utc(9, 10))).toBe(0);
    expect(businessSecondsBetween(officeUtc, utc(9, 11), utc(9, 10))).toBe(0);
  });
  it('counts the 23- and 25-hour days of a DST change on a 24-hour calendar', () => {
    // Saturday 12:00 local to Sunday 12:00 local: 23 h in March, 25 h in October
    expect(businessSecondsBetween(allDayBerlin, utc(28, 11), utc(29, 10))).toBe(23 * H);
    expect(businessSecondsBetween(allDayBerlin, utc(24, 10, 0, 10), utc(25, 11, 0, 10))).toBe(25 * H);
  });
  it('stops past the limit with a sum above it', () => {
    const capped = businessSecondsBetween(officeUtc, utc(2, 9), utc(16, 9), 8 * H);
    expect(capped).toBeGreaterThan(8 * H);
    expect(capped).toBeLessThanOrEqual(16 * H);
  });
  it('agrees with addBusinessSeconds (inverse): between(start, add(start, x)) = x', () => {
    for (const [start, seconds] of [[utc(6, 16), 7 * H], [utc(7, 3), 20 * H], [utc(27, 15), 30 * H]] as const) {
      for (const cal of [officeUtc, officeBerlin]) {
        expect(businessSecondsBetween(cal, start, addBusinessSeconds(cal, start, seconds))).toBe(seconds);
      }
    }
  });
});
