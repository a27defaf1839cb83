/**
 * The p-th percentile of sorted values by the nearest-rank method: the value of rank
 * ceil(p × n) (1-based), so the result is always an observed value (PostgreSQL's
 * percentile_disc gives the same). NaN for no values.
 *
 * Reference: the nearest-rank definition (e.g. NIST/SEMATECH e-Handbook; Wikipedia
 * "Percentile", nearest-rank method). Complexity O(1) on sorted input.
 * Kept by hand, not simple-statistics: its `quantileSorted` (7.12.1) interpolates linearly
 * between order statistics (Hyndman & Fan type 7, numpy's default), which is not an observed
 * value and not what percentile_disc or this report promise; it has no nearest-rank variant.
 * @param sorted values in ascending order (read from `offset`, `length` of them)
 * @param p fraction 0 < p ≤ 1
 * @throws RangeError when p is not in (0, 1].
 * @example nearestRankPercentile(Float64Array.of(15, 20, 35, 40, 50), 0.4) // 20 (rank 2)
 */
export function nearestRankPercentile(sorted: Float64Array, p: number, offset = 0, length = sorted.length - offset): number {
  if (!(p > 0 && p <= 1)) throw new RangeError('nearestRankPercentile requires p in (0, 1]');
  if (length <= 0) return NaN;
  const rank = Math.max(1, Math.ceil(p * length - 1e-9));
  return sorted[offset + rank - 1];
}
