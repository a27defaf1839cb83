/**
 * Erlang C wait probability from the inverse Erlang B value already at hand.
 *
 * Method: C(n, a) = n·B / (n − a·(1 − B)) = n / (a + (n − a)·(1/B)) for n > a; for n ≤ a the
 * queue is unstable and every contact waits: the overloaded result is exactly 1. Works for
 * real n (with the continuous 1/B). Inner helper: no validation.
 *
 * Units: n in agents, a in Erlangs; the result is a probability.
 * Reference: Gans, Koole & Mandelbaum, "Telephone call centers: tutorial, review, and
 * research prospects", M&SOM 5(2), 2003, §4.1. Complexity: O(1).
 *
 * @example
 * waitProbabilityFromInverseErlangB(14, 10, 1 / 0.0568191); // ≈ 0.17413 (B(14, 10) = 0.0568191)
 */
export function waitProbabilityFromInverseErlangB(
  agents: number,
  trafficErlangs: number,
  inverseErlangB: number,
): number {
  if (!(agents > trafficErlangs)) return 1;
  return agents / (trafficErlangs + (agents - trafficErlangs) * inverseErlangB);
}
