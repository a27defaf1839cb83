import { inverseErlangBFraction } from './inverse-erlang-b-fraction.js';

/** The recurrence starts this many standard deviations (√a) below the load. */
const START_DEPTH = 8.5;
/** The damping that depth gives, as a logarithm: Σ ln(a/s) over the last 8.5·√a steps ≈ 8.5²/2. */
const DAMPING_LOG = (START_DEPTH * START_DEPTH) / 2;

/**
 * Inverse Erlang B, 1/B(x, a), for a real number of agents x ≥ 0 at a load of a Erlangs.
 *
 * Method: the recurrence 1/B(s) = 1 + (s/a)·1/B(s − 1), never factorials or powers. Below
 * the load each step multiplies the error of the start by about s/a < 1, so the recurrence
 * starts about 8.5·√a below the load from the rough value a/(a − s₀) (relative error under
 * 2%, damped by Π s/a ≈ e^(−8.5²/2) = e^(−36)) — O(√a) steps instead of O(a). Below the load
 * (x < a) it starts m steps below x with Σ ln(a/s) over those steps ≈ m·ln(a/x) + m²/(2x)
 * = 36, i.e. m = x·(√(L² + 72/x) − L) with L = ln(a/x), which is 8.5·√a at x = a and about
 * 36/L far below the load. When the start would fall under one agent it starts
 * exactly at the fractional part f of x with 1/B(f, a) = Γ(f + 1, a)·e^a·a^(−f) (1 at f = 0),
 * so at integer x this is the classic recurrence and between integers it is the
 * incomplete-gamma extension B(x, a) = a^x·e^(−a) / Γ(x + 1, a). The steps run as two
 * interleaved chains (the second half composed as an affine map) to halve the latency.
 * Relative error about 1e-14. Inner helper: no validation (x ≥ 0, a > 0); overflows to
 * +Infinity (B = 0) far above the load, and returns as soon as it has (checked every 1,024
 * steps), so that x far above a costs O(√a), not O(x).
 *
 * Units: x in agents, a in Erlangs; the result is dimensionless (≥ 1).
 * Reference: Jagerman, "Some properties of the Erlang loss function", Bell Syst. Tech. J.
 * 53(3), 1974; docs/queueing.md (start of the recurrence at a − 8.5·√a).
 * Complexity: O(min(x, √a + (x − a)⁺, 40·√a + 1024)) multiplications.
 *
 * @example
 * 1 / inverseErlangB(17, 10); // 0.012948875224726562 (Erlang B, 17 lines, 10 Erlangs)
 */
export function inverseErlangB(agents: number, trafficErlangs: number): number {
  const a = trafficErlangs;
  const whole = Math.floor(agents);
  const fraction = agents - whole;
  let steps: number;
  if (agents >= a) steps = Math.floor(agents - a + START_DEPTH * Math.sqrt(a)) + 1;
  else if (whole === 0) steps = 0;
  else {
    const logRatio = Math.log(a / agents);
    steps =
      Math.ceil(agents * (Math.sqrt(logRatio * logRatio + (2 * DAMPING_LOG) / agents) - logRatio)) +
      1;
  }
  let start: number;
  let value: number;
  if (steps >= whole) {
    steps = whole;
    start = fraction;
    value = inverseErlangBFraction(fraction, a);
  } else {
    start = whole - steps + fraction;
    value = a / (a - start);
  }
  const inverseA = 1 / a;
  const half = steps >> 1;
  let affine = 0;
  let product = 1;
  let first = start + 1;
  let second = start + 1 + half;
  for (let i = 0; i < half; i++) {
    value = 1 + first * inverseA * value;
    const factor = second * inverseA;
    affine = 1 + factor * affine;
    product *= factor;
    first += 1;
    second += 1;
    // Far above the load 1/B overflows within about 38·√a steps, and stays +Infinity.
    if ((i & 1023) === 1023 && (value === Infinity || product === Infinity)) return Infinity;
  }
  if ((steps & 1) === 1) {
    const factor = second * inverseA;
    affine = 1 + factor * affine;
    product *= factor;
  }
  return affine + product * value;
}
