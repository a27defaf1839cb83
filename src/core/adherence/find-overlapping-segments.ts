/**
 * Pairs of segments of one agent that overlap in time (a schedule or a state log where one
 * agent is in two places at once), as [earlier row, later row], at most `maxPairs` of them.
 *
 * Method: a sweep over the segments in (agent, start) order keeping, per agent, the row that
 * reaches furthest; a segment starting before that row's end overlaps it. Segments that only
 * touch ([9:00, 10:00) and [10:00, 11:00)) do not overlap. Complexity O(n) after the O(n log n)
 * sort that gives `order` (see sortSegments).
 *
 * @param order the rows in (agent, start) order
 * @example
 * // agent 7: [0, 100) and [60, 120)
 * findOverlappingSegments(Int32Array.of(7, 7), Float64Array.of(0, 60), Float64Array.of(100, 120), Int32Array.of(0, 1)); // [[0, 1]]
 */
export function findOverlappingSegments(
  agent: Int32Array,
  start: Float64Array,
  end: Float64Array,
  order: Int32Array,
  maxPairs = 100,
): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let furthest = -1;
  for (let k = 0; k < order.length && pairs.length < maxPairs; k++) {
    const row = order[k];
    if (furthest >= 0 && agent[furthest] === agent[row] && start[row] < end[furthest]) {
      pairs.push(furthest < row ? [furthest, row] : [row, furthest]);
      if (end[row] > end[furthest]) furthest = row;
    } else if (furthest < 0 || agent[furthest] !== agent[row] || end[row] > end[furthest]) {
      furthest = row;
    }
  }
  return pairs;
}
