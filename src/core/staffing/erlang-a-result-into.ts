import {
  SLOT_ABANDON,
  SLOT_ASA,
  SLOT_BLOCKING,
  SLOT_OCCUPANCY,
  SLOT_SERVICE_LEVEL,
  SLOT_WAIT,
} from './staffing-slots.js';

/**
 * Copies the measures of an Erlang A block into the result block, interpolated linearly
 * between two blocks: weight 0 gives the first block, 1 the second (for a fractional agent
 * count between two integers; a NaN at the first block takes the second's value).
 * Blocking is NaN (not applicable). Inner helper.
 *
 * Units: as the blocks. Reference: house convention (Erlang A between integers is linear in
 * each measure). Complexity: O(1).
 *
 * @example
 * erlangAResultInto(blocks, 0, blocks, 8, 0.25, result); // a quarter of the way to block 2
 */
export function erlangAResultInto(
  blocks: Float64Array,
  first: number,
  secondBlocks: Float64Array,
  second: number,
  weight: number,
  result: Float64Array,
): void {
  result[SLOT_WAIT] = mix(blocks[first], secondBlocks[second], weight);
  result[SLOT_ABANDON] = mix(blocks[first + 1], secondBlocks[second + 1], weight);
  result[SLOT_ASA] = mix(blocks[first + 2], secondBlocks[second + 2], weight);
  result[SLOT_OCCUPANCY] = mix(blocks[first + 6], secondBlocks[second + 6], weight);
  result[SLOT_SERVICE_LEVEL] = mix(blocks[first + 7], secondBlocks[second + 7], weight);
  result[SLOT_BLOCKING] = NaN;
}

function mix(low: number, high: number, weight: number): number {
  if (weight === 0) return low;
  if (weight === 1 || low !== low) return high;
  return low + (high - low) * weight;
}
