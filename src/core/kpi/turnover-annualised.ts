/**
 * Agent turnover, annualised.
 *
 * Method: (agents leaving ÷ average agents) × (12 ÷ months in the period). Stored as numerator =
 * leavers and denominator = average agents × months ÷ 12 (agent-years), so a rolled-up period
 * recomputes it from sums. The voluntary and involuntary splits use the leavers of each kind
 * over the same denominator. NaN with no agents or an empty period. Inner helper: no validation.
 *
 * Units: agents; months (1 for a calendar month; days × 12 ÷ 365 for a day or a week); the
 * result per year (0.3 = 30% of the workforce a year).
 * Reference: seed paper, family 5 "Employee satisfaction", turnover
 * `(agents leaving ÷ average agents) × (12 ÷ months in period)`. Complexity: O(1).
 *
 * @example
 * turnoverAnnualised(2, 40, 1); // 0.6
 */
export function turnoverAnnualised(leavers: number, averageAgents: number, months: number): number {
  if (!(averageAgents > 0) || !(months > 0)) return NaN;
  return (leavers / averageAgents) * (12 / months);
}
