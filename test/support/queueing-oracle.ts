import { erlangABirthDeath } from '../../src/core/queueing/reference/erlang-a-birth-death.js';
import { scanHighPrecisionErlang } from '../../src/core/queueing/reference/scan-high-precision-erlang.js';

/**
 * Predicted service levels for the report tests, from the repository's reference oracles
 * (src/core/queueing/reference/, deliberately slow and independent of the production kernels),
 * never from the kernels the reports call.
 */

/**
 * Erlang C service level P(wait ≤ t) = 1 − C(n, a)·e^(−(n − a)·t/AHT) (Gans, Koole & Mandelbaum,
 * M&SOM 5(2), 2003, §4.1), with C(n, a) from the Erlang B recurrence run from 0 agents in 200-bit
 * fixed point (scan-high-precision-erlang.ts, exact to double precision). In overload (n ≤ a) the
 * queue has no steady state and waits grow without bound: 0, as docs/queueing.md documents.
 * Whole agents only (the report's staffed agents in these tests are whole).
 */
export function erlangCServiceLevelOracle(agents: number, trafficErlangs: number, ahtSeconds: number, thresholdSeconds: number): number {
  if (!Number.isInteger(agents)) throw new RangeError(`the Erlang C oracle takes whole agents, got ${agents}`);
  if (agents <= trafficErlangs) return 0;
  let wait = NaN;
  scanHighPrecisionErlang(trafficErlangs, agents, (erlang) => {
    if (erlang.agents === agents) wait = erlang.wait;
    return erlang.agents === agents;
  });
  return 1 - wait * Math.exp((-(agents - trafficErlangs) * thresholdSeconds) / ahtSeconds);
}

/**
 * Erlang A service level under the ICMI definition, (answered within t + abandoned within t) ÷
 * (answered + abandoned) (docs/queueing.md), from the truncated birth–death chain with a tagged
 * contact (erlang-a-birth-death.ts, accuracy about 1e-12; Palm 1943, Mandelbaum & Zeltyn 2005),
 * independent of the incomplete-gamma closed forms the engine uses. Every contact is answered or
 * abandons, so the denominator is 1.
 */
export function erlangAServiceLevelOracle(
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  patienceSeconds: number,
  thresholdSeconds: number,
): number {
  if (!Number.isInteger(agents)) throw new RangeError(`the Erlang A oracle takes whole agents, got ${agents}`);
  const m = erlangABirthDeath(agents, trafficErlangs, ahtSeconds, patienceSeconds, thresholdSeconds);
  return m.answeredWithinThreshold + m.abandonedWithinThreshold;
}
