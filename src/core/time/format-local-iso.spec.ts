import { formatLocalIso } from './format-local-iso.js';

describe('formatLocalIso', () => {
  it('writes the wall clock with the offset', () => {
    expect(formatLocalIso(Date.UTC(2026, 2, 29, 1, 30), 120)).toBe('2026-03-29T03:30:00+02:00');
    expect(formatLocalIso(Date.UTC(2026, 0, 1, 0, 0), 0)).toBe('2026-01-01T00:00:00+00:00');
    expect(formatLocalIso(Date.UTC(2026, 0, 1, 5, 0), -210)).toBe('2026-01-01T01:30:00-03:30');
    expect(formatLocalIso(Date.UTC(2026, 0, 1, 0, 0), 345)).toBe('2026-01-01T05:45:00+05:45');
  });
});
