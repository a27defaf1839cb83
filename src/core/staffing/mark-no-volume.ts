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
 * Writes the result of an interval with no contacts offered: `agents` (0 when solving),
 * binding `none`, fractional 0, occupancy 0 with agents and NaN without, every per-contact
 * measure NaN (no contacts: service level, ASA, wait, abandon and blocking are not
 * applicable). Inner helper.
 *
 * Units: agents. Reference: house convention (NaN = null). Complexity: O(1).
 *
 * @example
 * markNoVolume(result, 0); // result[SLOT_AGENTS] === 0, binding none
 */
export function markNoVolume(result: Float64Array, agents: number): void {
  result[SLOT_AGENTS] = agents;
  result[SLOT_BINDING] = BINDING_CODES.none;
  result[SLOT_FRACTIONAL] = 0;
  result[SLOT_WAIT] = NaN;
  result[SLOT_SERVICE_LEVEL] = NaN;
  result[SLOT_ASA] = NaN;
  result[SLOT_OCCUPANCY] = agents > 0 ? 0 : NaN;
  result[SLOT_ABANDON] = NaN;
  result[SLOT_BLOCKING] = NaN;
}
