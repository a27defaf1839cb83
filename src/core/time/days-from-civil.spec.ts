import { daysFromCivil } from './days-from-civil.js';

describe('daysFromCivil', () => {
  it('matches Date.UTC on a spread of dates, leap years and eras included', () => {
    for (const [y, m, d] of [
      [1970, 1, 1], [1999, 10, 1], [2000, 2, 29], [1900, 3, 1], [2026, 3, 29], [2026, 10, 25],
      [1600, 1, 1], [2400, 12, 31], [1969, 12, 31],
    ] as const) {
      expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });
  it('gives 20541 for 2026-03-29', () => expect(daysFromCivil(2026, 3, 29)).toBe(20541));
});
