import { holtWinters, type HoltWintersParameters, type Seasonality } from './holt-winters.js';

const GRID = [0.02, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9];
const TREND_GRID = [0, 0.05, 0.15, 0.3];

/**
 * Fits Holt–Winters smoothing parameters by minimising the in-sample sum of squared errors at
 * `lead` steps (1: one-step errors; the horizon's lead fits weeks-ahead forecasts better): a coarse grid (α and γ over 7 values, β over 4), then three rounds of coordinate
 * refinement around the best point with halving steps, each parameter kept in [0, 1].
 *
 * Formula: argmin_{α,β,γ} Σ_t (y_t − ŷ_{t|t−lead})², see holtWinters. Reference: Hyndman &
 * Athanasopoulos, FPP 3rd ed., §8.6 (estimation by minimising SSE); multi-step fitting as in
 * Bhansali & Kokoszka, "Direct and iterated multistep AR methods", IJF 18(2), 2002; the grid-then-refine search
 * replaces Nelder–Mead to stay deterministic and allocation-free. Complexity: O(220·n).
 *
 * @example
 * fitHoltWinters(dailyTotals, 7, 'multiplicative') // { alpha: 0.1, beta: 0, gamma: 0.2, sse: 1234.5 }
 */
export function fitHoltWinters(y: Float64Array, period: number, seasonality: Seasonality, lead = 1): HoltWintersParameters & { sse: number } {
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`fitHoltWinters requires period to be a positive integer, got ${period}`);
  if (!Number.isInteger(lead) || lead < 1 || lead > period) throw new RangeError(`fitHoltWinters requires lead to be an integer from 1 to period, got ${lead}`);
  if (y.length < 2 * period) throw new RangeError(`fitHoltWinters requires at least two cycles, got ${y.length} values for period ${period}`);
  const none = new Float64Array(0);
  let best: HoltWintersParameters = { alpha: 0.1, beta: 0, gamma: 0.1 };
  let bestSse = Infinity;
  for (const alpha of GRID) {
    for (const beta of TREND_GRID) {
      for (const gamma of GRID) {
        const sse = holtWinters(y, period, seasonality, { alpha, beta, gamma }, none, lead);
        if (sse < bestSse) {
          bestSse = sse;
          best = { alpha, beta, gamma };
        }
      }
    }
  }
  let step = 0.05;
  for (let round = 0; round < 3; round++, step /= 2) {
    for (const key of ['alpha', 'beta', 'gamma'] as const) {
      for (const sign of [-1, 1]) {
        const candidate = { ...best, [key]: Math.min(1, Math.max(0, best[key] + sign * step)) };
        const sse = holtWinters(y, period, seasonality, candidate, none, lead);
        if (sse < bestSse) {
          bestSse = sse;
          best = candidate;
        }
      }
    }
  }
  return { ...best, sse: bestSse };
}
