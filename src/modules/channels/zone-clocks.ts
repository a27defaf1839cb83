import { createZoneClock, type ZoneClock } from '../../core/time/create-zone-clock.js';

const clocks = new Map<string, ZoneClock>();

/** One memoised ZoneClock per IANA zone for the process (clocks are pure). */
export function zoneClockFor(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) clocks.set(timeZone, (clock = createZoneClock(timeZone)));
  return clock;
}
