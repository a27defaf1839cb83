import { assertRange } from '../numeric/assert-range.js';
import { requiredAgentsErlangB } from './required-agents-erlang-b.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';
import { SLOT_AGENTS } from './staffing-slots.js';
import { createStaffingWorkspace } from './staffing-workspace.js';

/**
 * Fewest lines (trunks, agents) whose Erlang B blocking does not exceed `maxBlocking`.
 *
 * Method: the search of `requiredAgentsErlangB`: start at a·(1 − maxBlocking) (B(n, a) ≥
 * 1 − n/a, so nothing below qualifies), stable inverse recurrence, one multiply-add per line.
 * No traffic needs 0 lines; maxBlocking 0 can never be met (RangeError).
 *
 * Units: trafficErlangs in Erlangs, maxBlocking a probability; the result is a line count.
 * Reference: Erlang 1917; Jagerman 1974. Complexity: O(√a + a·maxBlocking).
 *
 * @example
 * erlangBLines(10, 0.02); // 17
 */
export function erlangBLines(trafficErlangs: number, maxBlocking: number): number {
  assertRange('erlangBLines', 'trafficErlangs', trafficErlangs, 0, Infinity);
  assertRange('erlangBLines', 'maxBlocking', maxBlocking, 0, 1, true);
  if (trafficErlangs === 0) return 0;
  const request = resolveStaffingRequest(
    'erlangBLines',
    {
      model: 'erlang-b',
      intervalSeconds: 1,
      volume: new Float64Array([trafficErlangs]),
      ahtSeconds: 1,
      goals: { maxBlocking },
    },
    true,
  );
  const workspace = createStaffingWorkspace();
  requiredAgentsErlangB(trafficErlangs, request, false, workspace);
  return workspace.result[SLOT_AGENTS];
}
