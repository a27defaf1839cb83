import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { nextInverseErlangB } from '../queueing/next-inverse-erlang-b.js';
import { previousInverseErlangB } from '../queueing/previous-inverse-erlang-b.js';
import { agentSearchCap } from './agent-search-cap.js';
import { erlangCMeasuresInto } from './erlang-c-measures-into.js';
import { failingGoalsErlangC } from './failing-goals-erlang-c.js';
import { markInfeasible } from './mark-infeasible.js';
import { occupancyLowerBound } from './occupancy-lower-bound.js';
import type { ResolvedStaffingRequest } from './resolve-staffing-request.js';
import { resolveContinuousBinding } from './resolve-continuous-binding.js';
import { GOAL_ASA, GOAL_OCCUPANCY, GOAL_SERVICE_LEVEL, SLOT_AGENTS } from './staffing-slots.js';
import type { StaffingWorkspace } from './staffing-workspace.js';

/** The first guess uses β − 0.5 of the previous interval: a step up is cheaper than one down. */
const GUESS_BIAS = 0.5;

/**
 * Erlang C required agents of one interval (load a > 0): the smallest n meeting every goal,
 * its measures, the binding goal and the fractional requirement, in the workspace result.
 *
 * Method: nothing below max(⌊a⌋ + 1, smallest n with a/n ≤ maxOccupancy) can meet a queue
 * goal. The first guess is square-root staffing n₀ = a + (β − ½)·√a with β = (n − a)/√a of the
 * previous interval of the batch (consecutive intervals staff alike; 1 at the start), 1/B(n₀)
 * comes from the O(√a) recurrence started 8.5·√a below the load, and n then steps down
 * while n − 1 still meets every goal, or up until n does, one agent at a time with one
 * multiply-add for 1/B and a division-free goal test (`failingGoalsErlangC`), the
 * service-level exponential updated by the constant factor exp(−t/AHT): two exp() per
 * interval, not one per agent. The guess changes the speed, never the result (the goals are
 * monotone in n). A service-level target of 1 or a maxAsa of 0 is infeasible, as is any goal
 * still unmet at a + 40·√a + 50 agents or needing more than MAX_AGENTS.
 *
 * Units: a in Erlangs, AHT and t in seconds. Reference: Gans, Koole & Mandelbaum 2003, §4.1;
 * docs/queueing.md. Complexity: O(√a) (about 8.5·√a recurrence steps plus β·√a goal tests).
 *
 * @example
 * // a = 10, AHT 180 s, 80/20: result[SLOT_AGENTS] = 14, binding service-level, ≈ 13.0372
 */
export function requiredAgentsErlangC(
  trafficErlangs: number,
  ahtSeconds: number,
  request: ResolvedStaffingRequest,
  wantFractional: boolean,
  workspace: StaffingWorkspace,
): void {
  const a = trafficErlangs;
  const result = workspace.result;
  const goals = request.goals;
  const hasServiceLevel = (goals & GOAL_SERVICE_LEVEL) !== 0;
  if (
    (hasServiceLevel && !(request.serviceLevelTarget < 1)) ||
    ((goals & GOAL_ASA) !== 0 && !(request.maxAsaSeconds > 0))
  ) {
    markInfeasible(result);
    return;
  }
  const thresholdSeconds = request.thresholdSeconds;
  let lowest = Math.floor(a) + 1;
  if ((goals & GOAL_OCCUPANCY) !== 0) {
    lowest = Math.max(lowest, occupancyLowerBound(a, request.maxOccupancy));
  }
  const cap = agentSearchCap(a, request.maxOccupancy);
  if (lowest > cap) {
    markInfeasible(result);
    return;
  }
  const root = Math.sqrt(a);
  let agents = Math.max(
    lowest,
    Math.min(cap, Math.floor(a + (workspace.staffingBeta - GUESS_BIAS) * root)),
  );
  let inverse = inverseErlangB(agents, a);
  const factor = hasServiceLevel ? Math.exp(-thresholdSeconds / ahtSeconds) : 0;
  let decay = hasServiceLevel ? Math.exp((-(agents - a) * thresholdSeconds) / ahtSeconds) : 1;
  let failingBelow = -1;
  if (failingGoalsErlangC(agents, a, ahtSeconds, inverse, decay, request) === 0) {
    // Met at the guess: step down while one agent fewer still meets every goal.
    while (agents > lowest) {
      const inverseBelow = previousInverseErlangB(inverse, agents, a);
      const decayBelow = factor > 0 ? decay / factor : 1;
      failingBelow = failingGoalsErlangC(
        agents - 1,
        a,
        ahtSeconds,
        inverseBelow,
        decayBelow,
        request,
      );
      if (failingBelow !== 0) break;
      agents -= 1;
      inverse = inverseBelow;
      decay = decayBelow;
      failingBelow = -1;
    }
  } else {
    // Missed at the guess: step up until every goal is met.
    do {
      if (agents >= cap) {
        markInfeasible(result);
        return;
      }
      agents += 1;
      inverse = nextInverseErlangB(inverse, agents, a);
      decay *= factor;
    } while (failingGoalsErlangC(agents, a, ahtSeconds, inverse, decay, request) !== 0);
  }
  workspace.staffingBeta = (agents - a) / root;
  result[SLOT_AGENTS] = agents;
  const delayFactor = hasServiceLevel
    ? decay
    : Math.exp((-(agents - a) * thresholdSeconds) / ahtSeconds);
  erlangCMeasuresInto(agents, a, ahtSeconds, thresholdSeconds, inverse, delayFactor, result);
  if (failingBelow < 0) {
    const below = agents - 1;
    const decayBelow =
      factor > 0 ? decay / factor : Math.exp((-(below - a) * thresholdSeconds) / ahtSeconds);
    failingBelow =
      below > a
        ? failingGoalsErlangC(
            below,
            a,
            ahtSeconds,
            previousInverseErlangB(inverse, agents, a),
            decayBelow,
            request,
          )
        : failingGoalsErlangC(below, a, ahtSeconds, 1, 1, request);
  }
  resolveContinuousBinding(
    failingBelow,
    agents,
    inverse,
    a,
    ahtSeconds,
    request,
    wantFractional,
    workspace,
  );
}
