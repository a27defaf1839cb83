import type { ZoneClock } from '../time/create-zone-clock.js';
import { formatLocalIso } from '../time/format-local-iso.js';
import { formatUtcIso } from '../time/format-utc-iso.js';
import { parseTimestamp, type ParsedTimestamp } from '../time/parse-timestamp.js';

const scratch: ParsedTimestamp = { localMs: 0, offsetMinutes: null };

/**
 * The instant of a timestamp field: taken as is when it carries an offset (`...Z`, `+02:00`),
 * else resolved as a wall-clock time of the channel's zone. A wall-clock time skipped by a
 * spring-forward change is an error; one repeated by a fall-back change is an error that names
 * both candidate offsets (write the offset to choose).
 *
 * Complexity O(length) plus a memoised zone lookup.
 * @returns the instant in UTC milliseconds, or the reason (a string) it is not one.
 * @example resolveInstant('2026-03-29 02:30', createZoneClock('Europe/Berlin')) // 'local time 2026-03-29 02:30 does not exist ...'
 */
export function resolveInstant(text: string, clock: ZoneClock): number | string {
  if (!parseTimestamp(text, scratch)) {
    return 'must be a timestamp such as 2026-03-02T09:30:00+01:00, 2026-03-02T08:30:00Z or 2026-03-02 09:30 (local)';
  }
  if (scratch.offsetMinutes !== null) return scratch.localMs - scratch.offsetMinutes * 60_000;
  const r = clock.resolveLocal(scratch.localMs);
  switch (r.kind) {
    case 'unique':
      return r.utcMs;
    case 'nonexistent':
      return `local time ${formatUtcIso(scratch.localMs).slice(0, 19).replace('T', ' ')} does not exist in ${clock.timeZone} (the clocks move forward over it)`;
    case 'ambiguous':
      return (
        `local time ${formatUtcIso(scratch.localMs).slice(0, 19).replace('T', ' ')} happens twice in ${clock.timeZone} (the clocks move back); ` +
        `write the offset: ${formatLocalIso(r.earlierUtcMs, r.earlierOffsetMinutes)} or ${formatLocalIso(r.laterUtcMs, r.laterOffsetMinutes)}`
      );
  }
}
