/**
 * Intraday share profile per weekday: the fraction of a weekday's contacts that arrive in each
 * interval, from the last `weeks` occurrences of that weekday (volume-weighted: a busy week
 * counts more than a quiet one), optionally weighted down geometrically with age (`decay` ρ).
 *
 * Formula: share[w·s + j] = Σ_k ρ^k·y[d_k·s + j] ÷ Σ_k ρ^k·Σ_i y[d_k·s + i], over the last
 * `weeks` days d_k ≡ w (mod 7) of the history, k = 0 the most recent (ρ = 1: plain sums); a weekday with no contacts at all gets the all-days profile,
 * and 0 when the history is empty. An interval with no contact in those weeks gets share 0,
 * so closed hours stay closed. Weekday w is counted from the history's first day (w = d mod 7).
 * Units: fractions summing to 1 per weekday (or 0). Reference: Gans, Koole & Mandelbaum,
 * "Telephone call centers: tutorial, review, and research prospects", MSOM 5(2), 2003, §3.1
 * (fixed intraday proportions); exponentially weighted profiles as in Taylor, Management Science
 * 54(2), 2008, §3 (the intraday cycle of recent weeks). Complexity: O(weeks·7·s).
 *
 * @param out 7·slotsPerDay shares
 * @param decay ρ in (0, 1], the weight of each older week relative to the next (default 1)
 * @example
 * intradayShares(Float64Array.of(1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3), 2, 6, out) // out[0] = 0.25, out[1] = 0.75, …
 */
export function intradayShares(history: Float64Array, slotsPerDay: number, weeks: number, out: Float64Array, decay = 1): void {
  if (!(decay > 0 && decay <= 1)) throw new RangeError(`intradayShares requires decay to be a number > 0 and <= 1, got ${decay}`);
  const s = slotsPerDay;
  const days = Math.floor(history.length / s);
  out.fill(0);
  const all = new Float64Array(s);
  let allTotal = 0;
  for (let w = 0; w < 7; w++) {
    let total = 0;
    let seen = 0;
    let weight = 1;
    for (let d = days - 1; d >= 0 && seen < weeks; d--) {
      if (d % 7 !== w) continue;
      seen++;
      for (let j = 0; j < s; j++) {
        const v = weight * history[d * s + j];
        out[w * s + j] += v;
        all[j] += v;
        total += v;
        allTotal += v;
      }
      weight *= decay;
    }
    if (total > 0) for (let j = 0; j < s; j++) out[w * s + j] /= total;
  }
  for (let w = 0; w < 7; w++) {
    let total = 0;
    for (let j = 0; j < s; j++) total += out[w * s + j];
    if (total === 0 && allTotal > 0) for (let j = 0; j < s; j++) out[w * s + j] = all[j] / allTotal;
  }
}
