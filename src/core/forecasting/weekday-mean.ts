import { mean } from 'simple-statistics';
import { assertHistory } from './assert-history.js';

/**
 * Weekday-mean forecast, the baseline a planner computes in a spreadsheet: each interval is the
 * (optionally trimmed) mean of the same interval on the last `weeks` same weekdays that have a
 * value there. Missing values (NaN: no row, or a special day left out) are skipped, not read as
 * 0, and the next older same weekday takes their place.
 *
 * Formula: F[h·s + j] = mean of y[d_k·s + j] over the last `weeks` days d_k ≡ n_d + h (mod 7)
 * where it is a number, after dropping the ⌊trim·K⌋ lowest and highest of the K values (trim 0:
 * the plain mean); when none has a value, the mean of that time of day over every day that has
 * one, else 0 (never observed: a closed hour). Units: contacts per interval. Reference: Taylor,
 * Management Science 54(2), 2008, §3 (the simple seasonal mean benchmark); trimmed mean: Huber &
 * Ronchetti, "Robust statistics" 2nd ed., §3.3. Complexity: O(7·s·weeks·log weeks + horizon·s).
 *
 * @param history whole local days, at least 7; NaN where missing
 * @param weeks same weekdays averaged (default 6)
 * @param trim fraction dropped at each end, 0 ≤ trim < 0.5 (default 0)
 * @example
 * weekdayMean(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 3, 2, 3, 4, 5, 6, 7), 1, 1, out) // out = [2]
 */
export function weekdayMean(history: Float64Array, slotsPerDay: number, horizonDays: number, out: Float64Array, weeks = 6, trim = 0): void {
  assertHistory('weekdayMean', history, slotsPerDay, horizonDays, out, 7);
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`weekdayMean requires weeks to be a positive integer, got ${weeks}`);
  if (!(trim >= 0 && trim < 0.5)) throw new RangeError(`weekdayMean requires trim to be a number >= 0 and < 0.5, got ${trim}`);
  const s = slotsPerDay;
  const days = history.length / s;
  const profile = new Float64Array(7 * s);
  const values: number[] = [];
  let slotMeans: Float64Array | null = null;
  for (let w = 0; w < 7; w++) {
    for (let j = 0; j < s; j++) {
      values.length = 0;
      // the same weekday as horizon day w: history days d ≡ n_d + w (mod 7), the latest first
      for (let d = days - 7 + w; d >= 0 && values.length < weeks; d -= 7) {
        const v = history[d * s + j];
        if (!Number.isNaN(v)) values.push(v);
      }
      if (values.length === 0) {
        slotMeans ??= timeOfDayMeans(history, s);
        profile[w * s + j] = slotMeans[j];
        continue;
      }
      const cut = Math.floor(trim * values.length);
      if (cut > 0) values.sort((a, b) => a - b);
      profile[w * s + j] = mean(cut > 0 ? values.slice(cut, values.length - cut) : values);
    }
  }
  // profile row w is the weekday of horizon day w (day n_d + w of the history's count)
  for (let h = 0; h < horizonDays; h++) {
    const w = h % 7;
    for (let j = 0; j < s; j++) out[h * s + j] = profile[w * s + j];
  }
}

function timeOfDayMeans(history: Float64Array, s: number): Float64Array {
  const out = new Float64Array(s);
  for (let j = 0; j < s; j++) {
    let sum = 0;
    let n = 0;
    for (let t = j; t < history.length; t += s) {
      if (Number.isNaN(history[t])) continue;
      sum += history[t];
      n++;
    }
    out[j] = n > 0 ? sum / n : 0;
  }
  return out;
}
