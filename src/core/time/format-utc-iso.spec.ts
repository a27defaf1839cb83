import { formatUtcIso } from './format-utc-iso.js';

describe('formatUtcIso', () => {
  it('writes whole seconds without a fraction, like toISOString otherwise', () => {
    expect(formatUtcIso(Date.UTC(2026, 2, 2, 9, 30))).toBe('2026-03-02T09:30:00Z');
    expect(formatUtcIso(Date.UTC(1999, 9, 1, 23, 59, 59, 7))).toBe('1999-10-01T23:59:59.007Z');
    for (const ms of [0, 1e12, 1.7e12 + 123, -86_400_001]) {
      expect(formatUtcIso(ms).replace('Z', '')).toBe(new Date(ms).toISOString().replace('.000Z', '').replace('Z', ''));
    }
  });
});
