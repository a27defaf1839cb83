/**
 * Validates the common arguments of the forecasting kernels and throws the house RangeError:
 * slots per day a positive integer, the history whole days (at least `minimumDays`), the
 * horizon a positive whole number of days whose intervals `out` holds exactly.
 *
 * Reference: house style (public kernels validate their parameters). Complexity: O(1).
 *
 * @example
 * assertHistory('seasonalNaive', new Float64Array(48), 48, 1, new Float64Array(48), 7); // throws
 * // RangeError: seasonalNaive requires at least 7 days of history, got 1
 */
export function assertHistory(caller: string, history: Float64Array, slotsPerDay: number, horizonDays: number, out: Float64Array, minimumDays: number): void {
  if (!Number.isInteger(slotsPerDay) || slotsPerDay < 1) throw new RangeError(`${caller} requires slotsPerDay to be a positive integer, got ${slotsPerDay}`);
  if (history.length % slotsPerDay !== 0) throw new RangeError(`${caller} requires whole days of history, got ${history.length} values for ${slotsPerDay} slots a day`);
  const days = history.length / slotsPerDay;
  if (days < minimumDays) throw new RangeError(`${caller} requires at least ${minimumDays} days of history, got ${days}`);
  if (!Number.isInteger(horizonDays) || horizonDays < 1) throw new RangeError(`${caller} requires horizonDays to be a positive integer, got ${horizonDays}`);
  if (out.length !== horizonDays * slotsPerDay) throw new RangeError(`${caller} requires out to hold ${horizonDays * slotsPerDay} intervals, got ${out.length}`);
}
