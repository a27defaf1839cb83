/**
 * Forecast accuracy as the seed gives it: the signed error of the forecast relative to the actual.
 *
 * Method: (forecast − actual) ÷ actual. Positive: over-forecast; negative: under-forecast. NaN
 * ("not applicable") when the actual is 0. For a rolled-up period both are the period's sums
 * (Σ forecast − Σ actual) ÷ Σ actual, never an average of interval errors. Inner helper: no
 * validation.
 *
 * Units: volumes in contacts; the result is a signed fraction (0.05 = 5% over).
 * Reference: seed paper, family 1 "Workload forecasting", forecast accuracy
 * `(Forecast − Actual) ÷ Actual`. Complexity: O(1).
 *
 * @example
 * forecastErrorRatio(105, 100); // 0.05
 */
export function forecastErrorRatio(forecastContacts: number, actualContacts: number): number {
  if (!(actualContacts > 0)) return NaN;
  return (forecastContacts - actualContacts) / actualContacts;
}
