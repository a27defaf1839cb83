import { autoForecast } from './auto-forecast.js';
import { forecastIntervals } from './forecast-intervals.js';
import { predictionBands } from './prediction-bands.js';
import { rotateOpenHours } from './rotate-open-hours.js';
import { MINIMUM_HISTORY_DAYS, type ForecastChoice, type ForecastMethod } from './types.js';

/**
 * Rolling-origin evaluation of one method (or `auto`) on one channel's series: at each origin
 * the method is re-fitted on the `trainDays` days before it and forecasts the next
 * `horizonDays`; the origin then moves `stepDays` on. Forecasts and the matching actuals are
 * written one origin after the other, so any accuracy measure can be taken over the
 * concatenation.
 *
 * Formula: origin o_k = firstOriginDay + k·stepDays, k = 0 … origins − 1; history
 * y[(o_k − trainDays)·s, o_k·s); forecastOut/actualOut[k·H·s + i] = F/A at o_k·s + i with
 * H = horizonDays. Missing is not zero: a NaN of the series (no row) outside the open hours the
 * origin's history shows is an actual 0, inside them a missing actual (NaN, left out of every
 * score); days `excludedDays` marks (special days) are not learnt from (see forecastIntervals)
 * and are NaN in both columns of the horizons, so they do not count either. With `bands`, the
 * p10 and p90 of each forecast (predictionBands from the back-test on the last weeks of each
 * origin's history, see autoForecast). `firstDay` is the calendar day of the series' day 0 (for
 * calendar effects, see forecastIntervals); `open` the planner's open hours (weekday 0 = the
 * series' day 0), else each origin learns them from its history. Reference: Tashman, "Out-of-sample tests of forecasting
 * accuracy: an analysis and review", IJF 16(4), 2000. Complexity: origins × the method's cost
 * on trainDays (× the back-test's when `auto`, `combination` or `bands`).
 *
 * @param series whole local days of intervals, NaN where an interval had no row
 * @param firstOriginDay day index of the first origin; needs trainDays ≤ firstOriginDay and the
 *   last horizon inside the series
 * @returns per origin, the method used (auto: the one it chose)
 * @example
 * rollingOriginBacktest('seasonal-naive', series, 48, { firstOriginDay: 28, origins: 8, horizonDays: 7, stepDays: 7, trainDays: 28 }, f, a)
 */
export function rollingOriginBacktest(
  method: ForecastChoice,
  series: Float64Array,
  slotsPerDay: number,
  o: { firstOriginDay: number; origins: number; horizonDays: number; stepDays: number; trainDays: number; excludedDays?: Uint8Array; firstDay?: number | null; open?: Uint8Array },
  forecastOut: Float64Array,
  actualOut: Float64Array,
  bands?: { p10: Float64Array; p90: Float64Array },
): ForecastMethod[] {
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
  if (bands && (bands.p10.length !== forecastOut.length || bands.p90.length !== forecastOut.length)) throw new RangeError(`rollingOriginBacktest requires bands of ${o.origins * block} intervals`);
  const used: ForecastMethod[] = [];
  for (let k = 0; k < o.origins; k++) {
    const origin = o.firstOriginDay + k * o.stepDays;
    const history = series.subarray((origin - o.trainDays) * s, origin * s);
    const excluded = o.excludedDays?.subarray(origin - o.trainDays, origin);
    const f = forecastOut.subarray(k * block, (k + 1) * block);
    const given = rotateOpenHours(o.open, s, origin - o.trainDays);
    let open: Uint8Array;
    if (method === 'auto' || method === 'combination' || bands) {
      const firstDay = o.firstDay == null ? null : o.firstDay + origin - o.trainDays;
      const r = autoForecast(method, history, s, o.horizonDays, f, { excludedDays: excluded, firstDay, open: given });
      open = r.prepared.open;
      used.push(r.method);
      if (bands) {
        const p10 = bands.p10.subarray(k * block, (k + 1) * block);
        const p90 = bands.p90.subarray(k * block, (k + 1) * block);
        if (r.backtest) predictionBands(f, s, r.backtest.forecast, r.backtest.actual, p10, p90);
        else predictionBands(f, s, new Float64Array(0), new Float64Array(0), p10, p90);
      }
    } else {
      open = forecastIntervals(method, history, s, o.horizonDays, f, excluded, given, o.firstDay == null ? null : o.firstDay + origin - o.trainDays).open;
      used.push(method);
    }
    const a = actualOut.subarray(k * block, (k + 1) * block);
    a.set(series.subarray(origin * s, origin * s + block));
    for (let h = 0; h < o.horizonDays; h++) {
      const w = (o.trainDays + h) % 7;
      const special = o.excludedDays?.[origin + h] === 1;
      for (let j = 0; j < s; j++) {
        const i = h * s + j;
        if (special) {
          a[i] = NaN;
          f[i] = NaN;
        } else if (Number.isNaN(a[i]) && !open[w * s + j]) a[i] = 0;
      }
    }
  }
  return used;
}
