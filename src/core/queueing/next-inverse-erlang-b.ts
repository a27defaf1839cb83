/**
 * One step up the inverse Erlang B recurrence: 1/B(n, a) from 1/B(n − 1, a).
 *
 * Method: 1/B(n) = 1 + (n/a)·1/B(n − 1). Adding a positive number never increases the
 * relative error, so stepping up is stable at any n. Inner helper: no validation.
 *
 * Units: n in agents, a in Erlangs. Reference: Jagerman 1974 (see `inverseErlangB`).
 * Complexity: O(1).
 *
 * @example
 * nextInverseErlangB(1, 1, 10); // 1.1 (= 1/B(1, 10))
 */
export function nextInverseErlangB(
  previousInverse: number,
  agents: number,
  trafficErlangs: number,
): number {
  return 1 + (agents / trafficErlangs) * previousInverse;
}
