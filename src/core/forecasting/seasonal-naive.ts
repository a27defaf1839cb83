import { assertHistory } from './assert-history.js';

/**
 * Seasonal-naive forecast: every interval repeats the same interval one week earlier.
 *
 * Formula: F[t] = y[n − 7·s + ((t) mod 7·s)] for t = 0 … horizon·s − 1, s = slots per day,
 * n = history length, so week-ahead horizons beyond one week repeat the last week again.
 * Units: contacts per interval. Reference: Hyndman & Athanasopoulos, "Forecasting: principles
 * and practice" 3rd ed., §5.2 (seasonal naïve method). Complexity: O(horizon·s).
 *
 * @param history whole local days, at least 7 of them
 * @param out forecast of horizonDays·slotsPerDay intervals
 * @example
 * seasonalNaive(history14days48, 48, 7, out) // out equals the last 336 values of history
 */
export function seasonalNaive(history: Float64Array, slotsPerDay: number, horizonDays: number, out: Float64Array): void {
  assertHistory('seasonalNaive', history, slotsPerDay, horizonDays, out, 7);
  const week = 7 * slotsPerDay;
  const base = history.length - week;
  for (let t = 0; t < out.length; t++) out[t] = history[base + (t % week)];
}
