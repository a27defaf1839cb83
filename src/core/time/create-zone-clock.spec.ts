import { createZoneClock } from './create-zone-clock.js';

// Expected offsets and instants from the IANA tz database (Europe/Berlin: CET +01:00, CEST
// +02:00, changes at 01:00 UTC on the last Sundays of March and October).
describe('createZoneClock', () => {
  const berlin = createZoneClock('Europe/Berlin');

  it('gives the offset in effect at an instant, either side of a change', () => {
    expect(berlin.offsetMinutesAt(Date.UTC(2026, 2, 29, 0, 59, 59))).toBe(60);
    expect(berlin.offsetMinutesAt(Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
    expect(berlin.offsetMinutesAt(Date.UTC(2026, 9, 25, 0, 59))).toBe(120);
    expect(berlin.offsetMinutesAt(Date.UTC(2026, 9, 25, 1, 0))).toBe(60);
  });

  it('resolves an ordinary wall-clock time to one instant', () => {
    expect(berlin.resolveLocal(Date.UTC(2026, 2, 29, 9, 30))).toEqual({
      kind: 'unique', utcMs: Date.UTC(2026, 2, 29, 7, 30), offsetMinutes: 120,
    });
    expect(berlin.resolveLocal(Date.UTC(2026, 0, 15, 12, 0, 7))).toEqual({
      kind: 'unique', utcMs: Date.UTC(2026, 0, 15, 11, 0, 7), offsetMinutes: 60,
    });
  });

  it('knows 02:00-02:59 of 29 March 2026 does not exist', () => {
    for (const minute of [0, 30, 59]) {
      expect(berlin.resolveLocal(Date.UTC(2026, 2, 29, 2, minute)).kind).toBe('nonexistent');
    }
    expect(berlin.resolveLocal(Date.UTC(2026, 2, 29, 3, 0)).kind).toBe('unique');
    expect(berlin.resolveLocal(Date.UTC(2026, 2, 29, 1, 59)).kind).toBe('unique');
  });

  it('knows 02:00-02:59 of 25 October 2026 happens twice', () => {
    expect(berlin.resolveLocal(Date.UTC(2026, 9, 25, 2, 30))).toEqual({
      kind: 'ambiguous',
      earlierUtcMs: Date.UTC(2026, 9, 25, 0, 30),
      laterUtcMs: Date.UTC(2026, 9, 25, 1, 30),
      earlierOffsetMinutes: 120,
      laterOffsetMinutes: 60,
    });
    expect(berlin.resolveLocal(Date.UTC(2026, 9, 25, 3, 0)).kind).toBe('unique');
    expect(berlin.resolveLocal(Date.UTC(2026, 9, 25, 1, 59, 59)).kind).toBe('unique');
  });

  it('handles half-hour changes (Australia/Lord_Howe: +10:30 / +11:00)', () => {
    const lordHowe = createZoneClock('Australia/Lord_Howe');
    // 2026-10-04 02:00 local: clocks go forward to 02:30.
    expect(lordHowe.resolveLocal(Date.UTC(2026, 9, 4, 2, 15)).kind).toBe('nonexistent');
    expect(lordHowe.resolveLocal(Date.UTC(2026, 9, 4, 2, 30))).toMatchObject({ kind: 'unique', offsetMinutes: 660 });
    expect(lordHowe.resolveLocal(Date.UTC(2026, 9, 4, 1, 45))).toMatchObject({ kind: 'unique', offsetMinutes: 630 });
  });

  it('answers Asia/Jerusalem in 1999 from the historical rules (standard time in October)', () => {
    const jerusalem = createZoneClock('Asia/Jerusalem');
    expect(jerusalem.offsetMinutesAt(Date.UTC(1999, 9, 10, 12))).toBe(120);
    expect(jerusalem.offsetMinutesAt(Date.UTC(1999, 6, 10, 12))).toBe(180);
  });

  it('refuses a zone that does not exist', () => {
    expect(() => createZoneClock('Mars/Olympus')).toThrow(RangeError);
  });
});
