import { flagOutlierDays } from './flag-outlier-days.js';
import { learnOpenIntervals } from './learn-open-intervals.js';
import { splitGaps } from './split-gaps.js';

/** A day below this share of its weekday's median total (or above its inverse) is not learnt from. */
const OUTLIER_THRESHOLD = 0.6;
/** Recent same weekdays whose majority decides the open hours. */
export const OPEN_WEEKS = 6;

/** A history made ready for fitting, and what was found missing in it. */
export interface PreparedHistory {
  /** The training values: 0 in closed hours, NaN for missing intervals and every left-out day. */
  train: Float64Array;
  /** Open hours, 7·slotsPerDay flags, weekday 0 = the history's first day. */
  open: Uint8Array;
  /** One flag per day: 1 for a missing day (no value at any open interval). */
  missingDays: Uint8Array;
  /** Missing intervals inside the open hours, those of missing days included. */
  missingIntervals: number;
  /** One flag per day: 1 for every day left out (special, unannounced special, missing). */
  leftOut: Uint8Array;
}

/**
 * Prepares a channel's history for any method: tells missing from zero, and leaves out the days
 * no method may learn from. The open hours are the planner's (`open`) or learnt from the last 6
 * observed same weekdays (learnOpenIntervals); a NaN outside them becomes 0 (closed), inside them
 * it stays NaN (missing; splitGaps); a day with no value at any open interval is a missing day.
 * Known special days (`excludedDays`) and, when `outliers` is set, unannounced ones
 * (flagOutlierDays, a total below 0.6× or above 1/0.6× its weekday's median) become NaN all day,
 * so a method skips them or imputes them, and never copies them forward.
 *
 * Formula: see learnOpenIntervals, splitGaps and flagOutlierDays. Units: contacts per interval.
 * Reference: docs/forecasting.md (missing is not zero; special days are not learnt from);
 * Weinberg, Brown & Stroud, JASA 102, 2007, §2 (holidays removed before fitting).
 * Complexity: O(days·s).
 *
 * @param history whole local days, NaN where an interval had no row (not changed)
 * @example
 * prepareHistory(history, 48, { outliers: true }).missingDays // 1 on the day the export lost
 */
export function prepareHistory(
  history: Float64Array,
  slotsPerDay: number,
  o: { excludedDays?: Uint8Array; open?: Uint8Array; outliers?: boolean } = {},
): PreparedHistory {
  const s = slotsPerDay;
  const days = Math.floor(history.length / s);
  if (o.excludedDays && o.excludedDays.length !== days) throw new RangeError(`prepareHistory requires one excluded flag per day, got ${o.excludedDays.length} for ${days} days`);
  const train = Float64Array.from(history);
  let open = o.open;
  if (!open) {
    open = new Uint8Array(7 * s);
    learnOpenIntervals(train, s, OPEN_WEEKS, open);
  }
  const missingDays = new Uint8Array(days);
  const missingIntervals = splitGaps(train, s, open, 0, missingDays);
  const leftOut = o.excludedDays ? Uint8Array.from(o.excludedDays) : new Uint8Array(days);
  for (let d = 0; d < days; d++) if (missingDays[d]) leftOut[d] = 1;
  if (o.outliers) {
    const forOutliers = Float64Array.from(train);
    for (let d = 0; d < days; d++) if (leftOut[d]) forOutliers.fill(NaN, d * s, (d + 1) * s);
    flagOutlierDays(forOutliers, s, OUTLIER_THRESHOLD, leftOut);
  }
  for (let d = 0; d < days; d++) if (leftOut[d]) train.fill(NaN, d * s, (d + 1) * s);
  return { train, open, missingDays, missingIntervals, leftOut };
}
