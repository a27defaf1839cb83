import { occupancyFromCarried } from '../queueing/occupancy-from-carried.js';
import { GOAL_BLOCKING, GOAL_OCCUPANCY } from './staffing-slots.js';

/**
 * Which Erlang B goals n lines miss: a mask of GOAL_* bits (0 = every goal met).
 *
 * Method: blocking B = 1/(1/B) ≤ maxBlocking ⇔ 1 ≤ maxBlocking·(1/B); occupancy
 * a·(1 − B)/n ≤ maxOccupancy (missed with 0 lines). Inner helper: no validation.
 *
 * Units: n in agents (lines), a in Erlangs. Reference: Erlang 1917. Complexity: O(1).
 *
 * @example
 * failingGoalsErlangB(16, 10, 1 / 0.0223, 16, 0.02, NaN); // 16 (blocking missed)
 */
export function failingGoalsErlangB(
  agents: number,
  trafficErlangs: number,
  inverseErlangB: number,
  goals: number,
  maxBlocking: number,
  maxOccupancy: number,
): number {
  let failing = 0;
  if ((goals & GOAL_BLOCKING) !== 0 && !(1 <= maxBlocking * inverseErlangB)) {
    failing |= GOAL_BLOCKING;
  }
  if (
    (goals & GOAL_OCCUPANCY) !== 0 &&
    !(occupancyFromCarried(trafficErlangs * (1 - 1 / inverseErlangB), agents) <= maxOccupancy)
  ) {
    failing |= GOAL_OCCUPANCY;
  }
  return failing;
}
