import { dailyRegression } from './daily-regression.js';
import type { DoubleSeasonalParameters } from './double-seasonal.js';
import { doubleSeasonalLog } from './double-seasonal-log.js';
import { fillExcludedDays } from './fill-excluded-days.js';
import { holtWintersDaily } from './holt-winters-daily.js';
import { prepareHistory, type PreparedHistory } from './prepare-history.js';
import { seasonalNaive } from './seasonal-naive.js';
import { MINIMUM_HISTORY_DAYS, type SingleMethod } from './types.js';
import { weekdayMean } from './weekday-mean.js';
import { weekdayProfile } from './weekday-profile.js';

/**
 * Forecasts a channel's intervals with one single method, then sets closed hours to exactly 0:
 * the one entry point of every fit (the back-tests, auto and the generator).
 *
 * Method: prepareHistory tells missing from zero (open hours learnt from the last 6 observed
 * same weekdays, or the planner's `open`) and leaves out known special days (`excludedDays`),
 * missing days and, except for the two baselines seasonal-naive and weekday-mean, unannounced
 * special days (a total below 0.6× or above 1/0.6× its weekday's median). Then: seasonalNaive and
 * weekdayMean (6 weeks, plain mean) skip what is left out; dailyRegression leaves those days out
 * of its fit; weekdayProfile, holtWintersDaily and doubleSeasonalLog (log scale, fitted at leads
 * of 1 … 7 days) need a full grid and get one from fillExcludedDays (each left-out value imputed
 * from its nearest same weekdays, never 0). Finally every interval outside the open hours is 0.
 * Units: contacts per interval. Reference: see each method. Complexity: that of the method
 * (double-seasonal's fit, some 60 filter runs over the history, dominates).
 *
 * @param history whole local days, at least MINIMUM_HISTORY_DAYS[method]; NaN where an interval
 *   had no row
 * @param excludedDays one flag per history day: special days not to learn from
 * @param open the planner's open hours, 7·slotsPerDay flags, weekday 0 = the history's first day
 * @param firstDay calendar day (days since 1970-01-01) of the history's day 0, for calendar
 *   effects (daily-regression's day of the month); null: none
 * @param memory fitted parameters carried between fits of overlapping histories (a back-test's
 *   origins): double-seasonal starts its search from the last fit kept there, and keeps its own
 * @returns the prepared history (open hours, missing days and intervals found)
 * @example
 * forecastIntervals('weekday-profile', history, 48, 7, out)
 */
export function forecastIntervals(
  method: SingleMethod,
  history: Float64Array,
  slotsPerDay: number,
  horizonDays: number,
  out: Float64Array,
  excludedDays?: Uint8Array,
  open?: Uint8Array,
  firstDay: number | null = null,
  memory?: { doubleSeasonal?: DoubleSeasonalParameters },
): PreparedHistory {
  const s = slotsPerDay;
  const days = history.length / s;
  if (!(days >= MINIMUM_HISTORY_DAYS[method])) {
    throw new RangeError(`forecastIntervals requires at least ${MINIMUM_HISTORY_DAYS[method]} days of history for ${method}, got ${days}`);
  }
  const baseline = method === 'seasonal-naive' || method === 'weekday-mean';
  const prepared = prepareHistory(history, s, { excludedDays, open, outliers: !baseline });
  const full = (): Float64Array => {
    const grid = Float64Array.from(prepared.train);
    fillExcludedDays(grid, s, new Uint8Array(days));
    return grid;
  };
  switch (method) {
    case 'seasonal-naive':
      seasonalNaive(prepared.train, s, horizonDays, out);
      break;
    case 'weekday-mean':
      weekdayMean(prepared.train, s, horizonDays, out);
      break;
    case 'weekday-profile':
      weekdayProfile(full(), s, horizonDays, out);
      break;
    case 'holt-winters':
      holtWintersDaily(full(), s, horizonDays, out);
      break;
    case 'double-seasonal':
      {
        const fit = doubleSeasonalLog(full(), s, horizonDays, out, memory?.doubleSeasonal);
        if (memory) memory.doubleSeasonal = fit;
      }
      break;
    case 'daily-regression':
      dailyRegression(prepared.train, s, horizonDays, out, firstDay);
      break;
  }
  for (let h = 0; h < horizonDays; h++) {
    const w = (days + h) % 7;
    for (let j = 0; j < s; j++) if (!prepared.open[w * s + j]) out[h * s + j] = 0;
  }
  return prepared;
}
