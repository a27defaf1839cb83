import { doubleSeasonalLog } from './double-seasonal-log.js';
import { fillExcludedDays } from './fill-excluded-days.js';
import { flagOutlierDays } from './flag-outlier-days.js';
import { holtWintersDaily } from './holt-winters-daily.js';
import { seasonalNaive } from './seasonal-naive.js';
import { MINIMUM_HISTORY_DAYS, type ForecastMethod } from './types.js';
import { weekdayProfile } from './weekday-profile.js';
import { zeroClosedIntervals } from './zero-closed-intervals.js';

/** A day below this share of its weekday's median total (or above its inverse) is not learnt from. */
const OUTLIER_THRESHOLD = 0.6;

/** Weeks without a contact at an interval that make it a closed hour. */
const CLOSED_WEEKS = 4;


/**
 * Forecasts a channel's intervals with one method, then zeroes closed hours: the one entry
 * point the back-test and the generator share.
 *
 * Method: known special days (`excludedDays`, one flag per history day) and, except for the
 * seasonal-naive baseline, unannounced ones (flagOutlierDays, 0.6) are replaced by their
 * neighbouring same weekdays (fillExcludedDays) before fitting; then dispatches to
 * seasonalNaive, weekdayProfile, holtWintersDaily or doubleSeasonalLog (log scale, fitted at
 * leads of 1 … 7 days); then zeroClosedIntervals with the last 4 weeks. Units: contacts per
 * interval. Reference: see each method. Complexity: that of the method (double-seasonal's
 * fit, some 60 filter runs over the history, dominates).
 *
 * @param history whole local days, at least MINIMUM_HISTORY_DAYS[method]
 * @example
 * forecastIntervals('weekday-profile', history, 48, 7, out)
 */
export function forecastIntervals(
  method: ForecastMethod,
  history: Float64Array,
  slotsPerDay: number,
  horizonDays: number,
  out: Float64Array,
  excludedDays?: Uint8Array,
): void {
  const days = history.length / slotsPerDay;
  if (!(days >= MINIMUM_HISTORY_DAYS[method])) {
    throw new RangeError(`forecastIntervals requires at least ${MINIMUM_HISTORY_DAYS[method]} days of history for ${method}, got ${days}`);
  }
  let train = history;
  const flags = excludedDays ? Uint8Array.from(excludedDays) : new Uint8Array(days);
  if (method !== 'seasonal-naive') flagOutlierDays(history, slotsPerDay, OUTLIER_THRESHOLD, flags);
  if (flags.some((f) => f === 1)) {
    train = Float64Array.from(history);
    fillExcludedDays(train, slotsPerDay, flags);
  }
  switch (method) {
    case 'seasonal-naive':
      seasonalNaive(train, slotsPerDay, horizonDays, out);
      break;
    case 'weekday-profile':
      weekdayProfile(train, slotsPerDay, horizonDays, out);
      break;
    case 'holt-winters':
      holtWintersDaily(train, slotsPerDay, horizonDays, out);
      break;
    case 'double-seasonal':
      doubleSeasonalLog(train, slotsPerDay, horizonDays, out);
      break;
  }
  zeroClosedIntervals(train, slotsPerDay, CLOSED_WEEKS, out);
}
