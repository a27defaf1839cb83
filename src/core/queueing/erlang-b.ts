import { assertRange } from '../numeric/assert-range.js';
import { inverseErlangB } from './inverse-erlang-b.js';

/**
 * Erlang B blocking probability: the share of contacts lost when n lines (agents) carry a
 * offered Erlangs with no queue (M/M/n/n).
 *
 * Method: the inverse recurrence 1/B(k) = 1 + (k/a)·1/B(k − 1) from about a − 8.5·√a (see
 * `inverseErlangB`); a real n uses the incomplete-gamma extension
 * B(x, a) = a^x·e^(−a) / Γ(x + 1, a), equal to the recurrence at integers. B(0, a) = 1; with no
 * traffic B = 0 for n > 0.
 *
 * Units: agents (lines, may be fractional), trafficErlangs in Erlangs (arrival rate × AHT);
 * the result is a probability.
 * Reference: A. K. Erlang, 1917; Jagerman, Bell Syst. Tech. J. 53(3), 1974.
 * Complexity: O(√a + (n − a)⁺).
 *
 * @example
 * erlangB(17, 10); // 0.012948875224726562
 */
export function erlangB(agents: number, trafficErlangs: number): number {
  assertRange('erlangB', 'agents', agents, 0, Infinity);
  assertRange('erlangB', 'trafficErlangs', trafficErlangs, 0, Infinity);
  if (agents === 0) return 1;
  if (trafficErlangs === 0) return 0;
  return 1 / inverseErlangB(agents, trafficErlangs);
}
