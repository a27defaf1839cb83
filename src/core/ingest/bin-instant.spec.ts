import { createZoneClock } from '../time/create-zone-clock.js';
import { binInstant } from './bin-instant.js';

describe('binInstant', () => {
  const berlin = { clock: createZoneClock('Europe/Berlin'), intervalMinutes: 30, thresholdSeconds: 20 };
  const kolkata = { clock: createZoneClock('Asia/Kolkata'), intervalMinutes: 60, thresholdSeconds: 20 };

  it('floors to the local interval', () => {
    expect(binInstant(Date.UTC(2026, 2, 2, 8, 44, 59), berlin)).toBe(Date.UTC(2026, 2, 2, 8, 30));
    expect(binInstant(Date.UTC(2026, 2, 2, 8, 30), berlin)).toBe(Date.UTC(2026, 2, 2, 8, 30));
    // 04:10 UTC = 09:40 in Kolkata: the hour starting 09:00 local = 03:30 UTC.
    expect(binInstant(Date.UTC(2026, 2, 2, 4, 10), kolkata)).toBe(Date.UTC(2026, 2, 2, 3, 30));
  });

  it('keeps the two passes of a repeated hour apart', () => {
    // 02:10+02:00 (00:10 UTC) and 02:10+01:00 (01:10 UTC) on 2026-10-25.
    expect(binInstant(Date.UTC(2026, 9, 25, 0, 10), berlin)).toBe(Date.UTC(2026, 9, 25, 0, 0));
    expect(binInstant(Date.UTC(2026, 9, 25, 1, 10), berlin)).toBe(Date.UTC(2026, 9, 25, 1, 0));
  });
});
