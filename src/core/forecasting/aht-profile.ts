/**
 * Average handle time forecast profile per weekday × interval of the day, volume-weighted over
 * the last `weeks` same weekdays.
 *
 * Formula: AHT[w·s + j] = Σ_k H[d_k·s + j] ÷ Σ_k N[d_k·s + j] over the last `weeks` days
 * d_k ≡ w (mod 7) (H handle seconds, N handled contacts), which weights each interval's mean by
 * its contacts. An interval with no contacts takes the same time of day over all weekdays,
 * then the whole window's mean, then `fallbackSeconds`. Units: seconds. Reference: Gans, Koole
 * & Mandelbaum, MSOM 5(2), 2003, §3.1 (service times by time of day). Complexity: O(weeks·7·s).
 *
 * @param handled contacts handled per interval (the AHT denominator)
 * @param handleSeconds total handle seconds per interval
 * @param out 7·slotsPerDay AHTs in seconds
 * @example
 * ahtProfile(Float64Array.of(1, 3), Float64Array.of(100, 900), 2, 6, 180, out) // out[0] = 100, out[1] = 300, …
 */
export function ahtProfile(handled: Float64Array, handleSeconds: Float64Array, slotsPerDay: number, weeks: number, fallbackSeconds: number, out: Float64Array): void {
  const s = slotsPerDay;
  const days = Math.floor(handled.length / s);
  const n = new Float64Array(7 * s);
  const h = new Float64Array(7 * s);
  const seen = new Int32Array(7);
  for (let d = days - 1; d >= 0; d--) {
    const w = d % 7;
    if (seen[w] >= weeks) continue;
    seen[w]++;
    for (let j = 0; j < s; j++) {
      n[w * s + j] += handled[d * s + j];
      h[w * s + j] += handleSeconds[d * s + j];
    }
  }
  let allN = 0;
  let allH = 0;
  for (let i = 0; i < 7 * s; i++) {
    allN += n[i];
    allH += h[i];
  }
  const overall = allN > 0 ? allH / allN : fallbackSeconds;
  for (let j = 0; j < s; j++) {
    let slotN = 0;
    let slotH = 0;
    for (let w = 0; w < 7; w++) {
      slotN += n[w * s + j];
      slotH += h[w * s + j];
    }
    const slot = slotN > 0 ? slotH / slotN : overall;
    for (let w = 0; w < 7; w++) out[w * s + j] = n[w * s + j] > 0 ? h[w * s + j] / n[w * s + j] : slot;
  }
}
