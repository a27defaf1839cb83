import { BINDING_CODES } from './staffing-types.js';
import {
  SLOT_ABANDON,
  SLOT_AGENTS,
  SLOT_ASA,
  SLOT_BINDING,
  SLOT_BLOCKING,
  SLOT_FRACTIONAL,
  SLOT_OCCUPANCY,
  SLOT_SERVICE_LEVEL,
  SLOT_WAIT,
} from './staffing-slots.js';

/**
 * Writes the infeasible result of an interval: agents −1, binding `infeasible`, every
 * measure and the fractional requirement NaN. Inner helper.
 *
 * Units: none. Reference: house convention (NaN = null). Complexity: O(1).
 *
 * @example
 * markInfeasible(result); // result[SLOT_AGENTS] === -1
 */
export function markInfeasible(result: Float64Array): void {
  result[SLOT_AGENTS] = -1;
  result[SLOT_BINDING] = BINDING_CODES.infeasible;
  result[SLOT_FRACTIONAL] = NaN;
  result[SLOT_WAIT] = NaN;
  result[SLOT_SERVICE_LEVEL] = NaN;
  result[SLOT_ASA] = NaN;
  result[SLOT_OCCUPANCY] = NaN;
  result[SLOT_ABANDON] = NaN;
  result[SLOT_BLOCKING] = NaN;
}
