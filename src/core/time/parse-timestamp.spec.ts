import { parseTimestamp, type ParsedTimestamp } from './parse-timestamp.js';

function parse(text: string): ParsedTimestamp | null {
  const out: ParsedTimestamp = { localMs: 0, offsetMinutes: null };
  return parseTimestamp(text, out) ? out : null;
}

describe('parseTimestamp', () => {
  it('reads local times with T or a space, with or without seconds', () => {
    const expected = Date.UTC(2026, 2, 29, 9, 30);
    expect(parse('2026-03-29 09:30')).toEqual({ localMs: expected, offsetMinutes: null });
    expect(parse('2026-03-29T09:30:00')).toEqual({ localMs: expected, offsetMinutes: null });
    expect(parse('  2026-03-29T09:30:00 ')).toEqual({ localMs: expected, offsetMinutes: null });
  });

  it('reads Z and numeric offsets in three spellings', () => {
    expect(parse('2026-03-29T09:30:00Z')).toEqual({ localMs: Date.UTC(2026, 2, 29, 9, 30), offsetMinutes: 0 });
    expect(parse('2026-03-29T09:30:00+02:00')?.offsetMinutes).toBe(120);
    expect(parse('2026-03-29T09:30+0530')?.offsetMinutes).toBe(330);
    expect(parse('2026-03-29T09:30:00-03')?.offsetMinutes).toBe(-180);
  });

  it('keeps milliseconds and truncates finer fractions', () => {
    expect(parse('2026-01-01T00:00:00.123456Z')?.localMs).toBe(Date.UTC(2026, 0, 1) + 123);
    expect(parse('2026-01-01T00:00:00.5Z')?.localMs).toBe(Date.UTC(2026, 0, 1) + 500);
  });

  it.each([
    '', '2026-03-29', '2026-3-29 09:30', '2026-02-29 09:30', '2026-13-01 00:00', '2026-01-01 24:00',
    '2026-01-01 10:60', '2026-01-01T10:00:61', '2026-01-01T10:00:00+19:00', '2026-01-01T10:00:00 UTC',
    '2026-01-01T10:00:00.Z', '01/01/2026 10:00', '2026-01-01X10:00',
  ])('refuses %j', (text) => expect(parse(text)).toBeNull());

  it('accepts 29 February of leap years', () => expect(parse('2024-02-29 00:00')).not.toBeNull());
});
