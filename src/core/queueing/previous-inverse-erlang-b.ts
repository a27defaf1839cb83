/**
 * One step down the inverse Erlang B recurrence: 1/B(n − 1, a) from 1/B(n, a).
 *
 * Method: 1/B(n − 1) = (1/B(n) − 1)·a/n. Each step multiplies the relative error by
 * 1/(1 − B(n)), which stays small above the load; use it for a few steps only. Inner helper:
 * no validation (n > 0).
 *
 * Units: n in agents, a in Erlangs. Reference: Jagerman 1974 (see `inverseErlangB`).
 * Complexity: O(1).
 *
 * @example
 * previousInverseErlangB(1.1, 1, 10); // 1.0000000000000009 (= 1/B(0, 10) = 1)
 */
export function previousInverseErlangB(
  inverse: number,
  agents: number,
  trafficErlangs: number,
): number {
  return ((inverse - 1) * trafficErlangs) / agents;
}
