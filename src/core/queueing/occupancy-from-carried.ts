/**
 * Agent occupancy: the share of staffed time spent handling contacts.
 *
 * Method: occupancy = carried load / agents, capped at 1 (an overloaded Erlang C queue keeps
 * every agent busy). The carried load is a for Erlang C, a·(1 − B) for Erlang B and
 * a·(1 − P(abandon)) for Erlang A. NaN ("not applicable") with no agents. Inner helper: no
 * validation.
 *
 * Units: carriedErlangs in Erlangs, agents; the result is a fraction 0..1.
 * Reference: Gans, Koole & Mandelbaum, M&SOM 5(2), 2003, §4. Complexity: O(1).
 *
 * @example
 * occupancyFromCarried(10, 14); // 0.7142857142857143
 */
export function occupancyFromCarried(carriedErlangs: number, agents: number): number {
  if (!(agents > 0)) return NaN;
  const occupancy = carriedErlangs / agents;
  return occupancy > 1 ? 1 : occupancy;
}
