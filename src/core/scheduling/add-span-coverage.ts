/**
 * Adds `weight` agents over the minutes [fromMinutes, toMinutes) to a per-interval column: each
 * interval gets weight × (minutes of the span inside it) ÷ intervalMinutes, so a 15-minute break
 * inside a 30-minute interval takes half an agent off it. Minutes outside the column are ignored.
 *
 * Units: minutes from the horizon start; the column counts agents. Reference: the coverage
 * matrix of the set-covering shift model (Dantzig 1954, docs/scheduling.md). Complexity:
 * O(span ÷ interval).
 *
 * @example
 * const on = new Float64Array(2);
 * addSpanCoverage(on, 30, 0, 45, 1); // on = [1, 0.5]
 */
export function addSpanCoverage(
  column: Float64Array,
  intervalMinutes: number,
  fromMinutes: number,
  toMinutes: number,
  weight: number,
): void {
  if (!(toMinutes > fromMinutes)) return;
  const first = Math.max(0, Math.floor(fromMinutes / intervalMinutes));
  const last = Math.min(column.length - 1, Math.ceil(toMinutes / intervalMinutes) - 1);
  for (let t = first; t <= last; t++) {
    const start = t * intervalMinutes;
    const overlap = Math.min(toMinutes, start + intervalMinutes) - Math.max(fromMinutes, start);
    if (overlap > 0) column[t] += (weight * overlap) / intervalMinutes;
  }
}
