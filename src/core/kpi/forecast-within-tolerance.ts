/**
 * Whether an interval's forecast lies within a tolerance of its actual: the per-interval test of
 * the seed's best-in-class accuracy ("within ±5% for groups of 100+ agents").
 *
 * Method: |forecast − actual| ≤ tolerance × actual, for an actual > 0; false when the actual is
 * 0 (the relative error is undefined; the caller leaves such intervals out of the share). The
 * share of intervals within tolerance is Σ within ÷ Σ intervals with an actual > 0.
 * Inner helper: no validation.
 *
 * Units: volumes in contacts; `tolerance` a fraction (0.05 = ±5%).
 * Reference: seed paper, family 1 "Workload forecasting". Complexity: O(1).
 *
 * @example
 * forecastWithinTolerance(104, 100, 0.05); // true
 */
export function forecastWithinTolerance(forecastContacts: number, actualContacts: number, tolerance: number): boolean {
  if (!(actualContacts > 0)) return false;
  return Math.abs(forecastContacts - actualContacts) <= tolerance * actualContacts;
}
