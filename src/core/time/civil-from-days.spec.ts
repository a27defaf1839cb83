import { civilFromDays } from './civil-from-days.js';
import { daysFromCivil } from './days-from-civil.js';

describe('civilFromDays', () => {
  it('inverts daysFromCivil over four centuries of days', () => {
    for (let days = -200_000; days < 200_000; days += 37) {
      const { year, month, day } = civilFromDays(days);
      expect(daysFromCivil(year, month, day)).toBe(days);
    }
  });
  it('gives 2026-03-29 for day 20541', () => expect(civilFromDays(20541)).toEqual({ year: 2026, month: 3, day: 29 }));
});
