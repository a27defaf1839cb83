/**
 * Learns a channel's open hours from its recent history: an interval of the week (weekday ×
 * time of day) is open when it had contacts in most of the last `weeks` observed same weekdays.
 *
 * Formula: open[w·s + j] = 1 when #{k : y[d_k·s + j] > 0} > K ÷ 2, over the last K ≤ `weeks`
 * days d_k ≡ w (mod 7) of the history that have at least one value (a day whose every interval
 * is NaN had no row at all: it is not observed, so it neither opens nor closes anything). A
 * weekday with no observed day is closed all day. Weekday w is counted from the history's first
 * day (w = d mod 7). Units: flags. Reference: docs/forecasting.md (missing is not zero: an
 * interval with no row is missing inside the open hours, closed outside them); majority rule as
 * in Brown et al., "Statistical analysis of a telephone call center", JASA 100(469), 2005, §3
 * (hours of operation read from the arrivals). Complexity: O(weeks·7·s + days).
 *
 * @param history whole local days, NaN where an interval had no row
 * @param out 7·slotsPerDay flags (1 open)
 * @example
 * learnOpenIntervals(Float64Array.of(0, 3, NaN, 2, 0, 1), 2, 6, out) // day 0 and 2 of weekday… → out[1] = 1
 */
export function learnOpenIntervals(history: Float64Array, slotsPerDay: number, weeks: number, out: Uint8Array): void {
  const s = slotsPerDay;
  if (!Number.isInteger(s) || s < 1) throw new RangeError(`learnOpenIntervals requires slotsPerDay to be a positive integer, got ${s}`);
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`learnOpenIntervals requires weeks to be a positive integer, got ${weeks}`);
  if (out.length !== 7 * s) throw new RangeError(`learnOpenIntervals requires out to hold ${7 * s} flags, got ${out.length}`);
  const days = Math.floor(history.length / s);
  const counts = new Int32Array(7 * s);
  const seen = new Int32Array(7);
  for (let d = days - 1; d >= 0; d--) {
    const w = d % 7;
    if (seen[w] >= weeks) continue;
    let observed = false;
    for (let j = 0; j < s; j++) {
      if (!Number.isNaN(history[d * s + j])) {
        observed = true;
        break;
      }
    }
    if (!observed) continue;
    seen[w]++;
    for (let j = 0; j < s; j++) if (history[d * s + j] > 0) counts[w * s + j]++;
  }
  for (let w = 0; w < 7; w++) for (let j = 0; j < s; j++) out[w * s + j] = seen[w] > 0 && 2 * counts[w * s + j] > seen[w] ? 1 : 0;
}
