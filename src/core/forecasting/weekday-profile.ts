import { assertHistory } from './assert-history.js';
import { intradayShares } from './intraday-shares.js';

/** Weight of the k-th most recent same weekday relative to the (k−1)-th. */
const DECAY = 0.85;

/**
 * Weekday-profile forecast: each future day's total is the recency-weighted mean of the
 * totals of the last `weeks` same weekdays, spread over the day by that weekday's intraday
 * share profile of the last 12 weeks, recency-weighted alike.
 *
 * Formula: D_w = Σ_k ρ^k·T(d_k) ÷ Σ_k ρ^k over the last `weeks` days d_k ≡ w (mod 7), k = 0 the
 * most recent, ρ = 0.85; F[h·s + j] = D_{(n_d + h) mod 7} · share[w·s + j] (see intradayShares,
 * 12 weeks, decay ρ).
 * Units: contacts per interval. Reference: Gans, Koole & Mandelbaum, MSOM 5(2), 2003, §3.1;
 * exponential weighting as in Taylor, Management Science 54(2), 2008, §3 (benchmark methods).
 * Complexity: O(weeks·7·s + horizon·s).
 *
 * @param history whole local days, at least 7
 * @param weeks same weekdays averaged (default 6)
 * @example
 * weekdayProfile(twoWeeksOfOnes2Slots, 2, 1, out) // out = [1, 1]
 */
export function weekdayProfile(history: Float64Array, slotsPerDay: number, horizonDays: number, out: Float64Array, weeks = 6): void {
  assertHistory('weekdayProfile', history, slotsPerDay, horizonDays, out, 7);
  const s = slotsPerDay;
  const days = history.length / s;
  const shares = new Float64Array(7 * s);
  intradayShares(history, s, 12, shares, DECAY);
  const dayTotal = new Float64Array(7);
  for (let w = 0; w < 7; w++) {
    let weighted = 0;
    let weights = 0;
    let k = 0;
    for (let d = days - 1; d >= 0 && k < weeks; d--) {
      if (d % 7 !== w) continue;
      let total = 0;
      for (let j = 0; j < s; j++) total += history[d * s + j];
      const weight = DECAY ** k;
      weighted += weight * total;
      weights += weight;
      k++;
    }
    dayTotal[w] = weights > 0 ? weighted / weights : 0;
  }
  for (let h = 0; h < horizonDays; h++) {
    const w = (days + h) % 7;
    for (let j = 0; j < s; j++) out[h * s + j] = dayTotal[w] * shares[w * s + j];
  }
}
