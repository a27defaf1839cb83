import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { nextInverseErlangB } from '../queueing/next-inverse-erlang-b.js';
import { previousInverseErlangB } from '../queueing/previous-inverse-erlang-b.js';
import { agentSearchCap } from './agent-search-cap.js';
import { erlangBMeasuresInto } from './erlang-b-measures-into.js';
import { failingGoalsErlangB } from './failing-goals-erlang-b.js';
import { markInfeasible } from './mark-infeasible.js';
import type { ResolvedStaffingRequest } from './resolve-staffing-request.js';
import { resolveContinuousBinding } from './resolve-continuous-binding.js';
import { BINDING_CODES } from './staffing-types.js';
import { GOAL_BLOCKING, SLOT_AGENTS, SLOT_BINDING, SLOT_FRACTIONAL } from './staffing-slots.js';
import type { StaffingWorkspace } from './staffing-workspace.js';

/** One-line steps from the start before the search gallops. */
const LINEAR_STEPS = 64;

/**
 * The smallest n in (missed, cap] meeting every goal, knowing `missed` lines miss one: steps
 * 1, 2, 4, … up to a bracket, then bisection (the goals are monotone in n: blocking and
 * carried occupancy fall as lines are added). −1 when even `cap` misses. O(log(cap)·√a).
 */
function gallopErlangB(missed: number, cap: number, a: number, goals: number, maxBlocking: number, maxOccupancy: number): number {
  const meets = (n: number): boolean => failingGoalsErlangB(n, a, inverseErlangB(n, a), goals, maxBlocking, maxOccupancy) === 0;
  let low = missed;
  let high = -1;
  for (let step = 1; high < 0; step *= 2) {
    if (low >= cap) return -1;
    const next = Math.min(cap, low + step);
    if (meets(next)) high = next;
    else low = next;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (meets(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * Erlang B required lines (agents) of one interval (load a > 0): the smallest n with
 * blocking ≤ maxBlocking and carried occupancy ≤ maxOccupancy, its measures, the binding goal
 * and the fractional requirement, in the workspace result.
 *
 * Method: blocking satisfies B(n, a) ≥ 1 − n/a (carried load ≤ n), so no n below
 * a·(1 − maxBlocking) can meet it; the search starts there with 1/B from the O(√a)
 * recurrence and steps up one line at a time (one multiply-add each); after 64 steps (a low
 * occupancy cap far above the load) it gallops and bisects instead. maxBlocking 0 is
 * infeasible, as is any goal still unmet at a + 40·√a + 50 lines or needing more than MAX_AGENTS.
 *
 * Units: a in Erlangs. Reference: Erlang 1917; Jagerman 1974. Complexity: O(√a).
 *
 * @example
 * // a = 10, maxBlocking 0.02: result[SLOT_AGENTS] = 17, binding blocking
 */
export function requiredAgentsErlangB(
  trafficErlangs: number,
  request: ResolvedStaffingRequest,
  wantFractional: boolean,
  workspace: StaffingWorkspace,
): void {
  const a = trafficErlangs;
  const result = workspace.result;
  const goals = request.goals;
  const maxBlocking = request.maxBlocking;
  const maxOccupancy = request.maxOccupancy;
  if ((goals & GOAL_BLOCKING) !== 0 && !(maxBlocking > 0)) {
    markInfeasible(result);
    return;
  }
  let agents =
    (goals & GOAL_BLOCKING) !== 0 ? Math.max(0, Math.ceil(a * (1 - maxBlocking)) - 1) : 0;
  let inverse = agents === 0 ? 1 : inverseErlangB(agents, a);
  const cap = agentSearchCap(a, maxOccupancy);
  let steps = 0;
  while (failingGoalsErlangB(agents, a, inverse, goals, maxBlocking, maxOccupancy) !== 0) {
    if (agents >= cap) {
      markInfeasible(result);
      return;
    }
    if (++steps > LINEAR_STEPS) {
      // Far from the start (a low occupancy cap): gallop and bisect instead of stepping.
      agents = gallopErlangB(agents, cap, a, goals, maxBlocking, maxOccupancy);
      if (agents < 0) {
        markInfeasible(result);
        return;
      }
      inverse = inverseErlangB(agents, a);
      break;
    }
    agents += 1;
    inverse = nextInverseErlangB(inverse, agents, a);
  }
  let failingBelow = 0;
  while (agents > 0) {
    const inverseBelow = agents > 1 ? previousInverseErlangB(inverse, agents, a) : 1;
    failingBelow = failingGoalsErlangB(
      agents - 1,
      a,
      inverseBelow,
      goals,
      maxBlocking,
      maxOccupancy,
    );
    if (failingBelow !== 0) break;
    agents -= 1;
    inverse = inverseBelow;
  }
  result[SLOT_AGENTS] = agents;
  erlangBMeasuresInto(agents, a, inverse, result);
  if (agents === 0) {
    result[SLOT_BINDING] = BINDING_CODES.none;
    result[SLOT_FRACTIONAL] = 0;
    return;
  }
  resolveContinuousBinding(failingBelow, agents, inverse, a, 0, request, wantFractional, workspace);
}
