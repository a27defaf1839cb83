import { nextInverseErlangB } from '../queueing/next-inverse-erlang-b.js';
import { previousInverseErlangB } from '../queueing/previous-inverse-erlang-b.js';
import { BINDING_CODES } from './staffing-types.js';
import { fractionalAgents } from './fractional-agents.js';
import type { ResolvedStaffingRequest } from './resolve-staffing-request.js';
import {
  GOAL_ASA,
  GOAL_BLOCKING,
  GOAL_OCCUPANCY,
  GOAL_SERVICE_LEVEL,
  SLOT_BINDING,
  SLOT_FRACTIONAL,
} from './staffing-slots.js';
import type { StaffingWorkspace } from './staffing-workspace.js';
import { continuousGoalGap } from './continuous-goal-gap.js';

/** Below this load the interpolation uses six integer points instead of four. */
const SMALL_LOAD_ERLANGS = 20;

const CANDIDATES = [GOAL_SERVICE_LEVEL, GOAL_ASA, GOAL_BLOCKING, GOAL_OCCUPANCY];
const CODES = [
  BINDING_CODES['service-level'],
  BINDING_CODES.asa,
  BINDING_CODES.blocking,
  BINDING_CODES.occupancy,
];

/** Continuous requirement of one goal between n − 1 and n (Erlang B or C). */
function goalRequirement(
  goal: number,
  agents: number,
  inverseAtAgents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  request: ResolvedStaffingRequest,
  workspace: StaffingWorkspace,
): number {
  const a = trafficErlangs;
  const queueGoal = goal === GOAL_SERVICE_LEVEL || goal === GOAL_ASA;
  if (goal === GOAL_OCCUPANCY && request.model === 'erlang-c') return a / request.maxOccupancy;
  const context = workspace.context;
  context.goal = goal;
  context.trafficErlangs = a;
  context.ahtSeconds = ahtSeconds;
  context.thresholdSeconds = request.thresholdSeconds;
  context.level =
    goal === GOAL_SERVICE_LEVEL
      ? request.logServiceLevelMiss
      : goal === GOAL_ASA
        ? Math.log(request.maxAsaSeconds / ahtSeconds)
        : goal === GOAL_BLOCKING
          ? Math.log(request.maxBlocking)
          : request.maxOccupancy;
  // Integer points around n (1/B stepped from n) where the goal's gap is defined (the
  // service-level gap continues smoothly below the load, the ASA gap does not): n − 2 … n + 1,
  // or n − 3 … n + 2 under 20 Erlangs where the gap curves more.
  const points = workspace.points;
  const lowest = goal === GOAL_ASA ? Math.floor(a) + 1 : goal === GOAL_BLOCKING ? 0 : 1;
  const reach = a < SMALL_LOAD_ERLANGS ? 3 : 2;
  const first = Math.max(agents - reach, lowest);
  let inverse = inverseAtAgents;
  for (let x = agents; x > first; x--) inverse = previousInverseErlangB(inverse, x, a);
  if (first === 0) inverse = 1;
  let count = 0;
  for (let x = first; x < agents + reach; x++) {
    if (x > first) inverse = nextInverseErlangB(inverse, x, a);
    if (x === agents) inverse = inverseAtAgents;
    points[count] = x;
    points[8 + count] = continuousGoalGap(x, inverse, context);
    count += 1;
  }
  const lower = queueGoal ? Math.max(agents - 1, a) : agents - 1;
  return fractionalAgents(context, lower, agents, points, count);
}

/**
 * Decides which Erlang B/C goal binds at n agents and its fractional requirement.
 *
 * Method: `failingBelow` lists the goals missed at n − 1. Each missed goal has a continuous
 * requirement x in (n − 1, n] where its continuous measure (incomplete-gamma Erlang B/C)
 * meets it exactly (Erlang C occupancy: a/maxOccupancy); the binding goal is the one with the
 * largest x, and that x is `agentsFractional`. When only stability is missed (every goal is
 * met at the load), the binding is `stability` and the fractional requirement is a itself.
 * With a single missed goal and no fractional column the solve is skipped. Writes
 * SLOT_BINDING and SLOT_FRACTIONAL. Inner helper.
 *
 * Units: agents, Erlangs, seconds. Reference: Jagerman 1974; house definition of binding.
 * Complexity: O(√a) per missed goal (one or two continuous Erlang B evaluations).
 *
 * @example
 * // A = 10, 80/20, n = 14, service level missed at 13: binding 1, fractional ≈ 13.0372
 */
export function resolveContinuousBinding(
  failingBelow: number,
  agents: number,
  inverseAtAgents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  request: ResolvedStaffingRequest,
  wantFractional: boolean,
  workspace: StaffingWorkspace,
): void {
  const result = workspace.result;
  let missed = 0;
  let only = -1;
  for (let i = 0; i < CANDIDATES.length; i++) {
    if ((failingBelow & CANDIDATES[i]) !== 0) {
      missed += 1;
      only = i;
    }
  }
  if (missed === 0) {
    result[SLOT_BINDING] = BINDING_CODES.stability;
    result[SLOT_FRACTIONAL] = trafficErlangs;
    return;
  }
  if (missed === 1 && !wantFractional) {
    result[SLOT_BINDING] = CODES[only];
    result[SLOT_FRACTIONAL] = NaN;
    return;
  }
  let best = -Infinity;
  let bestCode = CODES[only];
  for (let i = 0; i < CANDIDATES.length; i++) {
    if ((failingBelow & CANDIDATES[i]) === 0) continue;
    const requirement = goalRequirement(
      CANDIDATES[i],
      agents,
      inverseAtAgents,
      trafficErlangs,
      ahtSeconds,
      request,
      workspace,
    );
    if (requirement > best) {
      best = requirement;
      bestCode = CODES[i];
    }
  }
  result[SLOT_BINDING] = bestCode;
  result[SLOT_FRACTIONAL] = best;
}
