import { doubleSeasonal, type DoubleSeasonalParameters } from './double-seasonal.js';

const LEVEL = [0.001, 0.02, 0.15];
const SEASONAL = [0.02, 0.15, 0.4];

/**
 * Fits the smoothing parameters of Taylor's double-seasonal method by minimising an in-sample
 * sum of squared errors: one-step errors with the AR(1) adjustment (`leadDays` 0, whose φ is
 * solved in closed form, as Taylor does), or the errors of forecasts made 1 … `leadDays` whole
 * days earlier (the horizon the forecasts are used at: 7 for week-ahead plans). A coarse grid
 * (3 values each of α, δ and ω), then a compass search: each parameter moves by ±step while the
 * error falls, the step halving from 0.08 five times; each parameter kept in [0, 1].
 *
 * Formula: argmin_{α,δ,ω} Σ e², see doubleSeasonal. Reference: Taylor, JORS 54, 2003, §3
 * (parameters by minimising the sum of squared one-step-ahead errors); estimation at the lead
 * of use: Xia & Tong, "Feature matching in time series modeling", Statistical Science 26(1),
 * 2011; compass search: Kolda, Lewis & Torczon, "Optimization by direct search", SIAM Review
 * 45(3), 2003. Complexity: O(e·n) for e ≈ 27 + 30 … 60 filter runs.
 *
 * @param y at least two weeks of intervals (14·slotsPerDay)
 * @param leadDays 0 (one-step) to 7
 * @param start a warm start (the parameters fitted on an overlapping history, e.g. the previous
 *   origin of a back-test): the grid is skipped and the compass search starts there
 * @returns the parameters, and sse, mse and φ of the fit at them
 * @example
 * fitDoubleSeasonal(logOfTwelveWeeks, 48, 7) // e.g. { alpha: 0, delta: 0.01, omega: 0.23, sse, mse, phi }
 */
export function fitDoubleSeasonal(y: Float64Array, slotsPerDay: number, leadDays = 0, start?: DoubleSeasonalParameters): DoubleSeasonalParameters & { sse: number; mse: number; phi: number } {
  if (!Number.isInteger(slotsPerDay) || slotsPerDay < 1) throw new RangeError(`fitDoubleSeasonal requires slotsPerDay to be a positive integer, got ${slotsPerDay}`);
  if (!Number.isInteger(leadDays) || leadDays < 0 || leadDays > 7) throw new RangeError(`fitDoubleSeasonal requires leadDays to be an integer from 0 to 7, got ${leadDays}`);
  if (y.length < 14 * slotsPerDay) throw new RangeError(`fitDoubleSeasonal requires at least 14 days of intervals, got ${y.length} values`);
  const none = new Float64Array(0);
  let best: DoubleSeasonalParameters = start ? { alpha: start.alpha, delta: start.delta, omega: start.omega } : { alpha: 0.01, delta: 0.05, omega: 0.15 };
  let bestFit = start ? doubleSeasonal(y, slotsPerDay, best, none, leadDays) : { sse: Infinity, mse: NaN, phi: 0 };
  for (const alpha of start ? [] : LEVEL) {
    for (const delta of SEASONAL) {
      for (const omega of SEASONAL) {
        const fit = doubleSeasonal(y, slotsPerDay, { alpha, delta, omega }, none, leadDays);
        if (fit.sse < bestFit.sse) {
          bestFit = fit;
          best = { alpha, delta, omega };
        }
      }
    }
  }
  // compass search: move each parameter while it improves, then halve the step (a warm start
  // begins at a quarter of the step: it is near its optimum already)
  let step = start ? 0.02 : 0.08;
  for (let round = start ? 2 : 0; round < 5; round++, step /= 2) {
    for (const key of ['alpha', 'delta', 'omega'] as const) {
      for (const sign of [-1, 1]) {
        for (;;) {
          const value = Math.min(1, Math.max(0, best[key] + sign * step));
          if (value === best[key]) break;
          const candidate = { ...best, [key]: value };
          const fit = doubleSeasonal(y, slotsPerDay, candidate, none, leadDays);
          if (!(fit.sse < bestFit.sse)) break;
          bestFit = fit;
          best = candidate;
        }
      }
    }
  }
  return { ...best, ...bestFit };
}
