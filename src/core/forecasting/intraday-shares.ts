/**
 * Intraday share profile per weekday: the fraction of a weekday's contacts that arrive in each
 * interval, from the last `weeks` occurrences of that weekday (volume-weighted: a busy week
 * counts more than a quiet one).
 *
 * Formula: share[w·s + j] = Σ_k y[d_k·s + j] ÷ Σ_k Σ_i y[d_k·s + i], over the last `weeks` days
 * d_k ≡ w (mod 7) of the history; a weekday with no contacts at all gets the all-days profile,
 * and 0 when the history is empty. An interval with no contact in those weeks gets share 0,
 * so closed hours stay closed. Weekday w is counted from the history's first day (w = d mod 7).
 * Units: fractions summing to 1 per weekday (or 0). Reference: Gans, Koole & Mandelbaum,
 * "Telephone call centers: tutorial, review, and research prospects", MSOM 5(2), 2003, §3.1
 * (fixed intraday proportions). Complexity: O(weeks·7·s).
 *
 * @param out 7·slotsPerDay shares
 * @example
 * intradayShares(Float64Array.of(1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3), 2, 6, out) // out[0] = 0.25, out[1] = 0.75, …
 */
export function intradayShares(history: Float64Array, slotsPerDay: number, weeks: number, out: Float64Array): void {
  const s = slotsPerDay;
  const days = Math.floor(history.length / s);
  out.fill(0);
  const all = new Float64Array(s);
  let allTotal = 0;
  for (let w = 0; w < 7; w++) {
    let total = 0;
    let seen = 0;
    for (let d = days - 1; d >= 0 && seen < weeks; d--) {
      if (d % 7 !== w) continue;
      seen++;
      for (let j = 0; j < s; j++) {
        const v = history[d * s + j];
        out[w * s + j] += v;
        all[j] += v;
        total += v;
        allTotal += v;
      }
    }
    if (total > 0) for (let j = 0; j < s; j++) out[w * s + j] /= total;
  }
  for (let w = 0; w < 7; w++) {
    let total = 0;
    for (let j = 0; j < s; j++) total += out[w * s + j];
    if (total === 0 && allTotal > 0) for (let j = 0; j < s; j++) out[w * s + j] = all[j] / allTotal;
  }
}
