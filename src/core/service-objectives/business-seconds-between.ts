import type { BusinessCalendar } from './business-calendar.js';
import { businessDayWindow } from './business-day-window.js';
import { localDayOf } from './local-day-of.js';

/** Scratch for one day's window (no allocation per call; calls never nest). */
const dayWindow = new Float64Array(2);

/**
 * Seconds of business time in [fromMs, toMs): the sum over the worked local dates of the
 * overlap of each date's window [open, close) with the span (0 when toMs ≤ fromMs).
 *
 * Method: walk the local dates of the calendar's zone from the date before `fromMs` (a window
 * may run past midnight in UTC) to the date of `toMs`; windows keep their wall-clock hours
 * across daylight-saving changes (businessDayWindow). With `limitSeconds`, the walk stops as soon
 * as the sum exceeds it and returns that partial sum (> limitSeconds): enough to decide whether an
 * objective of `limitSeconds` was met, at a cost bounded by the objective instead of the span.
 *
 * Units: epoch milliseconds in, seconds out.
 * Complexity O(local dates in the span), or O(limit ÷ business seconds per day) with a limit.
 * @example businessSecondsBetween(monToFri9to17Utc, Date.UTC(2026, 2, 6, 16), Date.UTC(2026, 2, 9, 10)) // 7200 (Fri 16–17, Mon 9–10)
 */
export function businessSecondsBetween(calendar: BusinessCalendar, fromMs: number, toMs: number, limitSeconds = Infinity): number {
  if (!(toMs > fromMs)) return 0;
  const last = localDayOf(calendar, toMs) + 1;
  const limitMs = limitSeconds * 1000;
  let sumMs = 0;
  for (let day = localDayOf(calendar, fromMs) - 1; day <= last; day++) {
    businessDayWindow(calendar, day, dayWindow);
    const open = Math.max(dayWindow[0], fromMs);
    const close = Math.min(dayWindow[1], toMs);
    if (close > open) {
      sumMs += close - open;
      if (sumMs > limitMs) break;
    }
  }
  return sumMs / 1000;
}
