import type { BusinessCalendar } from './business-calendar.js';
import { businessSecondsBetween } from './business-seconds-between.js';
import { BREACHED, MET, NOT_APPLICABLE, PENDING } from './compliance-status.js';

/**
 * Per-case compliance with one time objective (a response or a resolution) over columns.
 *
 * For case i with start s (created), event e (the response or resolution instant; NaN when it
 * has not happened) and fallback f (used when e is NaN, e.g. the resolution for a response:
 * a case resolved without a separate response was answered by its resolution; NaN for none):
 * - the time to the event is measured on the objective's clock: e − s on the 24×7 clock
 *   (`calendar` null), business seconds in [s, e) on the business clock;
 * - met when that time ≤ the objective (an event exactly on the deadline meets it), breached
 *   when it is longer;
 * - with no event and no fallback the case is still open: breached when more than the
 *   objective has run by `asOfMs`, else pending (not yet due);
 * - NaN start, or a NaN objective (no objective for the priority): not applicable.
 * Codes are those of compliance-status.ts. `objectiveSeconds` is a column so one call can
 * serve cases of several priorities.
 *
 * Units: epoch milliseconds, seconds. Reference: the seed's support agreement (initial
 * response and resolution objectives by priority; "business day" on the tenant calendar).
 * Complexity O(n) on the 24×7 clock; O(n × days of the objective) on the business clock
 * (the business-time walk stops once the objective is exceeded).
 * @throws RangeError when the columns differ in length.
 * @example classifyObjectiveInto(Float64Array.of(0), Float64Array.of(900_000), null, Float64Array.of(900), null, 0, out) // out[0] = MET (15 min ≤ 15 min)
 */
export function classifyObjectiveInto(
  startMs: Float64Array,
  eventMs: Float64Array,
  fallbackMs: Float64Array | null,
  objectiveSeconds: Float64Array,
  calendar: BusinessCalendar | null,
  asOfMs: number,
  out: Int8Array,
): void {
  const n = startMs.length;
  if (eventMs.length !== n || objectiveSeconds.length !== n || out.length < n || (fallbackMs !== null && fallbackMs.length !== n)) {
    throw new RangeError('classifyObjectiveInto requires columns of one length');
  }
  for (let i = 0; i < n; i++) {
    const s = startMs[i];
    const limit = objectiveSeconds[i];
    if (Number.isNaN(s) || Number.isNaN(limit)) {
      out[i] = NOT_APPLICABLE;
      continue;
    }
    let e = eventMs[i];
    if (Number.isNaN(e) && fallbackMs !== null) e = fallbackMs[i];
    const open = Number.isNaN(e);
    const until = open ? asOfMs : e;
    const elapsed = calendar === null ? (until - s) / 1000 : businessSecondsBetween(calendar, s, until, limit);
    out[i] = elapsed <= limit ? (open ? PENDING : MET) : BREACHED;
  }
}
