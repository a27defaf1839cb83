import { assertHistory } from './assert-history.js';
import { fitHoltWinters } from './fit-holt-winters.js';
import { holtWinters, type Seasonality } from './holt-winters.js';
import { intradayShares } from './intraday-shares.js';

/** Parameters are fitted to week-ahead errors: the horizons are weeks. */
const LEAD = 7;
/** Weight of each older week in the intraday profile: the recency weight weekdayProfile gives its day totals. */
const SHARE_DECAY = 0.85;

/**
 * Holt–Winters forecast of daily totals with weekly seasonality, spread over each day by the
 * weekday's intraday share profile of the last 12 weeks, each older week weighted 0.85 of the
 * next.
 *
 * Method: sum the history per day; fit additive and multiplicative Holt–Winters (period 7) by
 * minimising in-sample squared week-ahead (lead 7) error (fitHoltWinters) and keep the form with the
 * smaller error (or the one asked for); forecast the daily totals and multiply by
 * intradayShares (decay 0.85). Units: contacts per interval. Reference: Winters, "Forecasting sales by
 * exponentially weighted moving averages", Management Science 6(3), 1960; Hyndman &
 * Athanasopoulos, FPP 3rd ed., §8.3. Complexity: O(220·days + horizon·s).
 *
 * @param history whole local days, at least 14
 * @returns the seasonality used and its fitted parameters
 * @example
 * holtWintersDaily(history, 48, 7, out).seasonality // 'multiplicative'
 */
export function holtWintersDaily(
  history: Float64Array,
  slotsPerDay: number,
  horizonDays: number,
  out: Float64Array,
  seasonality: Seasonality | 'best' = 'best',
): { seasonality: Seasonality; alpha: number; beta: number; gamma: number; sse: number } {
  assertHistory('holtWintersDaily', history, slotsPerDay, horizonDays, out, 14);
  const s = slotsPerDay;
  const days = history.length / s;
  const totals = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    let total = 0;
    for (let j = 0; j < s; j++) total += history[d * s + j];
    totals[d] = total;
  }
  const kinds: Seasonality[] = seasonality === 'best' ? ['additive', 'multiplicative'] : [seasonality];
  let chosen = { seasonality: kinds[0], ...fitHoltWinters(totals, 7, kinds[0], LEAD) };
  for (const kind of kinds.slice(1)) {
    const fit = fitHoltWinters(totals, 7, kind, LEAD);
    if (fit.sse < chosen.sse) chosen = { seasonality: kind, ...fit };
  }
  const daily = new Float64Array(horizonDays);
  holtWinters(totals, 7, chosen.seasonality, chosen, daily);
  const shares = new Float64Array(7 * s);
  intradayShares(history, s, 12, shares, SHARE_DECAY);
  for (let h = 0; h < horizonDays; h++) {
    const w = (days + h) % 7;
    for (let j = 0; j < s; j++) out[h * s + j] = daily[h] * shares[w * s + j];
  }
  return chosen;
}
