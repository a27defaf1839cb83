import { occupancyFromCarried } from '../queueing/occupancy-from-carried.js';
import {
  SLOT_ABANDON,
  SLOT_ASA,
  SLOT_BLOCKING,
  SLOT_OCCUPANCY,
  SLOT_SERVICE_LEVEL,
  SLOT_WAIT,
} from './staffing-slots.js';

/**
 * Writes the Erlang B (loss system, no queue) measures of one interval into the result block.
 *
 * Method: blocking B = 1/(1/B); occupancy = a·(1 − B)/n (carried load); nobody waits
 * (wait probability 0); service level, ASA and abandon rate are NaN (not applicable: blocked
 * contacts are lost, not queued). Inner helper.
 *
 * Units: n in agents, a in Erlangs. Reference: Erlang 1917; Jagerman 1974.
 * Complexity: O(1).
 *
 * @example
 * // n = 17, a = 10: blocking 0.0129489, occupancy 0.5806
 */
export function erlangBMeasuresInto(
  agents: number,
  trafficErlangs: number,
  inverseErlangB: number,
  result: Float64Array,
): void {
  const blocking = 1 / inverseErlangB;
  result[SLOT_WAIT] = 0;
  result[SLOT_SERVICE_LEVEL] = NaN;
  result[SLOT_ASA] = NaN;
  result[SLOT_OCCUPANCY] = occupancyFromCarried(trafficErlangs * (1 - blocking), agents);
  result[SLOT_ABANDON] = NaN;
  result[SLOT_BLOCKING] = blocking;
}
