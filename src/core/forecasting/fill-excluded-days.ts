/**
 * Removes special days from a training history: each excluded day is replaced, interval by
 * interval, by the mean of the nearest non-excluded same weekdays (up to two before and two
 * after), or 0 when there is none (in place).
 *
 * Formula: y[d·s + j] ← mean_k y[d_k·s + j] over d_k ≡ d (mod 7), d_k not excluded, the two
 * nearest on each side. Units: contacts per interval. Reference: Hyndman & Athanasopoulos, FPP
 * 3rd ed., §13.9 (outliers and missing values: replace, then model). Complexity:
 * O(excluded·s).
 *
 * @param excluded one flag per day of `history` (1 = special day, not to learn from)
 * @example
 * fillExcludedDays(history, 48, flags) // the holiday now looks like an ordinary Monday
 */
export function fillExcludedDays(history: Float64Array, slotsPerDay: number, excluded: Uint8Array): void {
  const s = slotsPerDay;
  const days = Math.floor(history.length / s);
  if (excluded.length !== days) throw new RangeError(`fillExcludedDays requires one flag per day, got ${excluded.length} for ${days} days`);
  const original = Uint8Array.from(excluded);
  for (let d = 0; d < days; d++) {
    if (!original[d]) continue;
    const donors: number[] = [];
    for (let k = d - 7; k >= 0 && donors.length < 2; k -= 7) if (!original[k]) donors.push(k);
    const before = donors.length;
    for (let k = d + 7; k < days && donors.length < before + 2; k += 7) if (!original[k]) donors.push(k);
    for (let j = 0; j < s; j++) {
      let sum = 0;
      for (const k of donors) sum += history[k * s + j];
      history[d * s + j] = donors.length > 0 ? sum / donors.length : 0;
    }
  }
}
