/**
 * Throws the house `RangeError` unless a column of `length` holds the whole slice
 * offset, offset + stride, …, offset + (count − 1)·stride.
 *
 * Units: indices. Reference: stdlib-js ndarray-style offset/stride access.
 * Complexity: O(1).
 *
 * @example
 * assertColumnFits('solveStaffingBatch', 'agents', 96, 0, 1, 96); // passes
 */
export function assertColumnFits(
  caller: string,
  name: string,
  length: number,
  offset: number,
  stride: number,
  count: number,
): void {
  if (count > 0 && offset + (count - 1) * stride >= length) {
    throw new RangeError(
      `${caller} requires ${name} to hold ${count} intervals from index ${offset}`,
    );
  }
}
