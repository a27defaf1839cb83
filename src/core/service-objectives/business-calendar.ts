import type { ZoneClock } from '../time/create-zone-clock.js';

/**
 * A tenant's business calendar, compiled for the business-time kernels: the zone's clock,
 * the working weekdays, the daily opening window (wall-clock minutes after local midnight) and
 * the holidays (local dates as days since 1970-01-01). Build it with `compileBusinessCalendar`.
 */
export interface BusinessCalendar {
  readonly clock: ZoneClock;
  /** Bit (ISO weekday − 1) set when the weekday is worked: Monday is bit 0, Sunday bit 6. */
  readonly weekdayMask: number;
  /** Opening and closing wall-clock minutes after local midnight, 0 ≤ open < close ≤ 1440. */
  readonly openMinute: number;
  readonly closeMinute: number;
  /** Local dates that are not worked, as days since 1970-01-01. */
  readonly holidayDays: ReadonlySet<number>;
}

/** How the time towards an objective runs: around the clock, or in business hours only. */
export type ObjectiveClock = '24x7' | 'business';
