import type { ResolvedStaffingRequest } from './resolve-staffing-request.js';
import {
  GOAL_ABANDON_RATE,
  GOAL_ASA,
  GOAL_OCCUPANCY,
  GOAL_SERVICE_LEVEL,
} from './staffing-slots.js';

/**
 * Which Erlang A goals a block of measures (`erlangABlockInto`) misses: a mask of GOAL_* bits.
 *
 * Method: service level ≥ target, ASA ≤ max, abandon rate ≤ max, occupancy ≤ max; a NaN
 * measure (e.g. ASA or occupancy with 0 agents) misses its goal. Inner helper.
 *
 * Units: fractions and seconds. Reference: none (goal definitions). Complexity: O(1).
 *
 * @example
 * // abandon rate 0.014 against maxAbandonRate 0.01: returns 4
 */
export function failingGoalsErlangA(
  block: Float64Array,
  offset: number,
  request: ResolvedStaffingRequest,
): number {
  const goals = request.goals;
  let failing = 0;
  if ((goals & GOAL_SERVICE_LEVEL) !== 0 && !(block[offset + 7] >= request.serviceLevelTarget)) {
    failing |= GOAL_SERVICE_LEVEL;
  }
  if ((goals & GOAL_ASA) !== 0 && !(block[offset + 2] <= request.maxAsaSeconds)) {
    failing |= GOAL_ASA;
  }
  if ((goals & GOAL_ABANDON_RATE) !== 0 && !(block[offset + 1] <= request.maxAbandonRate)) {
    failing |= GOAL_ABANDON_RATE;
  }
  if ((goals & GOAL_OCCUPANCY) !== 0 && !(block[offset + 6] <= request.maxOccupancy)) {
    failing |= GOAL_OCCUPANCY;
  }
  return failing;
}
