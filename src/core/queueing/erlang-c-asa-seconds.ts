import { assertRange } from '../numeric/assert-range.js';
import { erlangC } from './erlang-c.js';
import { erlangCAsaFromWait } from './erlang-c-asa-from-wait.js';

/**
 * Erlang C average speed of answer (mean wait over all contacts, all of which are answered).
 *
 * Method: ASA = C(n, a)·AHT / (n − a). Overload (n ≤ a) returns NaN, meaning "not
 * applicable" (the queue grows without bound), never a negative or infinite number.
 *
 * Units: agents, trafficErlangs in Erlangs, ahtSeconds in seconds; the result is in seconds.
 * Reference: Gans, Koole & Mandelbaum, M&SOM 5(2), 2003, §4.1. Complexity: O(√a + (n − a)⁺).
 *
 * @example
 * erlangCAsaSeconds(14, 10, 180); // 7.835937011777241
 */
export function erlangCAsaSeconds(
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
): number {
  assertRange('erlangCAsaSeconds', 'ahtSeconds', ahtSeconds, 0, Infinity, true);
  const waitProbability = erlangC(agents, trafficErlangs);
  return erlangCAsaFromWait(waitProbability, agents, trafficErlangs, ahtSeconds);
}
