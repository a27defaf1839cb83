/**
 * Abandonment rate, the second way the seed gives it: only contacts that abandoned after the
 * service-level objective (waited longer than Y seconds) count, so that short abandons, which
 * staffing cannot prevent, are left out of both sides.
 *
 * Method: (abandoned − abandoned within Y) ÷ ((abandoned − abandoned within Y) + answered).
 * NaN when the denominator is 0. Inner helper: no validation.
 *
 * Units: counts of contacts; the result a fraction 0..1.
 * Reference: seed paper, family 3 "Resource accessibility", abandonment
 * `abandoned after objective ÷ (abandoned after objective + answered)`. Complexity: O(1).
 *
 * @example
 * abandonmentAfterObjectiveRate(10, 4, 90); // 6 ÷ 96 = 0.0625
 */
export function abandonmentAfterObjectiveRate(abandoned: number, abandonedWithin: number, answered: number): number {
  const late = abandoned - abandonedWithin;
  const total = late + answered;
  if (!(total > 0)) return NaN;
  return late / total;
}
