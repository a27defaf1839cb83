import { assertRange } from '../numeric/assert-range.js';
import { inverseErlangB } from './inverse-erlang-b.js';
import { waitProbabilityFromInverseErlangB } from './wait-probability-from-inverse-erlang-b.js';

/**
 * Erlang C wait probability: the share of contacts that wait for an agent (M/M/n).
 *
 * Method: C(n, a) = n·B / (n − a·(1 − B)) with B the Erlang B value from the stable inverse
 * recurrence (see `inverseErlangB`); a real n uses the incomplete-gamma extension of B.
 * Overload (n ≤ a) is an explicit result: every contact waits, C = 1. No traffic: C = 0.
 *
 * Units: agents (may be fractional), trafficErlangs in Erlangs; the result is a probability.
 * Reference: A. K. Erlang, 1917; Gans, Koole & Mandelbaum, M&SOM 5(2), 2003, §4.1.
 * Complexity: O(√a + (n − a)⁺).
 *
 * @example
 * erlangC(14, 10); // 0.1741319335950498
 */
export function erlangC(agents: number, trafficErlangs: number): number {
  assertRange('erlangC', 'agents', agents, 0, Infinity);
  assertRange('erlangC', 'trafficErlangs', trafficErlangs, 0, Infinity);
  if (trafficErlangs === 0) return agents > 0 ? 0 : 1;
  if (!(agents > trafficErlangs)) return 1;
  return waitProbabilityFromInverseErlangB(
    agents,
    trafficErlangs,
    inverseErlangB(agents, trafficErlangs),
  );
}
