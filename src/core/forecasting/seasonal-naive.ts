import { assertHistory } from './assert-history.js';

/**
 * Seasonal-naive forecast: every interval repeats the same interval one week earlier, or, when
 * that one is missing (NaN: no row, or a special day left out), the latest same weekday that
 * has a value there. A missing or special day is never copied forward.
 *
 * Formula: F[t] = y[n − 7·s·k + (t mod 7·s)] for the smallest k ≥ 1 where it is a number
 * (t = 0 … horizon·s − 1, s = slots per day, n = history length), so horizons beyond one week
 * repeat the last week again; when no same weekday has a value, the mean of that time of day
 * over every day that has one, else 0 (never observed: a closed hour). Units: contacts per
 * interval. Reference: Hyndman & Athanasopoulos, "Forecasting: principles and practice" 3rd
 * ed., §5.2 (seasonal naïve method). Complexity: O(horizon·s) plus O(days) per missing value.
 *
 * @param history whole local days, at least 7 of them; NaN where missing
 * @param out forecast of horizonDays·slotsPerDay intervals
 * @example
 * seasonalNaive(history14days48, 48, 7, out) // out equals the last 336 values of history
 */
export function seasonalNaive(history: Float64Array, slotsPerDay: number, horizonDays: number, out: Float64Array): void {
  assertHistory('seasonalNaive', history, slotsPerDay, horizonDays, out, 7);
  const s = slotsPerDay;
  const week = 7 * s;
  const base = history.length - week;
  const lastWeek = new Float64Array(week);
  for (let i = 0; i < week; i++) {
    let v = NaN;
    for (let t = base + i; t >= 0 && Number.isNaN(v); t -= week) v = history[t];
    if (Number.isNaN(v)) {
      let sum = 0;
      let n = 0;
      for (let t = i % s; t < history.length; t += s) {
        if (Number.isNaN(history[t])) continue;
        sum += history[t];
        n++;
      }
      v = n > 0 ? sum / n : 0;
    }
    lastWeek[i] = v;
  }
  for (let t = 0; t < out.length; t++) out[t] = lastWeek[t % week];
}
