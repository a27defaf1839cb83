/**
 * The order of segments by agent, then start, then end, then row (a stable total order).
 *
 * Method: an index permutation sorted with a comparator over the columns; the columns are not
 * moved. Complexity O(n log n) time, O(n) memory (one Int32Array).
 *
 * @example
 * sortSegments(Int32Array.of(2, 1, 1), Float64Array.of(0, 50, 10), Float64Array.of(5, 60, 20)); // Int32Array [2, 1, 0]
 */
export function sortSegments(agent: Int32Array, start: Float64Array, end: Float64Array): Int32Array {
  if (agent.length !== start.length || start.length !== end.length) {
    throw new RangeError('sortSegments requires columns of equal length');
  }
  const order = new Int32Array(agent.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => agent[a] - agent[b] || start[a] - start[b] || end[a] - end[b] || a - b);
}
