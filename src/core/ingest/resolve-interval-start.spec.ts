import { createZoneClock } from '../time/create-zone-clock.js';
import { resolveIntervalStart } from './resolve-interval-start.js';

describe('resolveIntervalStart', () => {
  const berlin = { clock: createZoneClock('Europe/Berlin'), intervalMinutes: 30, thresholdSeconds: 20 };
  const kolkata = { clock: createZoneClock('Asia/Kolkata'), intervalMinutes: 60, thresholdSeconds: 20 };

  it('accepts starts on the local grid, with or without offsets', () => {
    expect(resolveIntervalStart('2026-03-02 09:30', berlin)).toBe(Date.UTC(2026, 2, 2, 8, 30));
    expect(resolveIntervalStart('2026-03-02T08:30:00Z', berlin)).toBe(Date.UTC(2026, 2, 2, 8, 30));
    expect(resolveIntervalStart('2026-03-02 09:00', kolkata)).toBe(Date.UTC(2026, 2, 2, 3, 30));
  });

  it('refuses starts off the grid, in local time of the channel', () => {
    expect(resolveIntervalStart('2026-03-02 09:15', berlin)).toMatch(/^is not on the 30-minute interval grid/);
    expect(resolveIntervalStart('2026-03-02 09:30:01', berlin)).toMatch(/grid/);
    // 09:00 UTC is 14:30 in Kolkata: not on its hourly grid.
    expect(resolveIntervalStart('2026-03-02T09:00:00Z', kolkata)).toMatch(/local time 2026-03-02T14:30:00\+05:30/);
  });

  it('passes on the zone errors', () => {
    expect(resolveIntervalStart('2026-03-29 02:00', berlin)).toMatch(/does not exist/);
    expect(resolveIntervalStart('2026-10-25 02:00', berlin)).toMatch(/happens twice/);
  });
});
