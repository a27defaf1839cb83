/** Fixed-point arithmetic with `bits` fractional bits on BigInt. */
function fixedOne(bits: bigint): bigint {
  return 1n << bits;
}

/** ⌊√value⌋ for a non-negative BigInt (Newton's iteration from above). */
function integerSqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = 1n << BigInt(Math.ceil(value.toString(2).length / 2));
  for (;;) {
    const next = (x + value / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/** arctan(1/m) in fixed point (Taylor series). */
function arctanInverse(m: bigint, one: bigint): bigint {
  let power = one / m;
  const mSquared = m * m;
  let sum = 0n;
  for (let k = 0n; power !== 0n; k++) {
    const term = power / (2n * k + 1n);
    sum += k % 2n === 0n ? term : -term;
    power /= mSquared;
  }
  return sum;
}

/** Converts a fixed-point value to a double. */
function toNumber(value: bigint, bits: bigint): number {
  const length = BigInt(value.toString(2).length);
  const shift = length > 64n ? length - 64n : 0n;
  return Number(value >> shift) * 2 ** Number(shift - bits);
}

/**
 * Reference oracle (tests only, deliberately slow): 1/B(k + ½, a), the continuous Erlang B
 * at half-integer agents, from the closed form at ½ agent
 * 1/B(½, a) = Γ(3/2, a)·e^a·a^(−½) = 1 + (√π/2)·e^a·erfc(√a)/√a
 * (Γ(3/2, a) = √a·e^(−a) + (√π/2)·erfc(√a)) and the recurrence 1/B(s) = 1 + (s/a)·1/B(s − 1),
 * all in BigInt fixed point with 240 + 3·a fractional bits: π by Machin's formula, e^a and
 * erf(√a) by their Taylor series (the headroom absorbs the series' cancellation). The load
 * must be a multiple of 1/1024 between 1/1024 and 200 Erlangs. Independent of the production
 * code (no incomplete-gamma series, continued fraction or Lanczos gamma).
 *
 * Complexity: O(a) series terms and O(k) steps on numbers of O(a) bits.
 *
 * @example
 * halfIntegerInverseErlangB(0, 1); // 1/B(½, 1) = 1 + (√π/2)·e·erfc(1) ≈ 1.3789
 */
export function halfIntegerInverseErlangB(whole: number, trafficErlangs: number): number {
  const units = Math.round(trafficErlangs * 1024);
  if (units <= 0 || units !== trafficErlangs * 1024 || trafficErlangs > 200) {
    throw new RangeError(
      'halfIntegerInverseErlangB requires a load that is a multiple of 1/1024 up to 200',
    );
  }
  const bits = 240n + BigInt(Math.ceil(3 * trafficErlangs));
  const one = fixedOne(bits);
  const a = (BigInt(units) * one) / 1024n;
  // π = 16·atan(1/5) − 4·atan(1/239); √π.
  const pi = 16n * arctanInverse(5n, one) - 4n * arctanInverse(239n, one);
  const sqrtPi = integerSqrt(pi * one);
  // e^a by its Taylor series.
  let term = one;
  let expA = one;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * a) / (k * one);
    expA += term;
  }
  // erf(z) = (2/√π)·Σ (−1)^k z^(2k+1) / (k!·(2k + 1)), z = √a.
  const z = integerSqrt(a * one);
  let power = z;
  let series = 0n;
  for (let k = 0n; power !== 0n; k++) {
    const contribution = power / (2n * k + 1n);
    series += k % 2n === 0n ? contribution : -contribution;
    power = (power * a) / ((k + 1n) * one);
  }
  const erf = (2n * series * one) / sqrtPi;
  const erfc = one - erf;
  // 1/B(½) = 1 + (√π/2)·e^a·erfc(z)/z.
  let inverse = one + (((sqrtPi * expA) / one) * erfc) / (2n * z);
  for (let k = 1; k <= whole; k++) {
    // 1/B(k + ½) = 1 + ((k + ½)/a)·1/B(k − ½) = 1 + (2k + 1)·1024·inverse / (2·units).
    inverse = one + (BigInt(2 * k + 1) * 1024n * inverse) / (2n * BigInt(units));
  }
  return toNumber(inverse, bits);
}
