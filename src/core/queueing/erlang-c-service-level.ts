import { assertRange } from '../numeric/assert-range.js';
import { erlangC } from './erlang-c.js';
import { erlangCServiceLevelFromWait } from './erlang-c-service-level-from-wait.js';

/**
 * Erlang C service level: the share of contacts answered within `thresholdSeconds`.
 *
 * Method: P(wait ≤ t) = 1 − C(n, a)·exp(−(n − a)·t / AHT). Overload (n ≤ a) gives exactly 0.
 * Under Erlang C nobody abandons, so every service-level definition gives this value.
 *
 * Units: agents, trafficErlangs in Erlangs, ahtSeconds and thresholdSeconds in seconds; the
 * result is a fraction 0..1.
 * Reference: Gans, Koole & Mandelbaum, M&SOM 5(2), 2003, §4.1. Complexity: O(√a + (n − a)⁺).
 *
 * @example
 * erlangCServiceLevel(14, 10, 180, 20); // 0.8883500191794669
 */
export function erlangCServiceLevel(
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  thresholdSeconds: number,
): number {
  assertRange('erlangCServiceLevel', 'ahtSeconds', ahtSeconds, 0, Infinity, true);
  assertRange('erlangCServiceLevel', 'thresholdSeconds', thresholdSeconds, 0, Infinity);
  const waitProbability = erlangC(agents, trafficErlangs);
  const delayFactor = Math.exp((-(agents - trafficErlangs) * thresholdSeconds) / ahtSeconds);
  return erlangCServiceLevelFromWait(waitProbability, agents, trafficErlangs, delayFactor);
}
