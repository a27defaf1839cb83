import { logGamma } from '../numeric/log-gamma.js';

/**
 * The Poisson noise floor of WAPE: the WAPE a forecast equal to the true arrival rate λ would
 * still have if arrivals N were Poisson(λ) in every interval.
 *
 * Formula: Σ E|N − λ| ÷ Σλ with the Poisson mean absolute deviation
 * E|N − λ| = 2·e^{−λ}·λ^{⌊λ⌋+1} ÷ ⌊λ⌋! (computed in logarithms; ln k! by Lanczos below k = 19,
 * Stirling's series above). Units: a fraction. Reference: Crow, "The mean deviation of the
 * Poisson distribution", Biometrika 45, 1958. Complexity: O(n).
 *
 * @example
 * poissonNoiseFloor(Float64Array.of(1)) // 0.7357588823428847 (= 2/e)
 */
export function poissonNoiseFloor(lambda: Float64Array): number {
  let deviation = 0;
  let total = 0;
  for (let i = 0; i < lambda.length; i++) {
    const l = lambda[i];
    if (!(l > 0)) continue;
    const k = Math.floor(l);
    deviation += 2 * Math.exp(-l + (k + 1) * Math.log(l) - logFactorial(k));
    total += l;
  }
  return total > 0 ? deviation / total : NaN;
}

function logFactorial(k: number): number {
  if (k < 19) return logGamma(k + 1);
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}
