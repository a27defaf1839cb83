/**
 * Erlang C average speed of answer from a wait probability already at hand.
 *
 * Method: ASA = C·AHT / (n − a) for n > a; NaN ("not applicable": the queue grows without
 * bound) when overloaded (n ≤ a). Inner helper: no validation.
 *
 * Units: n in agents, a in Erlangs, AHT in seconds; the result is in seconds.
 * Reference: Gans, Koole & Mandelbaum 2003, §4.1. Complexity: O(1).
 *
 * @example
 * erlangCAsaFromWait(0.1741319, 14, 10, 180); // ≈ 7.835936
 */
export function erlangCAsaFromWait(
  waitProbability: number,
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
): number {
  if (!(agents > trafficErlangs)) return NaN;
  return (waitProbability * ahtSeconds) / (agents - trafficErlangs);
}
