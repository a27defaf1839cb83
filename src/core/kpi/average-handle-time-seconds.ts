/**
 * Average handle time: talk plus after-contact work per handled contact.
 *
 * Method: (Σ talk seconds + Σ after-contact-work seconds) ÷ handled contacts, with hold counted
 * in talk. For interval actuals whose handle time is given whole, talk + ACW is that handle
 * time. NaN when nothing was handled. Inner helper: no validation.
 *
 * Units: seconds; handled in contacts; the result in seconds per contact.
 * Reference: seed paper, family 1, AHT = (talk + after-contact work) ÷ handled. Complexity: O(1).
 *
 * @example
 * averageHandleTimeSeconds(2400, 600, 20); // 150
 */
export function averageHandleTimeSeconds(talkSeconds: number, afterContactWorkSeconds: number, handledContacts: number): number {
  if (!(handledContacts > 0)) return NaN;
  return (talkSeconds + afterContactWorkSeconds) / handledContacts;
}
