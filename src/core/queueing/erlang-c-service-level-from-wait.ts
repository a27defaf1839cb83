import { clampProbability } from '../numeric/clamp-probability.js';

/**
 * Erlang C service level from the wait probability and the delay factor already at hand.
 *
 * Method: P(wait ≤ t) = 1 − C·D with D = exp(−(n − a)·t / AHT) (the caller computes D once
 * and can update it by the constant factor exp(−t/AHT) per added agent); 0 when overloaded
 * (n ≤ a). Inner helper: no validation.
 *
 * Units: n in agents, a in Erlangs; the result is a fraction.
 * Reference: Gans, Koole & Mandelbaum 2003, §4.1. Complexity: O(1).
 *
 * @example
 * erlangCServiceLevelFromWait(0.1741319, 14, 10, Math.exp(-4 * 20 / 180)); // ≈ 0.88835
 */
export function erlangCServiceLevelFromWait(
  waitProbability: number,
  agents: number,
  trafficErlangs: number,
  delayFactor: number,
): number {
  if (!(agents > trafficErlangs)) return 0;
  return clampProbability(1 - waitProbability * delayFactor);
}
