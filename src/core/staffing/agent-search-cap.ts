import { MAX_AGENTS } from './staffing-limits.js';

/** Standard deviations of the load beyond which no realistic goal needs more agents. */
const CAP_DEPTH = 40;
const CAP_MARGIN = 50;

/**
 * Largest agent count the searches try before declaring a goal infeasible.
 *
 * Method: max(a + 40·√a + 50, a/maxOccupancy + 1), and never above MAX_AGENTS (10⁷). Beyond
 * a + 40·√a the Erlang B, C and A delay and loss probabilities are below e^(−800) (they
 * underflow), so a goal still unmet there (a service level of 1, an ASA or abandon rate of 0)
 * is one no agent count meets; an occupancy cap that needs more than MAX_AGENTS agents is
 * infeasible too. Inner helper: no validation.
 *
 * Units: a in Erlangs, result in agents. Reference: Halfin & Whitt, "Heavy-traffic limits
 * for queues with many exponential servers", Oper. Res. 29(3), 1981 (√a scale).
 * Complexity: O(1).
 *
 * @example
 * agentSearchCap(10, NaN); // 187
 */
export function agentSearchCap(trafficErlangs: number, maxOccupancy: number): number {
  const queueCap = trafficErlangs + CAP_DEPTH * Math.sqrt(trafficErlangs) + CAP_MARGIN;
  const occupancyCap = maxOccupancy > 0 ? trafficErlangs / maxOccupancy + 1 : 0;
  return Math.min(MAX_AGENTS, Math.ceil(Math.max(queueCap, occupancyCap)));
}
