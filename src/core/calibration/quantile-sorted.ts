/**
 * Quantile of ascending sorted values by linear interpolation between order statistics.
 *
 * Formula (Hyndman & Fan 1996, definition 7; the default of R and NumPy): with n values
 * x₀ ≤ … ≤ xₙ₋₁ and h = (n − 1)·p, Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). NaN for n = 0.
 * Inner helper: the caller sorts and passes 0 ≤ p ≤ 1; it never throws.
 *
 * Units: those of the values. Reference: Hyndman, R. J. & Fan, Y. (1996), "Sample quantiles
 * in statistical packages", The American Statistician 50(4), 361–365. Complexity: O(1).
 *
 * @example
 * quantileSorted(Float64Array.of(1, 2, 3, 4), 4, 0.1); // 1.3 (h = 0.3)
 */
export function quantileSorted(sorted: Float64Array, count: number, p: number): number {
  if (count === 0) return NaN;
  const h = (count - 1) * p;
  const low = Math.floor(h);
  if (low >= count - 1) return sorted[count - 1];
  return sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]);
}
