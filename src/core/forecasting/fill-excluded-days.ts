/**
 * Makes a full grid for the methods that need one: each excluded day (a special day, not to
 * learn from) and each missing interval (NaN) is replaced, interval by interval, by the mean of
 * the nearest same weekdays that have a value there and are not excluded (up to two before and
 * two after): the forecast of the weekday-mean model, never 0 (in place).
 *
 * Formula: y[d·s + j] ← mean_k y[d_k·s + j] over d_k ≡ d (mod 7), d_k not excluded and
 * y[d_k·s + j] a number, the two nearest on each side; when there is none, the mean of that
 * time of day over every usable day; when there is none either (the interval was never
 * observed: a closed hour), 0. Units: contacts per interval. Reference: Hyndman &
 * Athanasopoulos, FPP 3rd ed., §13.9 (outliers and missing values: replace, then model).
 * Complexity: O((excluded days + missing intervals)·weeks).
 *
 * @param excluded one flag per day of `history` (1 = special day, not to learn from)
 * @example
 * fillExcludedDays(history, 48, flags) // the holiday and the lost day now look like ordinary Mondays
 */
export function fillExcludedDays(history: Float64Array, slotsPerDay: number, excluded: Uint8Array): void {
  const s = slotsPerDay;
  const days = Math.floor(history.length / s);
  if (excluded.length !== days) throw new RangeError(`fillExcludedDays requires one flag per day, got ${excluded.length} for ${days} days`);
  const source = Float64Array.from(history);
  const usable = (d: number, j: number): boolean => !excluded[d] && !Number.isNaN(source[d * s + j]);
  let slotMeans: Float64Array | null = null;
  for (let d = 0; d < days; d++) {
    for (let j = 0; j < s; j++) {
      if (usable(d, j)) continue;
      let sum = 0;
      let n = 0;
      for (let k = d - 7, m = 0; k >= 0 && m < 2; k -= 7) {
        if (!usable(k, j)) continue;
        sum += source[k * s + j];
        n++;
        m++;
      }
      for (let k = d + 7, m = 0; k < days && m < 2; k += 7) {
        if (!usable(k, j)) continue;
        sum += source[k * s + j];
        n++;
        m++;
      }
      if (n > 0) history[d * s + j] = sum / n;
      else {
        slotMeans ??= meansBySlot(source, s, days, usable);
        history[d * s + j] = slotMeans[j];
      }
    }
  }
}

function meansBySlot(source: Float64Array, s: number, days: number, usable: (d: number, j: number) => boolean): Float64Array {
  const out = new Float64Array(s);
  for (let j = 0; j < s; j++) {
    let sum = 0;
    let n = 0;
    for (let d = 0; d < days; d++) {
      if (!usable(d, j)) continue;
      sum += source[d * s + j];
      n++;
    }
    out[j] = n > 0 ? sum / n : 0;
  }
  return out;
}
