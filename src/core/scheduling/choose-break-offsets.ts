import { intervalCost } from './interval-cost.js';
import type { ShiftType } from './scheduling-types.js';

/**
 * The breaks of one shift placed rule by rule: each break at the allowed offset (`options[r]`,
 * minutes after the shift start) that lowers the cost of the intervals it touches most, given the
 * agents on the phones there (`onPhoneAt`), skipping offsets that overlap a break placed before
 * it. `onPlaced` hears of each break placed before the next rule is chosen, so a caller whose
 * coverage should see it can take it off.
 *
 * Formula: offset_r = argmin over o ∈ options[r], no overlap with offsets_<r, of
 * Σ_t [cost(onPhone_t − share_t) − cost(onPhone_t)], share_t the part of interval t the break
 * covers, cost = intervalCost. Units: minutes from the horizon start, agents. Reference: the
 * sequential break heuristic of the greedy and of stage 3 (docs/scheduling.md). Complexity
 * O(Σ_r |options[r]| × (r + intervals a break touches)).
 *
 * @returns the offsets, one per rule, or null when a rule has no offset left (the rules block
 *   each other placed this way)
 * @example
 * chooseBreakOffsets(eightHours, options, 480, 30, required, 2, 0.05, (t) => onPhone[t]) // [120, 240, 390]
 */
export function chooseBreakOffsets(
  type: ShiftType,
  options: ReadonlyArray<ArrayLike<number> & Iterable<number>>,
  startMinutes: number,
  intervalMinutes: number,
  requiredAgents: Float64Array,
  under: number,
  over: number,
  onPhoneAt: (t: number) => number,
  onPlaced?: (fromMinutes: number, toMinutes: number) => void,
): number[] | null {
  const offsets: number[] = [];
  for (let r = 0; r < type.breaks.length; r++) {
    const length = type.breaks[r].lengthMinutes;
    let bestOffset = -1;
    let bestDelta = Infinity;
    for (const o of options[r]) {
      let clash = false;
      for (let q = 0; q < r && !clash; q++) clash = o < offsets[q] + type.breaks[q].lengthMinutes && offsets[q] < o + length;
      if (clash) continue;
      const from = startMinutes + o;
      let delta = 0;
      for (let t = Math.max(0, Math.floor(from / intervalMinutes)); t < Math.min(requiredAgents.length, Math.ceil((from + length) / intervalMinutes)); t++) {
        const share = (Math.min(from + length, (t + 1) * intervalMinutes) - Math.max(from, t * intervalMinutes)) / intervalMinutes;
        const now = onPhoneAt(t);
        delta += intervalCost(now - share, requiredAgents[t], under, over) - intervalCost(now, requiredAgents[t], under, over);
      }
      if (delta < bestDelta) {
        bestDelta = delta;
        bestOffset = o;
      }
    }
    if (bestOffset < 0) return null;
    offsets.push(bestOffset);
    onPlaced?.(startMinutes + bestOffset, startMinutes + bestOffset + length);
  }
  return offsets;
}
