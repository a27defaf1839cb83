import { compileDateTimeFormat } from './compile-date-time-format.js';

describe('compileDateTimeFormat', () => {
  it('reads the bank export notation: yymmdd and H:MM:SS', () => {
    expect(compileDateTimeFormat('yymmdd', 'date')('991001')).toEqual({ year: 1999, month: 10, day: 1, hour: 0, minute: 0, second: 0 });
    expect(compileDateTimeFormat('yymmdd', 'date')('260329')?.year).toBe(2026);
    const time = compileDateTimeFormat('H:MM:SS', 'time');
    expect(time('7:15:55')).toEqual({ year: 0, month: 0, day: 0, hour: 7, minute: 15, second: 55 });
    expect(time('23:59:59')?.hour).toBe(23);
    expect(time('24:00:00')).toBeNull();
    expect(time('7:15')).toBeNull();
  });

  it('reads combined formats, month before the hour and minutes after it', () => {
    const f = compileDateTimeFormat('dd/mm/yyyy hh:mm', 'datetime');
    expect(f('29/03/2026 09:30')).toEqual({ year: 2026, month: 3, day: 29, hour: 9, minute: 30, second: 0 });
    expect(f('31/02/2026 09:30')).toBeNull();
    expect(compileDateTimeFormat('yyyy-mm-ddThh:mm:ss', 'datetime')('2026-03-29T09:30:05')?.second).toBe(5);
    expect(compileDateTimeFormat('d.m.yyyy', 'date')('5.3.2026')).toMatchObject({ day: 5, month: 3 });
  });

  it('refuses formats it cannot read', () => {
    expect(() => compileDateTimeFormat('yyy-mm-dd', 'date')).toThrow(RangeError);
    expect(() => compileDateTimeFormat('mm/dd', 'date')).toThrow(/year/);
    expect(() => compileDateTimeFormat('mm:ss', 'time')).toThrow(/hour/);
    expect(() => compileDateTimeFormat('yyyy-mm-dd q', 'date')).toThrow(/letter q/);
  });
});
