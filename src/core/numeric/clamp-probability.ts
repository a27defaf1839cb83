/**
 * Clamps a computed probability into [0, 1]; NaN (meaning "not applicable") passes through.
 *
 * Method: rounding in a difference such as 1 − C·e^(−x) can leave a probability a few
 * ulps outside [0, 1]; every kernel routes its probabilities through this one helper.
 *
 * Units: fraction. Reference: none (numerical hygiene). Complexity: O(1).
 *
 * @example
 * clampProbability(1.0000000000000002); // 1
 */
export function clampProbability(probability: number): number {
  if (probability < 0) return 0;
  if (probability > 1) return 1;
  return probability;
}
