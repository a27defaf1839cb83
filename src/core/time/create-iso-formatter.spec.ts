import { createIsoFormatter } from './create-iso-formatter.js';
import { formatLocalIso } from './format-local-iso.js';
import { formatUtcIso } from './format-utc-iso.js';

describe('createIsoFormatter', () => {
  it('writes what formatUtcIso and formatLocalIso write (the oracle), over a year of 15-minute starts and odd instants', () => {
    const f = createIsoFormatter();
    const start = Date.UTC(2024, 0, 1);
    const instants: number[] = [];
    for (let ms = start; ms < start + 366 * 86_400_000; ms += 15 * 60_000) instants.push(ms);
    instants.push(Date.UTC(1999, 9, 1, 23, 59, 59, 7), Date.UTC(2026, 2, 29, 1, 30, 5), -86_400_001, -60_000, 0);
    for (const ms of instants) {
      expect(f.utc(ms)).toBe(formatUtcIso(ms));
      for (const offset of [0, 60, 120, -300, 330, 345, -570]) expect(f.local(ms, offset)).toBe(formatLocalIso(ms, offset));
    }
  });

  it('gives the published example', () => {
    // Example of formatLocalIso's doc block: 01:30 UTC on 29 March 2026 is 03:30 in Berlin (+02:00).
    expect(createIsoFormatter().local(Date.UTC(2026, 2, 29, 1, 30), 120)).toBe('2026-03-29T03:30:00+02:00');
  });
});
