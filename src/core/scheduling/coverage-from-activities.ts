import { addSpanCoverage } from './add-span-coverage.js';
import type { SchedulingProblem, ScheduleSolution } from './scheduling-types.js';

/**
 * Agents on the phones per interval, recomputed from the activities: every shift adds one agent
 * over its minutes [start, start + length), every break takes one agent off over its minutes
 * [start, start + length), each weighted by the share of the interval it covers. The one
 * function that turns shifts and breaks into coverage: the solver's reported coverage and the
 * tests' checks both come from it.
 *
 * Units: agents per interval (fractional where an activity covers part of an interval).
 * Reference: docs/scheduling.md (the coverage rows of every stage). Complexity: O(shifts ×
 * shift length ÷ interval + breaks).
 *
 * @example
 * // one 4 h shift at minute 0 with a 15-min break at minute 60, 30-min intervals:
 * // onPhone = [1, 1, 0.5, 1, 1, 1, 1, 1, 0, ...]
 */
export function coverageFromActivities(
  problem: SchedulingProblem,
  shifts: Pick<ScheduleSolution['shifts'], 'candidate'>,
  breaks: ScheduleSolution['breaks'],
  out: Float64Array = new Float64Array(problem.requiredAgents.length),
): Float64Array {
  out.fill(0);
  const { candidates, shiftTypes, intervalMinutes } = problem;
  for (let s = 0; s < shifts.candidate.length; s++) {
    const c = shifts.candidate[s];
    const start = candidates.startMinutes[c];
    addSpanCoverage(
      out,
      intervalMinutes,
      start,
      start + shiftTypes[candidates.type[c]].lengthMinutes,
      1,
    );
  }
  for (let b = 0; b < breaks.shift.length; b++) {
    const type = shiftTypes[candidates.type[shifts.candidate[breaks.shift[b]]]];
    const start = breaks.startMinutes[b];
    addSpanCoverage(
      out,
      intervalMinutes,
      start,
      start + type.breaks[breaks.rule[b]].lengthMinutes,
      -1,
    );
  }
  return out;
}
