import type { BusinessCalendar } from './business-calendar.js';
import { addBusinessSeconds } from './add-business-seconds.js';

/**
 * Deadlines of one objective for a column of cases: start + objective on the 24×7 clock
 * (`calendar` null: plain elapsed time), or start + objective of business time
 * (addBusinessSeconds). A NaN start gives a NaN deadline.
 *
 * Units: epoch milliseconds, objective in seconds.
 * Complexity O(n) on the 24×7 clock, O(n × days of the objective) on the business clock.
 * @throws RangeError when the output is shorter than the input or the objective is not > 0.
 * @example objectiveDeadlinesInto(Float64Array.of(Date.UTC(2026, 2, 2, 9)), 900, null, out) // out[0] = 09:15Z
 */
export function objectiveDeadlinesInto(startMs: Float64Array, objectiveSeconds: number, calendar: BusinessCalendar | null, out: Float64Array): void {
  if (out.length < startMs.length) throw new RangeError('objectiveDeadlinesInto requires an output at least as long as the input');
  if (!(objectiveSeconds > 0) || !Number.isFinite(objectiveSeconds)) throw new RangeError('objectiveDeadlinesInto requires objectiveSeconds greater than 0');
  for (let i = 0; i < startMs.length; i++) {
    const s = startMs[i];
    if (Number.isNaN(s)) out[i] = NaN;
    else out[i] = calendar === null ? s + objectiveSeconds * 1000 : addBusinessSeconds(calendar, s, objectiveSeconds);
  }
}
