import type { BusinessCalendar } from './business-calendar.js';
import { businessSecondsBetween } from './business-seconds-between.js';
import { BREACHED, MET, NOT_APPLICABLE, PENDING } from './compliance-status.js';

/**
 * Per-case compliance with a status-update cadence ("a status update every hour") over columns.
 *
 * Case i is followed from its start s (the first response, or the creation when there is
 * none) to its end (the resolution; `asOfMs` while open). Its touches are s, then its status
 * updates later than s and not after the end, in time order: updates of case i are
 * `updateMs[updateOffsets[i] .. updateOffsets[i + 1])`, sorted ascending. The cadence is met when
 * every gap between consecutive touches, and the gap from the last touch to the end, is at most
 * `cadenceSeconds[i]` on the objective's clock (24×7: elapsed; business: businessSecondsBetween).
 * A longer gap is a breach. An open case with no breach so far is pending. NaN start or NaN
 * cadence (no cadence for the priority, "as required"): not applicable.
 *
 * Units: epoch milliseconds, seconds. Reference: the seed's support agreement (P1 a status
 * update every hour, P2 every 4 hours, P3 every 2 business days).
 * Complexity O(n + updates) on the 24×7 clock, times the days of a gap on the business clock.
 * @throws RangeError when the columns do not fit together.
 * @example updateCadenceInto(Float64Array.of(0), Float64Array.of(7_200_000), Int32Array.of(0, 1), Float64Array.of(3_600_000), Float64Array.of(3600), null, 0, out) // MET: gaps 1 h and 1 h
 */
export function updateCadenceInto(
  startMs: Float64Array,
  endMs: Float64Array,
  updateOffsets: Int32Array,
  updateMs: Float64Array,
  cadenceSeconds: Float64Array,
  calendar: BusinessCalendar | null,
  asOfMs: number,
  out: Int8Array,
): void {
  const n = startMs.length;
  if (endMs.length !== n || cadenceSeconds.length !== n || out.length < n || updateOffsets.length !== n + 1 || updateOffsets[n] > updateMs.length) {
    throw new RangeError('updateCadenceInto requires columns of one length and n + 1 update offsets');
  }
  const gap = (a: number, b: number, limit: number): number =>
    calendar === null ? (b - a) / 1000 : businessSecondsBetween(calendar, a, b, limit);
  for (let i = 0; i < n; i++) {
    const s = startMs[i];
    const limit = cadenceSeconds[i];
    if (Number.isNaN(s) || Number.isNaN(limit)) {
      out[i] = NOT_APPLICABLE;
      continue;
    }
    const open = Number.isNaN(endMs[i]);
    const end = open ? asOfMs : endMs[i];
    let last = s;
    let breached = false;
    for (let k = updateOffsets[i]; k < updateOffsets[i + 1] && !breached; k++) {
      const u = updateMs[k];
      if (!(u > last) || u > end) continue;
      if (gap(last, u, limit) > limit) breached = true;
      last = u;
    }
    if (!breached && end > last && gap(last, end, limit) > limit) breached = true;
    out[i] = breached ? BREACHED : open ? PENDING : MET;
  }
}
