import { agentSearchCap } from './agent-search-cap.js';
import { erlangABlockInto } from './erlang-a-block-into.js';
import { erlangAResultInto } from './erlang-a-result-into.js';
import { failingGoalsErlangA } from './failing-goals-erlang-a.js';
import { markInfeasible } from './mark-infeasible.js';
import type { ResolvedStaffingRequest } from './resolve-staffing-request.js';
import { BINDING_CODES } from './staffing-types.js';
import {
  GOAL_ABANDON_RATE,
  GOAL_ASA,
  GOAL_OCCUPANCY,
  GOAL_SERVICE_LEVEL,
  SLOT_AGENTS,
  SLOT_BINDING,
  SLOT_FRACTIONAL,
} from './staffing-slots.js';
import type { StaffingWorkspace } from './staffing-workspace.js';
import { ERLANG_A_BLOCK } from './staffing-workspace.js';

const LOW = 0;
const HIGH = ERLANG_A_BLOCK;
const PROBE = 2 * ERLANG_A_BLOCK;

const CANDIDATES = [GOAL_SERVICE_LEVEL, GOAL_ASA, GOAL_ABANDON_RATE, GOAL_OCCUPANCY];
const CODES = [
  BINDING_CODES['service-level'],
  BINDING_CODES.asa,
  BINDING_CODES['abandon-rate'],
  BINDING_CODES.occupancy,
];
/** Index of each candidate's measure in an Erlang A block. */
const MEASURES = [7, 2, 1, 6];

function copyBlock(blocks: Float64Array, from: number, to: number): void {
  for (let i = 0; i < ERLANG_A_BLOCK; i++) blocks[to + i] = blocks[from + i];
}

/** Evaluates n agents into the probe block, keeps it as the new low or high; true if met. */
function probeAgents(
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  patienceSeconds: number,
  request: ResolvedStaffingRequest,
  workspace: StaffingWorkspace,
): boolean {
  const blocks = workspace.erlangABlocks;
  erlangABlockInto(
    agents,
    trafficErlangs,
    ahtSeconds,
    patienceSeconds,
    request,
    workspace.erlangAScratch,
    blocks,
    PROBE,
  );
  const met = failingGoalsErlangA(blocks, PROBE, request) === 0;
  copyBlock(blocks, PROBE, met ? HIGH : LOW);
  return met;
}

function goalLevel(goal: number, request: ResolvedStaffingRequest): number {
  if (goal === GOAL_SERVICE_LEVEL) return request.serviceLevelTarget;
  if (goal === GOAL_ASA) return request.maxAsaSeconds;
  if (goal === GOAL_ABANDON_RATE) return request.maxAbandonRate;
  return request.maxOccupancy;
}

/**
 * Erlang A required agents of one interval (load a > 0): the smallest n meeting every goal,
 * its measures, the binding goal and the fractional requirement, in the workspace result.
 *
 * Method: every probe evaluates the exact Erlang A measures (`erlangABlockInto`). The search
 * gallops from a square-root-staffing guess n₀ = a + √a (steps 1, 2, 4, … up or down) to a
 * bracket [n − 1 missed, n met], then bisects, so a few probes suffice. The measures are
 * monotone in n, so this is the smallest n. A service-level target of 1 or a maximum ASA or
 * abandon rate of 0 is infeasible (with contacts offered some always wait), as is any goal
 * still unmet at a + 40·√a + 50 agents. The fractional requirement interpolates each missed
 * goal's measure linearly between n − 1 and n (documented approximation: Erlang A is defined
 * at integer agents); the binding goal is the one with the largest.
 *
 * Units: a in Erlangs, seconds. Reference: Mandelbaum & Zeltyn 2005; Garnett, Mandelbaum &
 * Reiman 2002 (square-root staffing with abandonment). Complexity: O(log(n) · (√a + √x)).
 *
 * @example
 * // a = 10, AHT 180, patience 300, 80/20 ICMI: result[SLOT_AGENTS] = 13
 */
export function requiredAgentsErlangA(
  trafficErlangs: number,
  ahtSeconds: number,
  patienceSeconds: number,
  request: ResolvedStaffingRequest,
  workspace: StaffingWorkspace,
): void {
  const a = trafficErlangs;
  const result = workspace.result;
  const goals = request.goals;
  if (
    ((goals & GOAL_SERVICE_LEVEL) !== 0 && !(request.serviceLevelTarget < 1)) ||
    ((goals & GOAL_ASA) !== 0 && !(request.maxAsaSeconds > 0)) ||
    ((goals & GOAL_ABANDON_RATE) !== 0 && !(request.maxAbandonRate > 0))
  ) {
    markInfeasible(result);
    return;
  }
  const blocks = workspace.erlangABlocks;
  const cap = agentSearchCap(a, request.maxOccupancy);
  let low = -1;
  let high = -1;
  const guess = Math.min(cap, Math.round(a + Math.sqrt(a)));
  if (probeAgents(guess, a, ahtSeconds, patienceSeconds, request, workspace)) high = guess;
  else low = guess;
  for (let step = 1; high < 0; step *= 2) {
    if (low >= cap) {
      markInfeasible(result);
      return;
    }
    const next = Math.min(cap, low + step);
    if (probeAgents(next, a, ahtSeconds, patienceSeconds, request, workspace)) high = next;
    else low = next;
  }
  for (let step = 1; low < 0 && high > 0; step *= 2) {
    const next = Math.max(0, high - step);
    if (probeAgents(next, a, ahtSeconds, patienceSeconds, request, workspace)) high = next;
    else low = next;
  }
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (probeAgents(middle, a, ahtSeconds, patienceSeconds, request, workspace)) high = middle;
    else low = middle;
  }
  result[SLOT_AGENTS] = high;
  erlangAResultInto(blocks, HIGH, blocks, HIGH, 0, result);
  if (high === 0) {
    result[SLOT_BINDING] = BINDING_CODES.none;
    result[SLOT_FRACTIONAL] = 0;
    return;
  }
  const failingBelow = failingGoalsErlangA(blocks, LOW, request);
  let best = -Infinity;
  let bestCode = BINDING_CODES.none;
  for (let i = 0; i < CANDIDATES.length; i++) {
    if ((failingBelow & CANDIDATES[i]) === 0) continue;
    const below = blocks[LOW + MEASURES[i]];
    const at = blocks[HIGH + MEASURES[i]];
    const share = (goalLevel(CANDIDATES[i], request) - below) / (at - below);
    const requirement = share >= 0 && share <= 1 ? high - 1 + share : high;
    if (requirement > best) {
      best = requirement;
      bestCode = CODES[i];
    }
  }
  result[SLOT_BINDING] = bestCode;
  result[SLOT_FRACTIONAL] = best;
}
