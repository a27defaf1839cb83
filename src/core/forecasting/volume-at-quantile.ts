import { probit } from 'simple-statistics';

/** Φ⁻¹(0.9) by the same approximation as the scores (so 0.9 and 0.1 give the band's edges exactly). */
const Z90 = probit(0.9);

/**
 * The volume of an interval at a quantile of its forecast distribution, from the point forecast
 * and its p10–p90 band: the point is taken as the centre and each half of the band is scaled by
 * normal scores, so 0.9 gives p90, 0.1 gives p10, 0.5 the point, 0.8 a little below p90.
 *
 * Formula: q ≥ 0.5: F + (p90 − F)·Φ⁻¹(q) ÷ Φ⁻¹(0.9); q < 0.5: F − (F − p10)·Φ⁻¹(1 − q) ÷ Φ⁻¹(0.9);
 * at least 0. Units: contacts per interval. Reference: Gans, Koole & Mandelbaum, MSOM 5(2),
 * 2003, §4.4 (staffing to a quantile of an uncertain arrival rate); Φ⁻¹ by simple-statistics
 * `probit` (its inverse error function is good to about 1e-4 relative, far inside the band's
 * own uncertainty). Complexity: O(1).
 *
 * @param quantile in [0.05, 0.95]
 * @example
 * volumeAtQuantile(100, 80, 125, 0.8) // 116.4
 */
export function volumeAtQuantile(point: number, p10: number, p90: number, quantile: number): number {
  if (!(quantile >= 0.05 && quantile <= 0.95)) throw new RangeError(`volumeAtQuantile requires quantile between 0.05 and 0.95, got ${quantile}`);
  if (quantile === 0.5) return point;
  const score = probit(quantile) / Z90;
  const v = score > 0 ? point + (p90 - point) * score : point + (point - p10) * score;
  return v > 0 ? v : 0;
}
