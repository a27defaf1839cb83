import type { ResolvedStaffingRequest } from './resolve-staffing-request.js';
import { GOAL_ASA, GOAL_OCCUPANCY, GOAL_SERVICE_LEVEL, GOAL_STABILITY } from './staffing-slots.js';

/**
 * Which Erlang C goals n agents miss: a mask of GOAL_* bits (0 = every goal met).
 *
 * Method, division-free with C = n / (a + (n − a)·(1/B)):
 * service level SL ≥ target ⇔ n·decay ≤ (1 − target)·(a + (n − a)/B) with
 * decay = exp(−(n − a)·t/AHT) supplied by the caller (one exp per interval, then a factor per
 * agent); ASA ≤ max ⇔ n·AHT ≤ max·(n − a)·(a + (n − a)/B); occupancy a/n ≤ max. n ≤ a misses
 * stability and every queue goal. Inner helper: no validation.
 *
 * Units: n in agents, a in Erlangs, AHT in seconds. Reference: Gans, Koole & Mandelbaum 2003.
 * Complexity: O(1).
 *
 * @example
 * // 80/20 at n = 13, a = 10, AHT 180: returns 1 (service level missed)
 */
export function failingGoalsErlangC(
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  inverseErlangB: number,
  decay: number,
  request: ResolvedStaffingRequest,
): number {
  const goals = request.goals;
  let failing = 0;
  if (!(agents > trafficErlangs)) {
    failing = GOAL_STABILITY | (goals & (GOAL_SERVICE_LEVEL | GOAL_ASA));
  } else {
    const excess = agents - trafficErlangs;
    const denominator = trafficErlangs + excess * inverseErlangB;
    if (
      (goals & GOAL_SERVICE_LEVEL) !== 0 &&
      !(agents * decay <= (1 - request.serviceLevelTarget) * denominator)
    ) {
      failing |= GOAL_SERVICE_LEVEL;
    }
    if (
      (goals & GOAL_ASA) !== 0 &&
      !(agents * ahtSeconds <= request.maxAsaSeconds * excess * denominator)
    ) {
      failing |= GOAL_ASA;
    }
  }
  if ((goals & GOAL_OCCUPANCY) !== 0 && !(trafficErlangs / agents <= request.maxOccupancy)) {
    failing |= GOAL_OCCUPANCY;
  }
  return failing;
}
