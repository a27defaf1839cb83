/**
 * Whether a survey response is "satisfied" (top box): its position on the scale reaches the
 * configured threshold.
 *
 * Method: (score − scale min) ÷ (scale max − scale min) ≥ threshold. With threshold 0.75 a 1–5
 * scale counts 4 and 5 (top-two box), a 0–10 scale counts 8, 9 and 10. The share of satisfied
 * customers is Σ top box ÷ responses. Inner helper: no validation.
 *
 * Units: points of the scale; threshold a fraction 0..1 of the scale.
 * Reference: seed paper, family 6 "Customer satisfaction", share of satisfied customers (a
 * configurable top-box threshold). Complexity: O(1).
 *
 * @example
 * isTopBox(4, 1, 5, 0.75); // true: (4 − 1) ÷ 4 = 0.75
 */
export function isTopBox(score: number, scaleMin: number, scaleMax: number, threshold: number): boolean {
  // Compared as score − min ≥ threshold × (max − min): no rounding at the bound of integer scales.
  return score - scaleMin >= threshold * (scaleMax - scaleMin);
}
