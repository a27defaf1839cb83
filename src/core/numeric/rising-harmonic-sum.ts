const DIRECT_TERMS = 64;
const ASYMPTOTIC_FROM = 16;

/** ψ(w) − ln w for w ≥ 16 (asymptotic series, error below 1e-17). */
function digammaMinusLog(w: number): number {
  const inverse = 1 / w;
  const inverseSquared = inverse * inverse;
  return (
    -0.5 * inverse -
    inverseSquared *
      (1 / 12 - inverseSquared * (1 / 120 - inverseSquared * (1 / 252 - inverseSquared / 240)))
  );
}

/**
 * Sum of reciprocals 1/z + 1/(z + 1) + … + 1/(z + count − 1) = ψ(z + count) − ψ(z).
 *
 * Method: direct sum for up to 64 terms; otherwise the first terms are summed until z ≥ 16
 * and the rest is log1p(m/z) plus the difference of the asymptotic digamma series, so
 * nothing large cancels. Relative error about 1e-15. Inner helper: z > 0, count a
 * non-negative integer.
 *
 * Units: none. Reference: Abramowitz & Stegun 6.3.18 (asymptotic digamma). Complexity: O(1)
 * for large counts, O(count) up to 64.
 *
 * @example
 * risingHarmonicSum(1, 4); // 2.083333333333333 (= 1 + 1/2 + 1/3 + 1/4)
 */
export function risingHarmonicSum(z: number, count: number): number {
  let sum = 0;
  let start = z;
  let remaining = count;
  if (remaining <= DIRECT_TERMS) {
    for (let j = 0; j < remaining; j++) sum += 1 / (start + j);
    return sum;
  }
  while (start < ASYMPTOTIC_FROM && remaining > 0) {
    sum += 1 / start;
    start += 1;
    remaining -= 1;
  }
  const end = start + remaining;
  return sum + Math.log1p(remaining / start) + digammaMinusLog(end) - digammaMinusLog(start);
}
