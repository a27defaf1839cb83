import { assertColumnFits } from './assert-column-fits.js';
import type { ResolvedStaffingRequest } from './resolve-staffing-request.js';

/**
 * Throws the house `RangeError` unless every output column given holds the whole output
 * slice of the request.
 *
 * Units: indices. Reference: none. Complexity: O(number of columns).
 *
 * @example
 * assertOutputColumns('solveStaffingBatch', { agents: new Int32Array(96) }, request);
 */
export function assertOutputColumns(
  caller: string,
  columns: Readonly<Record<string, { length: number } | undefined>>,
  request: ResolvedStaffingRequest,
): void {
  for (const name of Object.keys(columns)) {
    const column = columns[name];
    if (column === undefined) continue;
    assertColumnFits(
      caller,
      name,
      column.length,
      request.outputOffset,
      request.outputStride,
      request.count,
    );
  }
}
