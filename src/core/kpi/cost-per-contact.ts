/**
 * Cost per contact: total costs of a period over the contacts handled in it.
 *
 * Method: Σ costs ÷ contacts. Costs given for a longer span than the period are prorated by
 * days by the caller. NaN with no contact. Inner helper: no validation.
 *
 * Units: currency (of the cost entries); contacts; the result currency per contact.
 * Reference: seed paper, family 7 "Strategic value", cost per contact
 * `total costs ÷ contacts` (by channel and contact type). Complexity: O(1).
 *
 * @example
 * costPerContact(12000, 2400); // 5
 */
export function costPerContact(totalCost: number, contacts: number): number {
  if (!(contacts > 0)) return NaN;
  return totalCost / contacts;
}
