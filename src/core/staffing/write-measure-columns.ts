import { STAFFING_WARNING_BITS } from './staffing-types.js';
import type { StaffingMeasureColumns } from './staffing-types.js';
import {
  SLOT_ABANDON,
  SLOT_AGENTS,
  SLOT_ASA,
  SLOT_BLOCKING,
  SLOT_OCCUPANCY,
  SLOT_SERVICE_LEVEL,
  SLOT_WAIT,
} from './staffing-slots.js';

/**
 * Copies the measures of the result block into the caller's output columns at one index
 * (columns not given are skipped) and sets the warning bits: `min-occupancy` when occupancy
 * is below `minOccupancy`, `overloaded` when contacts are offered and agents ≤ load.
 * Inner helper.
 *
 * Units: as the columns. Reference: none. Complexity: O(1).
 *
 * @example
 * writeMeasureColumns(result, output, 17, 10, 0.5); // fills index 17
 */
export function writeMeasureColumns(
  result: Float64Array,
  output: StaffingMeasureColumns,
  index: number,
  trafficErlangs: number,
  minOccupancy: number,
): void {
  if (output.serviceLevel !== undefined) output.serviceLevel[index] = result[SLOT_SERVICE_LEVEL];
  if (output.asaSeconds !== undefined) output.asaSeconds[index] = result[SLOT_ASA];
  if (output.waitProbability !== undefined) output.waitProbability[index] = result[SLOT_WAIT];
  if (output.occupancy !== undefined) output.occupancy[index] = result[SLOT_OCCUPANCY];
  if (output.abandonRate !== undefined) output.abandonRate[index] = result[SLOT_ABANDON];
  if (output.blockingProbability !== undefined) {
    output.blockingProbability[index] = result[SLOT_BLOCKING];
  }
  if (output.warnings !== undefined) {
    let warnings = 0;
    if (result[SLOT_OCCUPANCY] < minOccupancy) warnings |= STAFFING_WARNING_BITS['min-occupancy'];
    const agents = result[SLOT_AGENTS];
    if (trafficErlangs > 0 && agents >= 0 && !(agents > trafficErlangs)) {
      warnings |= STAFFING_WARNING_BITS.overloaded;
    }
    output.warnings[index] = warnings;
  }
}
