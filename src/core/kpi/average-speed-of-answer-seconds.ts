/**
 * Average speed of answer: the total delay of the answered contacts over their number.
 *
 * Method: Σ wait seconds of answered contacts ÷ answered contacts. NaN when nothing was
 * answered. Inner helper: no validation.
 *
 * Units: seconds; answered in contacts; the result in seconds.
 * Reference: seed paper, family 3 "Resource accessibility", speed of answer
 * `total delay ÷ answered contacts`. Complexity: O(1).
 *
 * @example
 * averageSpeedOfAnswerSeconds(1800, 90); // 20
 */
export function averageSpeedOfAnswerSeconds(totalDelaySeconds: number, answeredContacts: number): number {
  if (!(answeredContacts > 0)) return NaN;
  return totalDelaySeconds / answeredContacts;
}
