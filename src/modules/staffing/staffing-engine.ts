import { DEFAULT_SERVICE_LEVEL_DEFINITION, type ServiceLevelDefinition } from '../../core/queueing/service-level-definition.js';
import { evaluateStaffingBatch } from '../../core/staffing/evaluate-staffing-batch.js';
import { requiredWithShrinkage } from '../../core/staffing/required-with-shrinkage.js';
import { solveStaffingBatch } from '../../core/staffing/solve-staffing-batch.js';
import type { StaffingGoals, StaffingModel } from '../../core/staffing/staffing-types.js';
import type { FieldError } from '../../platform/errors/domain-error.js';
import type { Channel } from '../channels/channel.js';
import type { StaffingGoalDto } from './dto/staffing-request.dto.js';

/** Everything a batch of intervals shares: model, goal, interval length, defaults. */
export interface StaffingSettings {
  model: StaffingModel;
  intervalSeconds: number;
  goals: StaffingGoals;
  thresholdSeconds: number | undefined;
  definition: ServiceLevelDefinition;
  /** Applies to intervals without a shrinkage of their own. */
  shrinkage: number;
  patienceSeconds: number | undefined;
  concurrency: number;
}

/** Result columns of a staffing run over n intervals (request order). NaN means null. */
export interface StaffingResultColumns {
  agents: Float64Array;
  agentsFractional: Float64Array;
  requiredWithShrinkage: Int32Array;
  serviceLevel: Float64Array;
  asaSeconds: Float64Array;
  waitProbability: Float64Array;
  occupancy: Float64Array;
  abandonRate: Float64Array;
  blockingProbability: Float64Array;
  binding: Uint8Array;
  warnings: Uint8Array;
}

export function allocateResults(n: number): StaffingResultColumns {
  return {
    agents: new Float64Array(n),
    agentsFractional: new Float64Array(n).fill(Number.NaN),
    requiredWithShrinkage: new Int32Array(n),
    serviceLevel: new Float64Array(n),
    asaSeconds: new Float64Array(n),
    waitProbability: new Float64Array(n),
    occupancy: new Float64Array(n),
    abandonRate: new Float64Array(n),
    blockingProbability: new Float64Array(n),
    binding: new Uint8Array(n),
    warnings: new Uint8Array(n),
  };
}

/**
 * Checks that the settings make a solvable request for the model; problems name `prefix`
 * fields (`goal.maxBlocking`, `patienceSeconds`, or `channel sales: ...`).
 */
export function checkSettings(s: StaffingSettings, prefix: string, solving: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const g = s.goals;
  const field = (name: string): string => (prefix ? `${prefix}.${name}` : name);
  if (s.model === 'erlang-a' && s.patienceSeconds === undefined) {
    errors.push({ field: field('patienceSeconds'), reason: 'is required for model erlang-a (mean patience in seconds)' });
  }
  if (g.serviceLevelTarget !== undefined && s.thresholdSeconds === undefined) {
    errors.push({ field: field('goal.thresholdSeconds'), reason: 'is required with goal.serviceLevelTarget' });
  }
  if (g.maxAbandonRate !== undefined && s.model !== 'erlang-a') {
    errors.push({ field: field('goal.maxAbandonRate'), reason: 'needs model erlang-a (Erlang C and B have no abandonment)' });
  }
  if (s.model === 'erlang-b') {
    for (const key of ['serviceLevelTarget', 'maxAsaSeconds'] as const) {
      if (g[key] !== undefined) errors.push({ field: field(`goal.${key}`), reason: 'has no meaning under erlang-b (blocked calls do not wait)' });
    }
    if (solving && g.maxBlocking === undefined && g.maxOccupancy === undefined) {
      errors.push({ field: field('goal.maxBlocking'), reason: 'is required for model erlang-b' });
    }
  } else {
    if (g.maxBlocking !== undefined) errors.push({ field: field('goal.maxBlocking'), reason: 'needs model erlang-b' });
    if (solving && g.serviceLevelTarget === undefined && g.maxAsaSeconds === undefined && g.maxAbandonRate === undefined && g.maxOccupancy === undefined) {
      errors.push({ field: field('goal'), reason: 'needs at least one of serviceLevelTarget, maxAsaSeconds, maxAbandonRate, maxOccupancy' });
    }
  }
  if (g.minOccupancy !== undefined && g.maxOccupancy !== undefined && g.minOccupancy >= g.maxOccupancy) {
    errors.push({ field: field('goal.minOccupancy'), reason: 'must be below goal.maxOccupancy' });
  }
  return errors;
}

/** Goals of a request body (only the fields given). */
export function goalsOf(goal: StaffingGoalDto): StaffingGoals {
  const out: StaffingGoals = {};
  if (goal.serviceLevelTarget !== undefined) out.serviceLevelTarget = goal.serviceLevelTarget;
  if (goal.maxAsaSeconds !== undefined) out.maxAsaSeconds = goal.maxAsaSeconds;
  if (goal.maxAbandonRate !== undefined) out.maxAbandonRate = goal.maxAbandonRate;
  if (goal.maxOccupancy !== undefined) out.maxOccupancy = goal.maxOccupancy;
  if (goal.minOccupancy !== undefined) out.minOccupancy = goal.minOccupancy;
  if (goal.maxBlocking !== undefined) out.maxBlocking = goal.maxBlocking;
  return out;
}

/**
 * The channel's stored goals that `model` cannot use, as notes for the caller (channelSettings
 * leaves them out): the abandon rate outside Erlang A. (Erlang B needs a goal in the request,
 * which replaces the stored one as a whole, so its waiting goals are never left out silently.)
 */
export function unusedChannelGoals(channel: Channel, model: StaffingModel): string[] {
  if (model === 'erlang-a' || channel.maxAbandonRate === null) return [];
  return [`channel ${channel.code}: its stored maxAbandonRate ${channel.maxAbandonRate} is not used by ${model} (the model has no abandonment; use erlang-a with patienceSeconds)`];
}

/**
 * A channel's stored goal as settings for `model`; goals the model cannot use (abandon rate
 * outside Erlang A, waiting goals under Erlang B) are left out rather than refused, since
 * they are the channel's standing goal and not part of the request.
 */
export function channelSettings(
  channel: Channel,
  model: StaffingModel,
  overrides: { definition?: ServiceLevelDefinition; shrinkage?: number; patienceSeconds?: number; concurrency?: number; goal?: StaffingGoals; maxBlocking?: number },
): StaffingSettings {
  const goals: StaffingGoals = {};
  if (model !== 'erlang-b') {
    goals.serviceLevelTarget = channel.serviceLevelTarget;
    if (channel.maxAsaSeconds !== null) goals.maxAsaSeconds = channel.maxAsaSeconds;
    if (model === 'erlang-a' && channel.maxAbandonRate !== null) goals.maxAbandonRate = channel.maxAbandonRate;
  }
  if (channel.maxOccupancy !== null) goals.maxOccupancy = channel.maxOccupancy;
  if (channel.minOccupancy !== null) goals.minOccupancy = channel.minOccupancy;
  return {
    model,
    intervalSeconds: channel.intervalMinutes * 60,
    goals: { ...goals, ...(overrides.goal ?? {}) },
    thresholdSeconds: overrides.goal?.serviceLevelTarget !== undefined || model !== 'erlang-b' ? channel.thresholdSeconds : undefined,
    definition: overrides.definition ?? DEFAULT_SERVICE_LEVEL_DEFINITION,
    shrinkage: overrides.shrinkage ?? channel.shrinkage,
    patienceSeconds: overrides.patienceSeconds ?? channel.patienceSeconds ?? undefined,
    concurrency: overrides.concurrency ?? channel.concurrency,
  };
}

/**
 * Runs one group of intervals (the positions `indices` of the request columns, or all when
 * null) through the batch kernel and writes the results at the same positions. Returns the
 * request position of the first interval no agent count can staff, or −1.
 */
export function runGroup(
  settings: StaffingSettings,
  input: { volume: Float64Array; ahtSeconds: Float64Array; shrinkage: Float64Array; agents?: Float64Array },
  indices: Int32Array | null,
  out: StaffingResultColumns,
): number {
  const n = indices ? indices.length : input.volume.length;
  const at = (k: number): number => (indices ? (indices[k]) : k);
  const volume = new Float64Array(n);
  const aht = new Float64Array(n);
  const shrinkage = new Float64Array(n);
  const agentsIn = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = at(k);
    volume[k] = input.volume[i];
    aht[k] = input.ahtSeconds[i];
    const own = input.shrinkage[i];
    shrinkage[k] = Number.isNaN(own) ? settings.shrinkage : own;
    if (input.agents) agentsIn[k] = input.agents[i];
  }
  const batch = {
    model: settings.model,
    intervalSeconds: settings.intervalSeconds,
    volume,
    ahtSeconds: aht,
    shrinkage,
    ...(settings.patienceSeconds !== undefined && settings.model === 'erlang-a' ? { patienceSeconds: settings.patienceSeconds } : {}),
    concurrency: settings.concurrency,
    ...(settings.thresholdSeconds !== undefined ? { thresholdSeconds: settings.thresholdSeconds } : {}),
    serviceLevelDefinition: settings.definition,
    goals: settings.goals,
  };
  const local = allocateResults(n);
  let firstInfeasible = -1;
  if (input.agents) {
    evaluateStaffingBatch({ ...batch, agents: agentsIn }, local);
    for (let k = 0; k < n; k++) {
      local.agents[k] = agentsIn[k];
      local.requiredWithShrinkage[k] = requiredWithShrinkage(agentsIn[k], shrinkage[k]);
    }
  } else {
    const agents = new Int32Array(n);
    const summary = solveStaffingBatch(batch, { ...local, agents });
    for (let k = 0; k < n; k++) local.agents[k] = agents[k];
    if (summary.firstInfeasibleIndex >= 0) firstInfeasible = at(summary.firstInfeasibleIndex);
  }
  for (let k = 0; k < n; k++) {
    const i = at(k);
    for (const key of Object.keys(out) as Array<keyof StaffingResultColumns>) {
      (out[key] as Float64Array)[i] = (local[key] as Float64Array)[k];
    }
  }
  return firstInfeasible;
}

/** Kernels write NaN for "not applicable"; the API says null. */
export function nullable(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
