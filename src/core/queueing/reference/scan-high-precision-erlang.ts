const FRACTION_BITS = 200n;
const ONE = 1n << FRACTION_BITS;

/** Exact binary fraction of a double: value = numerator / denominator (a power of two). */
function exactFraction(value: number): { numerator: bigint; denominator: bigint } {
  let exponent = 0n;
  let scaled = value;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    exponent += 1n;
  }
  return { numerator: BigInt(scaled), denominator: 1n << exponent };
}

/** Converts a positive big ratio to a double (64 significant bits, then rounded once). */
function ratioToNumber(numerator: bigint, denominator: bigint): number {
  if (numerator === 0n) return 0;
  const shift = BigInt(denominator.toString(2).length - numerator.toString(2).length + 64);
  const quotient =
    shift >= 0n ? (numerator << shift) / denominator : numerator / (denominator << -shift);
  return Number(quotient) * 2 ** -Number(shift);
}

/** High-precision Erlang values at one integer agent count (reference only). */
export interface HighPrecisionErlang {
  agents: number;
  /** 1/B(n, a). */
  inverseBlocking: number;
  /** B(n, a). */
  blocking: number;
  /** C(n, a); 1 when n ≤ a. */
  wait: number;
}

/**
 * Reference oracle (tests only, deliberately slow): visits n = 0, 1, 2, … with Erlang B and
 * C from the recurrence 1/B(k) = 1 + (k/a)·1/B(k − 1) run from k = 0 in 200-bit fixed-point
 * BigInt arithmetic, the load taken exactly (a double is a binary fraction), until `visit`
 * returns true or n passes `maxAgents`. Each step rounds by at most 2^−200 relative and the
 * recurrence never amplifies relative errors, so every value is exact to double precision.
 * Independent of the production code: no start below the load, no floating point until the
 * final conversion.
 *
 * Complexity: O(n) big-integer steps on numbers of O(200 + n·log(n/a)) bits.
 *
 * @example
 * scanHighPrecisionErlang(10, 17, (e) => e.agents === 17 && console.log(e.blocking) === undefined);
 * // prints 0.012948875224726…
 */
export function scanHighPrecisionErlang(
  trafficErlangs: number,
  maxAgents: number,
  visit: (erlang: HighPrecisionErlang) => boolean,
): void {
  const { numerator, denominator } = exactFraction(trafficErlangs);
  let inverse = ONE;
  for (let agents = 0; agents <= maxAgents; agents++) {
    const k = BigInt(agents);
    if (agents > 0) inverse = ONE + (inverse * k * denominator) / numerator;
    // C = n / (a + (n − a)·R) with a = p/q and R = inverse/ONE: C = n·q·ONE / (p·ONE + (n·q − p)·inverse).
    const excess = k * denominator - numerator;
    const wait =
      excess > 0n ? ratioToNumber(k * denominator * ONE, numerator * ONE + excess * inverse) : 1;
    const done = visit({
      agents,
      inverseBlocking: ratioToNumber(inverse, ONE),
      blocking: ratioToNumber(ONE, inverse),
      wait,
    });
    if (done) return;
  }
}
