import { doubleSeasonal, type DoubleSeasonalParameters } from './double-seasonal.js';

const LEVEL = [0.001, 0.01, 0.03, 0.1, 0.25];
const SEASONAL = [0, 0.05, 0.15, 0.3, 0.5];

/**
 * Fits the smoothing parameters of Taylor's double-seasonal method by minimising the in-sample
 * sum of squared errors at `lead` intervals (1: one-step errors with the AR(1) adjustment, whose
 * φ is solved in closed form, as Taylor does; slotsPerDay: day-ahead errors, for weeks-ahead use):
 * a coarse grid (α over 5 values, δ and ω over 5 each), then three rounds of coordinate
 * refinement with halving steps, each parameter kept in [0, 1].
 *
 * Formula: argmin_{α,δ,ω} Σ_t e_t², see doubleSeasonal. Reference: Taylor, JORS 54, 2003, §3
 * (parameters by minimising the sum of squared one-step-ahead errors). Complexity: O(143·n).
 *
 * @param y at least two weeks of intervals (14·slotsPerDay)
 * @example
 * fitDoubleSeasonal(series, 48) // { alpha: 0.01, delta: 0.05, omega: 0.15, sse: 9876.5, phi: 0.2 }
 */
export function fitDoubleSeasonal(y: Float64Array, slotsPerDay: number, lead = 1): DoubleSeasonalParameters & { sse: number; phi: number } {
  if (!Number.isInteger(slotsPerDay) || slotsPerDay < 1) throw new RangeError(`fitDoubleSeasonal requires slotsPerDay to be a positive integer, got ${slotsPerDay}`);
  if (!Number.isInteger(lead) || lead < 1 || lead > slotsPerDay) throw new RangeError(`fitDoubleSeasonal requires lead to be an integer from 1 to slotsPerDay, got ${lead}`);
  if (y.length < 14 * slotsPerDay) throw new RangeError(`fitDoubleSeasonal requires at least 14 days of intervals, got ${y.length} values`);
  const none = new Float64Array(0);
  let best: DoubleSeasonalParameters = { alpha: 0.01, delta: 0.05, omega: 0.15 };
  let bestFit = { sse: Infinity, phi: 0 };
  for (const alpha of LEVEL) {
    for (const delta of SEASONAL) {
      for (const omega of SEASONAL) {
        const fit = doubleSeasonal(y, slotsPerDay, { alpha, delta, omega }, none, lead);
        if (fit.sse < bestFit.sse) {
          bestFit = fit;
          best = { alpha, delta, omega };
        }
      }
    }
  }
  let step = 0.04;
  for (let round = 0; round < 3; round++, step /= 2) {
    for (const key of ['alpha', 'delta', 'omega'] as const) {
      for (const sign of [-1, 1]) {
        const candidate = { ...best, [key]: Math.min(1, Math.max(0, best[key] + sign * step)) };
        const fit = doubleSeasonal(y, slotsPerDay, candidate, none, lead);
        if (fit.sse < bestFit.sse) {
          bestFit = fit;
          best = candidate;
        }
      }
    }
  }
  return { ...best, ...bestFit };
}
