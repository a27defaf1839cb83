/**
 * Ends of agent-state events (`agent_id,state,at`): each event lasts until the next event of the
 * same agent; the last event of an agent lasts until `horizonSeconds` (the end of the log, e.g.
 * the latest event of the upload), so a missing log-off stays visible as a logged-in state.
 *
 * Method: one pass over the events in (agent, at) order. Two events of one agent at the same
 * instant are an error (the first would last zero seconds): the pair is returned instead.
 * Complexity O(n) after the O(n log n) sort that gives `order`.
 *
 * Units: seconds since the epoch. Writes `end` (same rows as `at`).
 * @returns the first pair of rows [earlier, later] of one agent with the same instant, or null
 * @example
 * const end = new Float64Array(2);
 * closeStateEvents(Int32Array.of(1, 1), Float64Array.of(0, 600), Int32Array.of(0, 1), 900, end); // null; end = [600, 900]
 */
export function closeStateEvents(
  agent: Int32Array,
  at: Float64Array,
  order: Int32Array,
  horizonSeconds: number,
  end: Float64Array,
): [number, number] | null {
  if (end.length !== at.length || agent.length !== at.length) {
    throw new RangeError('closeStateEvents requires columns of equal length');
  }
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    const next = k + 1 < order.length ? order[k + 1] : -1;
    if (next >= 0 && agent[next] === agent[row]) {
      if (at[next] === at[row]) return row < next ? [row, next] : [next, row];
      end[row] = at[next];
    } else {
      end[row] = Math.max(horizonSeconds, at[row]);
    }
  }
  return null;
}
