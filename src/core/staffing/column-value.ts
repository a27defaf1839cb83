import type { StaffingColumn } from './staffing-types.js';

/**
 * Value of a staffing column at an index: the scalar itself, or the array element.
 *
 * Units: those of the column. Reference: none. Complexity: O(1).
 *
 * @example
 * columnValue(180, 5); // 180
 */
export function columnValue(column: StaffingColumn, index: number): number {
  return typeof column === 'number' ? column : column[index];
}
