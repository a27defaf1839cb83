import { median } from 'simple-statistics';

/**
 * Flags unannounced special days in a training history: days whose total is below
 * `threshold` times the median total of their weekday in the history (a holiday the calendar
 * does not know about), or, symmetric, above 1/threshold times it.
 *
 * Formula: flag[d] = 1 when T(d) < θ·med_w or T(d) > med_w / θ, med_w the median of T over
 * days ≡ d (mod 7) of the history, θ = threshold; weekdays with a zero median are never
 * flagged. A day with a missing interval (NaN) has no total: it is neither in a median nor
 * flagged (it is already left out). Units: flags. Reference: Hyndman & Athanasopoulos, FPP 3rd ed., §13.9 (outliers);
 * Weinberg, Brown & Stroud, "Bayesian forecasting of an inhomogeneous Poisson process with
 * applications to call center data", JASA 102, 2007, §2 (holidays removed before fitting).
 * Complexity: O(days·s + days·log days).
 *
 * @param out one flag per day; flags already set are kept
 * @returns the number of days flagged by this call
 * @example
 * flagOutlierDays(history, 48, 0.6, flags) // 3 (two holidays and a half-day)
 */
export function flagOutlierDays(history: Float64Array, slotsPerDay: number, threshold: number, out: Uint8Array): number {
  const s = slotsPerDay;
  const days = Math.floor(history.length / s);
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`flagOutlierDays requires threshold to be a finite number > 0 and < 1, got ${threshold}`);
  if (out.length !== days) throw new RangeError(`flagOutlierDays requires one flag per day, got ${out.length} for ${days} days`);
  const totals = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    let t = 0;
    for (let j = 0; j < s; j++) t += history[d * s + j];
    totals[d] = t;
  }
  let flagged = 0;
  for (let w = 0; w < 7 && w < days; w++) {
    const same: number[] = [];
    for (let d = w; d < days; d += 7) if (!Number.isNaN(totals[d])) same.push(totals[d]);
    if (same.length === 0) continue;
    const m = median(same);
    if (!(m > 0)) continue;
    for (let d = w; d < days; d += 7) {
      if (!out[d] && (totals[d] < threshold * m || totals[d] > m / threshold)) {
        out[d] = 1;
        flagged++;
      }
    }
  }
  return flagged;
}
