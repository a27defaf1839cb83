import { isSupportedYear } from './is-supported-year.js';
import { parseCivilDate } from './parse-civil-date.js';

describe('parseCivilDate', () => {
  it('reads days since 1970-01-01 of real dates, leap days included', () => {
    expect(parseCivilDate('1970-01-01')).toBe(0);
    expect(parseCivilDate('2026-03-02')).toBe(20514);
    expect(parseCivilDate('2024-02-29')).toBe(19782);
    expect(parseCivilDate('2000-02-29')).toBe(11016);
    expect(parseCivilDate('1900-01-01')).toBe(-25567);
    expect(parseCivilDate('2200-12-31')).toBe(Date.UTC(2200, 11, 31) / 86_400_000);
  });

  it('refuses days a month does not have, instead of rolling them over', () => {
    for (const text of ['2030-02-30', '2031-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00']) {
      expect([text, parseCivilDate(text)]).toEqual([text, NaN]);
    }
  });

  it('refuses years outside 1900–2200 and anything but YYYY-MM-DD', () => {
    for (const text of ['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31', '+2026-03-02', '2026-3-2', '2026-03-02T00:00:00Z', ' 2026-03-02', '']) {
      expect([text, parseCivilDate(text)]).toEqual([text, NaN]);
    }
    expect([isSupportedYear(1900), isSupportedYear(2200), isSupportedYear(1899), isSupportedYear(2201), isSupportedYear(2026.5)]).toEqual([true, true, false, false, false]);
  });
});
