import { daysFromCivil } from '../../core/time/days-from-civil.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { compileCalendar, DEFAULT_CALENDAR, parseBusinessCalendar } from './business-calendar-settings.js';

describe('parseBusinessCalendar and compileCalendar', () => {
  it('normalises weekdays and holidays, and compiles the calendar (Mon bit 0 … Sun bit 6)', () => {
    const s = parseBusinessCalendar({ timeZone: 'Europe/Berlin', workingDays: ['sat', 'mon'], opensAt: '08:30', closesAt: '24:00', holidays: ['2026-12-25', '2026-01-01', '2026-12-25'] });
    expect(s).toEqual({ timeZone: 'Europe/Berlin', workingDays: ['mon', 'sat'], opensAt: '08:30', closesAt: '24:00', holidays: ['2026-01-01', '2026-12-25'] });
    const { calendar, businessDaySeconds } = compileCalendar(s);
    expect(calendar.weekdayMask).toBe(0b0100001);
    expect([calendar.openMinute, calendar.closeMinute]).toEqual([510, 1440]);
    expect(businessDaySeconds).toBe((1440 - 510) * 60); // 15 h 30 min
    expect(calendar.holidayDays.has(daysFromCivil(2026, 12, 25))).toBe(true);
    expect(compileCalendar(DEFAULT_CALENDAR).businessDaySeconds).toBe(8 * 3600);
  });
  it('refuses bad fields naming each', () => {
    try {
      parseBusinessCalendar({ timeZone: 'Nowhere/City', workingDays: [], opensAt: '9:00', closesAt: '25:00', holidays: 'xmas', lunch: '12:00' });
      throw new Error('expected a 422');
    } catch (e) {
      expect(((e as DomainError).details?.errors as Array<{ field: string }>).map((x) => x.field)).toEqual(['lunch', 'timeZone', 'workingDays', 'opensAt', 'closesAt', 'holidays']);
    }
  });
});
