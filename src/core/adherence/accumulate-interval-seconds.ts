/**
 * Time-weighted totals per row (e.g. channel) and interval: adds weight × (seconds of the
 * segment inside the interval) to `out[row * intervals + b]` for every interval b the segment
 * [start, end) touches. Divided by the interval's length this is a headcount in which an agent
 * covering half an interval counts 0.5; left as seconds it is the numerator or denominator of
 * an occupancy.
 *
 * Method: binary search for the first interval, then a walk over the intervals the segment
 * touches. `edges` holds the interval boundaries ascending (intervals + 1 values; intervals
 * may differ in length, as they do in UTC on a clock-change day). Complexity O(n log B + k) for
 * n segments over k (segment, interval) overlaps and B intervals. No allocation.
 *
 * Units: seconds since the epoch; out in weight × seconds.
 * @example
 * // one agent 09:15-10:00 over the half-hours 09:00, 09:30: 900 and 1800 seconds
 * const out = new Float64Array(2);
 * accumulateIntervalSeconds(Float64Array.of(33300), Float64Array.of(36000), Float64Array.of(1), Int32Array.of(0),
 *   Float64Array.of(32400, 34200, 36000), out); // out = [900, 1800]
 */
export function accumulateIntervalSeconds(
  start: Float64Array,
  end: Float64Array,
  weight: Float64Array,
  row: Int32Array,
  edges: Float64Array,
  out: Float64Array,
): void {
  const n = start.length;
  const intervals = edges.length - 1;
  if (end.length !== n || weight.length !== n || row.length !== n) {
    throw new RangeError('accumulateIntervalSeconds requires segment columns of equal length');
  }
  if (intervals < 1) throw new RangeError('accumulateIntervalSeconds requires at least two edges');
  for (let b = 0; b < intervals; b++) {
    if (!(edges[b + 1] > edges[b])) throw new RangeError('accumulateIntervalSeconds requires ascending edges');
  }
  let rows = 0;
  for (let i = 0; i < n; i++) if (row[i] + 1 > rows) rows = row[i] + 1;
  if (out.length < rows * intervals) throw new RangeError(`accumulateIntervalSeconds requires out of length ${rows * intervals} at least`);
  const first = edges[0];
  const last = edges[intervals];
  for (let i = 0; i < n; i++) {
    const s = start[i] > first ? start[i] : first;
    const e = end[i] < last ? end[i] : last;
    if (!(e > s)) continue;
    // Last edge <= s.
    let lo = 0;
    let hi = intervals;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] <= s) lo = mid;
      else hi = mid;
    }
    const base = row[i] * intervals;
    const w = weight[i];
    for (let b = lo; b < intervals && edges[b] < e; b++) {
      const a = edges[b] > s ? edges[b] : s;
      const z = edges[b + 1] < e ? edges[b + 1] : e;
      if (z > a) out[base + b] += w * (z - a);
    }
  }
}
