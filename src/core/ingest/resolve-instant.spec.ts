import { createZoneClock } from '../time/create-zone-clock.js';
import { resolveInstant } from './resolve-instant.js';

describe('resolveInstant', () => {
  const berlin = createZoneClock('Europe/Berlin');

  it('takes offsets as written and resolves local times in the zone', () => {
    expect(resolveInstant('2026-03-29T09:30:00+02:00', berlin)).toBe(Date.UTC(2026, 2, 29, 7, 30));
    expect(resolveInstant('2026-03-29T09:30:00Z', berlin)).toBe(Date.UTC(2026, 2, 29, 9, 30));
    expect(resolveInstant('2026-03-29 09:30', berlin)).toBe(Date.UTC(2026, 2, 29, 7, 30));
    expect(resolveInstant('2026-03-28 09:30:15', berlin)).toBe(Date.UTC(2026, 2, 28, 8, 30, 15));
  });

  it('refuses a local time skipped in spring', () => {
    expect(resolveInstant('2026-03-29 02:30', berlin)).toMatch(/^local time 2026-03-29 02:30:00 does not exist in Europe\/Berlin/);
  });

  it('refuses a repeated local time in autumn, naming both offsets, and accepts it with an offset', () => {
    expect(resolveInstant('2026-10-25 02:30', berlin)).toBe(
      'local time 2026-10-25 02:30:00 happens twice in Europe/Berlin (the clocks move back); write the offset: 2026-10-25T02:30:00+02:00 or 2026-10-25T02:30:00+01:00',
    );
    expect(resolveInstant('2026-10-25T02:30:00+02:00', berlin)).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(resolveInstant('2026-10-25T02:30:00+01:00', berlin)).toBe(Date.UTC(2026, 9, 25, 1, 30));
  });

  it('refuses text that is not a timestamp', () => {
    expect(resolveInstant('yesterday', berlin)).toMatch(/^must be a timestamp/);
  });
});
