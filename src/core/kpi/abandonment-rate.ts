/**
 * Abandonment rate, the first way the seed gives it: every abandoned contact over the contacts
 * that were answered or abandoned.
 *
 * Method: abandoned ÷ (abandoned + answered). NaN when both are 0. Inner helper: no validation.
 *
 * Units: counts of contacts; the result a fraction 0..1.
 * Reference: seed paper, family 3 "Resource accessibility", abandonment
 * `all abandoned ÷ (abandoned + answered)`. Complexity: O(1).
 *
 * @example
 * abandonmentRate(10, 90); // 0.1
 */
export function abandonmentRate(abandoned: number, answered: number): number {
  const total = abandoned + answered;
  if (!(total > 0)) return NaN;
  return abandoned / total;
}
