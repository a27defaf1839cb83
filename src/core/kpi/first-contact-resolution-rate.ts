/**
 * First-contact resolution: the share of contacts resolved on the first contact.
 *
 * Method: contacts resolved on first contact ÷ total contacts with an outcome. NaN with no
 * contact. Inner helper: no validation.
 *
 * Units: counts; the result a fraction 0..1.
 * Reference: seed paper, family 4 "Resolution quality", FCR
 * `resolved on first contact ÷ total contacts`. Complexity: O(1).
 *
 * @example
 * firstContactResolutionRate(72, 90); // 0.8
 */
export function firstContactResolutionRate(resolvedFirstTime: number, contacts: number): number {
  if (!(contacts > 0)) return NaN;
  return resolvedFirstTime / contacts;
}
