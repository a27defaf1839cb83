import { logRisingFactorial } from '../numeric/log-rising-factorial.js';
import { risingHarmonicSum } from '../numeric/rising-harmonic-sum.js';

const RELATIVE_EPSILON = 1e-17;
/** Terms further than 12·√y + 20 below the peak weigh less than e^(−72): skipped. */
const SKIP_DEPTH = 12;
const SKIP_MARGIN = 20;

/**
 * The incomplete-gamma series behind Erlang A, for x = n·μ/θ and y = λ/θ.
 *
 * Method: with tₖ = yᵏ / ((x + 1)(x + 2)···(x + 1 + k)) (so Σ tₖ = e^y·y^(−x−1)·γ(x + 1, y))
 * and Hₖ = Σ_{j ≤ k} 1/(x + 1 + j), one pass sums
 * F = Σ tₖ, D = Σ (k + 1)·tₖ, M = Σ tₖ·Hₖ (M is the term-by-term derivative in the first
 * argument, needed for the mean wait of answered contacts), and J = 1 + y·F = ₁F₁(1; x + 1; y)
 * = x·e^y·y^(−x)·γ(x, y). All terms are positive (no cancellation) and only ratios are used,
 * so y^x never overflows. When the terms peak far beyond k = 0 (y ≫ x, deep overload or
 * patience → ∞ in overload) the sum starts 12·√y + 20 terms below the peak, with the skipped
 * harmonic prefix from the digamma difference; then F, D, M, J share a common scale whose
 * natural log is returned (J is then above e^72 and its leading 1 is dropped). The sum stops
 * once the remaining tail is below 1e-17 of F in all three sums.
 *
 * Output, written at out[offset …]: 0 F, 1 D, 2 M, 3 J, 4 ln(scale) (0 when unscaled; true
 * value = stored value × e^scale). Inner helper: no validation (x ≥ 0, y > 0).
 *
 * Units: dimensionless. Reference: Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with
 * applications to call centers", 2005, §3; docs/queueing.md. Complexity:
 * O(min(√x·ln, 1/(1 − y/x)) + √y) terms, one division each.
 *
 * @example
 * const out = new Float64Array(5);
 * erlangASeries(23.333333333333332, 16.666666666666668, out, 0); // out[3] (J) ≈ 2.821
 */
export function erlangASeries(x: number, y: number, out: Float64Array, offset: number): void {
  const skipTo = Math.floor(y - x - 1 - SKIP_DEPTH * Math.sqrt(y) - SKIP_MARGIN);
  let k = 0;
  let term: number;
  let harmonic: number;
  let logScale = 0;
  if (skipTo > 0) {
    k = skipTo;
    term = 1;
    logScale = k * Math.log(y) - logRisingFactorial(x + 1, k + 1);
    harmonic = risingHarmonicSum(x + 1, k);
  } else {
    term = 1 / (x + 1);
    harmonic = 0;
  }
  let sumF = 0;
  let sumD = 0;
  let sumM = 0;
  let inverse = 1 / (x + 1 + k);
  for (;;) {
    harmonic += inverse;
    sumF += term;
    sumD += (k + 1) * term;
    sumM += term * harmonic;
    const nextInverse = 1 / (x + 2 + k);
    const ratio = y * nextInverse;
    term *= ratio;
    k += 1;
    inverse = nextInverse;
    if (ratio < 1) {
      const gap = 1 - ratio;
      if (term * (k + 2) <= RELATIVE_EPSILON * sumF * gap * gap) break;
    }
  }
  out[offset] = sumF;
  out[offset + 1] = sumD;
  out[offset + 2] = sumM;
  out[offset + 3] = skipTo > 0 ? y * sumF : 1 + y * sumF;
  out[offset + 4] = logScale;
}
