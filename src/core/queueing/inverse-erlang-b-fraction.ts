import { logGamma } from '../numeric/log-gamma.js';

const SERIES_BELOW_ERLANGS = 5;
const RELATIVE_EPSILON = 4e-16;
const TINY = 1e-300;
const MAX_TERMS = 2000;

/**
 * Exact start of the continuous Erlang B recurrence: 1/B(f, a) for a fractional part
 * 0 ≤ f < 1, where 1/B(x, a) = Γ(x + 1, a)·e^a·a^(−x) (Γ the upper incomplete gamma).
 *
 * Method: with s = f + 1, for a < 5 the lower series
 * 1/B = Γ(s)·e^a·a^(−f) − a·Σₖ aᵏ / (s(s + 1)···(s + k)); for a ≥ 5 Legendre's continued
 * fraction 1/B = a / (a + 1 − s − 1(1 − s)/(a + 3 − s − 2(2 − s)/(a + 5 − s − …))) evaluated
 * by the modified Lentz algorithm. f = 0 gives exactly 1 (B(0, a) = 1). The series loses at most two digits to cancellation below 5 Erlangs, where the continued
 * fraction would need 20 to 150 terms. Relative error about 1e-14. Inner helper: no validation (a > 0).
 *
 * Units: a in Erlangs; the result is dimensionless. Reference: Jagerman, "Some properties of
 * the Erlang loss function", Bell Syst. Tech. J. 53(3), 1974 (the incomplete-gamma
 * extension); Press et al., Numerical Recipes 3rd ed., §6.2 (series and continued fraction).
 * Complexity: at most about 30 terms.
 *
 * @example
 * inverseErlangBFraction(0.5, 2); // 1.2106846146440278
 */
export function inverseErlangBFraction(fraction: number, trafficErlangs: number): number {
  if (fraction === 0) return 1;
  const a = trafficErlangs;
  const s = fraction + 1;
  if (a < SERIES_BELOW_ERLANGS) {
    let term = 1 / s;
    let sum = term;
    for (let k = 1; k < MAX_TERMS; k++) {
      term *= a / (s + k);
      sum += term;
      if (term < RELATIVE_EPSILON * sum) break;
    }
    return Math.exp(logGamma(s) + a - fraction * Math.log(a)) - a * sum;
  }
  let b = a + 1 - s;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const numerator = -i * (i - s);
    b += 2;
    d = numerator * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + numerator / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= RELATIVE_EPSILON) break;
  }
  return a * h;
}
