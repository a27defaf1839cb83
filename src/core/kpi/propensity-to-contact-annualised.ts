/** Days in the year of the annualisation (a 365-day year). */
export const DAYS_PER_YEAR = 365;

/**
 * Propensity to contact, annualised: contacts per customer per year.
 *
 * Method: (contacts ÷ customers) × (365 ÷ days in the period). Stored as numerator = contacts
 * and denominator = customers × days ÷ 365 (customer-years), so that a rolled-up period
 * recomputes it from sums. NaN without customers or with an empty period. Inner helper: no
 * validation.
 *
 * Units: contacts; customers; periodDays in days (28–31 for a month); result per customer-year.
 * Reference: seed paper, family 1 "Workload forecasting", propensity to contact (contacts ÷
 * customers, annualised). Complexity: O(1).
 *
 * @example
 * propensityToContactAnnualised(1000, 5000, 73); // 1 contact per customer a year
 */
export function propensityToContactAnnualised(contacts: number, customers: number, periodDays: number): number {
  if (!(customers > 0) || !(periodDays > 0)) return NaN;
  return (contacts / customers) * (DAYS_PER_YEAR / periodDays);
}
