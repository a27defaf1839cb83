import { quantileSorted } from './quantile-sorted.js';

/** Summary of model residuals (achieved − predicted service level), fractions of contacts. */
export interface ResidualSummary {
  /** Residuals summarised. */
  count: number;
  /** Arithmetic mean (the model's bias: > 0 means reality beat the model). NaN when count = 0. */
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator). NaN when count < 2. */
  standardDeviation: number;
  /** 10th, 50th and 90th percentiles (Hyndman & Fan definition 7). NaN when count = 0. */
  p10: number;
  p50: number;
  p90: number;
  /** Mean absolute residual. NaN when count = 0. */
  meanAbsolute: number;
}

/**
 * Mean, spread and percentiles of a column of residuals (each interval counts once).
 *
 * Formulas: mean = Σxᵢ / n; standard deviation = √(Σ(xᵢ − mean)² / (n − 1)) (corrected two-pass,
 * both sums Neumaier-compensated); mean absolute = Σ|xᵢ| / n; percentiles by linear
 * interpolation between order statistics (`quantileSorted`). Reads `count` values from
 * `offset` with `stride` (one channel's slice of a matrix needs no copy); sorts a copy into
 * `scratch` (allocated when not given), never the input.
 *
 * Units: those of the residuals (fractions 0..1 for service levels). Reference: Chan, Golub &
 * LeVeque (1983), "Algorithms for computing the sample variance" (two-pass); Hyndman & Fan
 * (1996) for the percentiles. Complexity: O(n log n) (the sort), O(n) extra memory at most.
 * Throws `RangeError` when a value is not finite or the slice does not fit.
 *
 * @example
 * summarizeResiduals(Float64Array.of(0.1, -0.2, 0.3, 0));
 * // { count: 4, mean: 0.05, standardDeviation: 0.2081665999, p10: -0.14, p50: 0.05, p90: 0.24, meanAbsolute: 0.15 }
 */
export function summarizeResiduals(
  residuals: Float64Array,
  count = residuals.length,
  offset = 0,
  stride = 1,
  scratch?: Float64Array,
): ResidualSummary {
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(offset) || offset < 0 || !Number.isInteger(stride) || stride < 1
    || (count > 0 && offset + (count - 1) * stride >= residuals.length)) {
    throw new RangeError('summarizeResiduals requires count, offset and stride to fit in residuals');
  }
  if (scratch !== undefined && scratch.length < count) throw new RangeError('summarizeResiduals requires scratch to hold count values');
  const sorted = scratch ?? new Float64Array(count);
  let sum = 0;
  let sumCompensation = 0;
  let absolute = 0;
  let absoluteCompensation = 0;
  for (let k = 0; k < count; k++) {
    const x = residuals[offset + k * stride];
    if (!Number.isFinite(x)) throw new RangeError(`summarizeResiduals requires residuals to be finite numbers at index ${k}`);
    sorted[k] = x;
    // Neumaier: keep the low-order bits lost by each addition.
    const t = sum + x;
    sumCompensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
    const a = Math.abs(x);
    const u = absolute + a;
    absoluteCompensation += absolute >= a ? absolute - u + a : a - u + absolute;
    absolute = u;
  }
  if (count === 0) return { count: 0, mean: NaN, standardDeviation: NaN, p10: NaN, p50: NaN, p90: NaN, meanAbsolute: NaN };
  const mean = (sum + sumCompensation) / count;
  let squares = 0;
  let squaresCompensation = 0;
  let deviations = 0;
  for (let k = 0; k < count; k++) {
    const d = sorted[k] - mean;
    deviations += d;
    const s = d * d;
    const t = squares + s;
    squaresCompensation += squares >= s ? squares - t + s : s - t + squares;
    squares = t;
  }
  // Corrected two-pass: subtract the rounding left in Σ(xᵢ − mean).
  const variance = count > 1 ? Math.max(0, (squares + squaresCompensation - (deviations * deviations) / count) / (count - 1)) : NaN;
  const view = sorted.subarray(0, count).sort();
  return {
    count,
    mean,
    standardDeviation: Math.sqrt(variance),
    p10: quantileSorted(view, count, 0.1),
    p50: quantileSorted(view, count, 0.5),
    p90: quantileSorted(view, count, 0.9),
    meanAbsolute: (absolute + absoluteCompensation) / count,
  };
}
