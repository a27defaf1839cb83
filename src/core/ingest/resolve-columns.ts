import type { ColumnSpec } from './types.js';

/** A problem with the header row. */
export interface HeaderIssue {
  column: string;
  reason: string;
}

/**
 * Where each expected column is in a header row. Columns may come in any order; names are
 * compared trimmed and case-insensitively. Unknown, repeated and missing required columns are
 * reported (an unknown column is an error: a typo must not silently drop data).
 *
 * Complexity O(header length + columns).
 * @returns positions[i] = index of columns[i] in the header, or -1 when absent.
 * @example resolveColumns(['volume', 'channel'], [{ name: 'channel', required: true }]) // issue: unknown column volume
 */
export function resolveColumns(
  header: readonly string[],
  columns: readonly ColumnSpec[],
): { positions: Int32Array; issues: HeaderIssue[] } {
  const positions = new Int32Array(columns.length).fill(-1);
  const issues: HeaderIssue[] = [];
  const byName = new Map(columns.map((c, i) => [c.name, i]));
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    const at = byName.get(name);
    if (at === undefined) {
      issues.push({ column: raw, reason: `unknown column; expected ${columns.map((c) => c.name).join(', ')}` });
    } else if (positions[at] !== -1) {
      issues.push({ column: raw, reason: 'column appears more than once' });
    } else {
      positions[at] = index;
    }
  });
  columns.forEach((c, i) => {
    if (c.required && positions[i] === -1) issues.push({ column: c.name, reason: 'required column is missing' });
  });
  return { positions, issues };
}
