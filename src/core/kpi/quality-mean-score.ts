/**
 * Quality of contact: the mean evaluation score, each evaluation scaled by its maximum.
 *
 * Method: Σ (score ÷ max score) ÷ evaluations, over the columns `scores` and `maxScores`
 * (evaluations on different forms become comparable). In a rolled-up period the numerator is
 * Σ score ÷ max and the denominator the number of evaluations. NaN with no evaluation.
 * Inner helper: no validation.
 *
 * Units: points of each form; the result a fraction 0..1 of the maximum.
 * Reference: seed paper, family 4 "Resolution quality", quality of contact (mean evaluation
 * score, monthly). Complexity: O(n).
 *
 * @example
 * qualityMeanScore(Float64Array.of(8, 45), Float64Array.of(10, 50)); // (0.8 + 0.9) ÷ 2 = 0.85
 */
export function qualityMeanScore(scores: Float64Array, maxScores: Float64Array): number {
  const n = scores.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += scores[i] / maxScores[i];
  return sum / n;
}
