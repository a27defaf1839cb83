/**
 * Tells missing from zero in a history read from rows: an interval with no row (NaN) outside
 * the open hours is closed and becomes 0; inside them it stays NaN, missing. A day whose every
 * open interval is missing is a missing day (an ACD outage, a lost file), flagged in
 * `missingDays` (in place).
 *
 * Formula: y[d·s + j] ← 0 when y is NaN and open[((d + firstWeekday) mod 7)·s + j] = 0;
 * missingDays[d] = 1 when the weekday has an open interval and y is NaN at all of them.
 * Units: contacts per interval. Reference: docs/api-conventions.md (missing is not zero: null when no
 * input covers a value, 0 means covered and none). Complexity: O(days·s).
 *
 * @param open 7·slotsPerDay flags (see learnOpenIntervals), weekday 0 = the weekday of day
 *   `firstWeekday` of that mask's own history
 * @param firstWeekday the mask's weekday of this history's day 0 (0 when both start together)
 * @param missingDays one flag per day, set for missing days (others are left as they are)
 * @returns the number of missing intervals (NaN left inside the open hours), missing days included
 * @example
 * splitGaps(Float64Array.of(NaN, NaN), 2, Uint8Array.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1), 0, flags) // 1: [0, NaN], flags[0] = 1
 */
export function splitGaps(history: Float64Array, slotsPerDay: number, open: Uint8Array, firstWeekday: number, missingDays: Uint8Array): number {
  const s = slotsPerDay;
  const days = Math.floor(history.length / s);
  if (open.length !== 7 * s) throw new RangeError(`splitGaps requires open to hold ${7 * s} flags, got ${open.length}`);
  if (missingDays.length !== days) throw new RangeError(`splitGaps requires one flag per day, got ${missingDays.length} for ${days} days`);
  let missing = 0;
  for (let d = 0; d < days; d++) {
    const w = (d + firstWeekday) % 7;
    let openSlots = 0;
    let gaps = 0;
    for (let j = 0; j < s; j++) {
      const i = d * s + j;
      if (open[w * s + j]) {
        openSlots++;
        if (Number.isNaN(history[i])) gaps++;
      } else if (Number.isNaN(history[i])) history[i] = 0;
    }
    missing += gaps;
    if (openSlots > 0 && gaps === openSlots) missingDays[d] = 1;
  }
  return missing;
}
