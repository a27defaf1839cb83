import type { BusinessCalendar } from './business-calendar.js';
import { businessDayWindow } from './business-day-window.js';
import { localDayOf } from './local-day-of.js';

/** Scratch for one day's window (no allocation per call; calls never nest). */
const dayWindow = new Float64Array(2);

/** Longest search: ten years of local dates (a calendar always works at least one weekday). */
const MAX_DAYS = 3660;

/**
 * The instant at which `seconds` of business time have run from `startMs`: the deadline of an
 * objective measured on the business clock.
 *
 * Method: walk the local dates of the calendar's zone from the start's date; each worked date
 * contributes its window [open, close) (businessDayWindow: wall-clock hours, so DST-correct)
 * clipped to start at `startMs`; the deadline falls in the window where the remaining time runs
 * out. A start outside business hours begins at the next opening; a budget that runs out exactly
 * at a closing time gives that closing time (the deadline is met by an event at it). Zero
 * seconds give the start itself.
 *
 * Units: epoch milliseconds in and out, seconds of business time.
 * Complexity O(dates walked) = O(seconds ÷ seconds of business per day + holidays crossed).
 * @throws RangeError when seconds is negative or not finite, or the budget needs more than ten years.
 * @example addBusinessSeconds(monToFri9to17Utc, Date.UTC(2026, 2, 6, 16), 7200) // Friday 16:00 + 2 h → Monday 2026-03-09 10:00Z
 */
export function addBusinessSeconds(calendar: BusinessCalendar, startMs: number, seconds: number): number {
  if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new RangeError('addBusinessSeconds requires seconds to be a finite number >= 0');
  if (seconds === 0) return startMs;
  let remainingMs = seconds * 1000;
  const first = localDayOf(calendar, startMs);
  for (let day = first - 1; day <= first + MAX_DAYS; day++) {
    businessDayWindow(calendar, day, dayWindow);
    const open = Math.max(dayWindow[0], startMs);
    const close = dayWindow[1];
    if (close <= open) continue;
    const available = close - open;
    if (remainingMs <= available) return open + remainingMs;
    remainingMs -= available;
  }
  throw new RangeError('addBusinessSeconds requires a budget that runs out within ten years');
}
