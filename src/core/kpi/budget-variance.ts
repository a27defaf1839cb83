/**
 * Performance against budget: what is left of the budget, in currency and as a fraction.
 *
 * Method: variance = budget − actual spend (positive: under budget); ratio = (budget − actual) ÷
 * budget (NaN without a budget). Writes `out[0]` = variance and `out[1]` = ratio and returns
 * the variance. Inner helper: no validation.
 *
 * Units: currency; the ratio a signed fraction (0.1 = 10% under budget).
 * Reference: seed paper, family 7 "Strategic value", performance against budget
 * `budget − actual spend` (and %). Complexity: O(1).
 *
 * @example
 * budgetVariance(10000, 9200, new Float64Array(2)); // 800, out = [800, 0.08]
 */
export function budgetVariance(budget: number, actualSpend: number, out: Float64Array): number {
  out[0] = budget - actualSpend;
  out[1] = budget > 0 ? (budget - actualSpend) / budget : NaN;
  return out[0];
}
