import type { ScheduleGeometry } from './schedule-geometry.js';
import type { SchedulingProblem, ScheduleSolution } from './scheduling-types.js';

/**
 * The break columns of shifts that each carry a break pattern (index into their type's
 * patterns): one break per rule of the shift's type, starting at shift start + the pattern's
 * offset for that rule. Shifts stay in their order; breaks are listed shift by shift, rule by
 * rule.
 *
 * Units: minutes from the horizon start. Reference: Aykin (1996), Management Science 42(4)
 * (break patterns). Complexity: O(shifts × rules).
 *
 * @example
 * // a shift at minute 480 with pattern offsets [120, 240]: breaks at 600 (rule 0) and 720 (rule 1)
 */
export function breaksFromPatterns(
  problem: SchedulingProblem,
  geometry: ScheduleGeometry,
  candidate: Int32Array,
  pattern: Int32Array,
): ScheduleSolution['breaks'] {
  let count = 0;
  for (let s = 0; s < candidate.length; s++)
    count += problem.shiftTypes[problem.candidates.type[candidate[s]]].breaks.length;
  const shift = new Int32Array(count);
  const rule = new Int32Array(count);
  const startMinutes = new Int32Array(count);
  let b = 0;
  for (let s = 0; s < candidate.length; s++) {
    const c = candidate[s];
    const offsets = geometry.types[problem.candidates.type[c]].patterns[pattern[s]];
    for (let r = 0; r < offsets.length; r++, b++) {
      shift[b] = s;
      rule[b] = r;
      startMinutes[b] = problem.candidates.startMinutes[c] + offsets[r];
    }
  }
  return { shift, rule, startMinutes };
}
