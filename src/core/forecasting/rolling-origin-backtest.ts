import { forecastIntervals } from './forecast-intervals.js';
import { MINIMUM_HISTORY_DAYS, type ForecastMethod } from './types.js';

/**
 * Rolling-origin evaluation of one method on one channel's series: at each origin the method is
 * re-fitted on the `trainDays` days before it and forecasts the next `horizonDays`; the origin
 * then moves `stepDays` on. Forecasts and the matching actuals are written one origin after the
 * other, so any accuracy measure can be taken over the concatenation.
 *
 * Formula: origin o_k = firstOriginDay + k·stepDays, k = 0 … origins − 1; history
 * y[(o_k − trainDays)·s, o_k·s); forecastOut/actualOut[k·H·s + i] = F/A at o_k·s + i with
 * H = horizonDays. Days `excludedDays` marks (special days) are not learnt from (see
 * forecastIntervals) and are blanked from both columns of the horizons (forecast and actual 0)
 * so they do not count in the scores. Reference: Tashman,
 * "Out-of-sample tests of forecasting accuracy: an analysis and review", IJF 16(4), 2000.
 * Complexity: origins × the method's cost on trainDays.
 *
 * @param series whole local days of intervals
 * @param firstOriginDay day index of the first origin; needs trainDays ≤ firstOriginDay and the
 *   last horizon inside the series
 * @example
 * rollingOriginBacktest('seasonal-naive', series, 48, { firstOriginDay: 28, origins: 8, horizonDays: 7, stepDays: 7, trainDays: 28 }, f, a)
 */
export function rollingOriginBacktest(
  method: ForecastMethod,
  series: Float64Array,
  slotsPerDay: number,
  o: { firstOriginDay: number; origins: number; horizonDays: number; stepDays: number; trainDays: number; excludedDays?: Uint8Array },
  forecastOut: Float64Array,
  actualOut: Float64Array,
): void {
  const s = slotsPerDay;
  const days = series.length / s;
  const block = o.horizonDays * s;
  if (!Number.isInteger(days)) throw new RangeError(`rollingOriginBacktest requires whole days, got ${series.length} values for ${s} slots a day`);
  if (!(o.origins >= 1) || !(o.horizonDays >= 1) || !(o.stepDays >= 1)) throw new RangeError('rollingOriginBacktest requires origins, horizonDays and stepDays of at least 1');
  if (o.trainDays < MINIMUM_HISTORY_DAYS[method] || o.trainDays > o.firstOriginDay) {
    throw new RangeError(`rollingOriginBacktest requires trainDays between ${MINIMUM_HISTORY_DAYS[method]} and firstOriginDay ${o.firstOriginDay}, got ${o.trainDays}`);
  }
  const lastEnd = o.firstOriginDay + (o.origins - 1) * o.stepDays + o.horizonDays;
  if (lastEnd > days) throw new RangeError(`rollingOriginBacktest requires the last horizon to end inside the series (day ${lastEnd} of ${days})`);
  if (forecastOut.length !== o.origins * block || actualOut.length !== o.origins * block) {
    throw new RangeError(`rollingOriginBacktest requires outputs of ${o.origins * block} intervals`);
  }
  for (let k = 0; k < o.origins; k++) {
    const origin = o.firstOriginDay + k * o.stepDays;
    const history = series.subarray((origin - o.trainDays) * s, origin * s);
    const f = forecastOut.subarray(k * block, (k + 1) * block);
    forecastIntervals(method, history, s, o.horizonDays, f, o.excludedDays?.subarray(origin - o.trainDays, origin));
    actualOut.set(series.subarray(origin * s, origin * s + block), k * block);
    if (o.excludedDays) {
      for (let h = 0; h < o.horizonDays; h++) {
        if (o.excludedDays[origin + h]) {
          f.fill(0, h * s, (h + 1) * s);
          actualOut.fill(0, k * block + h * s, k * block + (h + 1) * s);
        }
      }
    }
  }
}
