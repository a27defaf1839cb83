/**
 * Closed hours forecast 0: zeroes every forecast interval whose weekday and time of day had no
 * contact in any of the last `weeks` same weekdays of the history (in place).
 *
 * Formula: F[h·s + j] = 0 when y[d·s + j] = 0 for the last `weeks` days d ≡ (n_d + h) (mod 7);
 * weekdays are counted from the history's first day. Units: contacts per interval.
 * Reference: docs/forecasting.md (closed hours forecast 0, not a small positive number). Complexity:
 * O(weeks·7·s + horizon·s).
 *
 * @returns the number of intervals set to 0
 * @example
 * zeroClosedIntervals(history, 48, 4, forecast) // 182
 */
export function zeroClosedIntervals(history: Float64Array, slotsPerDay: number, weeks: number, forecast: Float64Array): number {
  const s = slotsPerDay;
  const days = Math.floor(history.length / s);
  const open = new Uint8Array(7 * s);
  const seen = new Int32Array(7);
  for (let d = days - 1; d >= 0; d--) {
    const w = d % 7;
    if (seen[w] >= weeks) continue;
    seen[w]++;
    for (let j = 0; j < s; j++) if (history[d * s + j] > 0) open[w * s + j] = 1;
  }
  let zeroed = 0;
  for (let t = 0; t < forecast.length; t++) {
    const h = Math.floor(t / s);
    const w = (days + h) % 7;
    if (open[w * s + (t % s)] === 0 && forecast[t] !== 0) {
      forecast[t] = 0;
      zeroed++;
    }
  }
  return zeroed;
}
