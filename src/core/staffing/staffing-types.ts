import type { ServiceLevelDefinition } from '../queueing/service-level-definition.js';

/** Queueing models a staffing request can use. */
export const STAFFING_MODELS = ['erlang-b', 'erlang-c', 'erlang-a'] as const;
export type StaffingModel = (typeof STAFFING_MODELS)[number];

/**
 * What decided the required agent count of an interval; the `binding` output column holds
 * the index of the name in this array.
 * - `none`: nothing to staff (volume 0), or 0 agents already meet every goal;
 * - `service-level`, `asa`, `abandon-rate`, `occupancy`, `blocking`: that goal;
 * - `stability`: Erlang C needs agents > load even though every goal is met at the load;
 * - `infeasible`: no agent count meets every goal (agents −1, measures NaN).
 */
export const BINDING_GOALS = [
  'none',
  'service-level',
  'asa',
  'abandon-rate',
  'occupancy',
  'blocking',
  'stability',
  'infeasible',
] as const;
export type BindingGoal = (typeof BINDING_GOALS)[number];

/** Code of each binding name in the `binding` column (its index in `BINDING_GOALS`). */
export const BINDING_CODES: Readonly<Record<BindingGoal, number>> = {
  none: 0,
  'service-level': 1,
  asa: 2,
  'abandon-rate': 3,
  occupancy: 4,
  blocking: 5,
  stability: 6,
  infeasible: 7,
};

/**
 * Bits of the `warnings` column: `min-occupancy` = occupancy below `goals.minOccupancy`
 * (over-staffing); `overloaded` = agents ≤ offered load (evaluate only; under Erlang C the
 * queue is unstable).
 */
export const STAFFING_WARNING_BITS = { 'min-occupancy': 1, overloaded: 2 } as const;
export type StaffingWarning = keyof typeof STAFFING_WARNING_BITS;

/**
 * Staffing goals; every goal given must be met. Fractions are 0..1.
 * - erlang-c: serviceLevelTarget (+ thresholdSeconds), maxAsaSeconds, maxOccupancy;
 * - erlang-a: the same plus maxAbandonRate;
 * - erlang-b: maxBlocking, maxOccupancy.
 * `minOccupancy` is never a constraint, only the `min-occupancy` warning.
 */
export interface StaffingGoals {
  /** Share of contacts within `thresholdSeconds` (under the chosen definition), 0 < x ≤ 1. */
  serviceLevelTarget?: number;
  /** Maximum average speed of answer of answered contacts, seconds. */
  maxAsaSeconds?: number;
  /** Maximum abandoned ÷ (abandoned + answered) (Erlang A only). */
  maxAbandonRate?: number;
  /** Maximum agent occupancy (carried load ÷ agents), 0 < x ≤ 1. */
  maxOccupancy?: number;
  /** Maximum blocking probability (Erlang B only). */
  maxBlocking?: number;
  /** Occupancy under this raises the `min-occupancy` warning. */
  minOccupancy?: number;
}

/** A scalar for every interval, or one value per interval read at the same index as volume. */
export type StaffingColumn = Float64Array | number;

/**
 * Inputs of `solveStaffingBatch` and `evaluateStaffingBatch`: columns (one value per
 * interval) and scalars. Interval k of the batch reads index `offset + k·stride` of every
 * column, so a channel's row (stride 1) or column (stride = channels) of a
 * channels × intervals matrix needs no copy.
 */
export interface StaffingBatchInput {
  model: StaffingModel;
  /** Length of one interval, seconds (900 for quarter-hours). */
  intervalSeconds: number;
  /** Contacts offered per interval. */
  volume: Float64Array;
  /** Average handle time, seconds. */
  ahtSeconds: StaffingColumn;
  /** Shrinkage fraction 0 ≤ x < 1 for `requiredWithShrinkage` (default 0). */
  shrinkage?: StaffingColumn;
  /** Mean patience, seconds (Erlang A only, required there). */
  patienceSeconds?: StaffingColumn;
  /**
   * Contacts an agent handles at once (chat), ≥ 1, default 1. Modelled as an effective handle
   * time AHT / concurrency per contact with the same agents: load a = volume·AHT /
   * (concurrency·intervalSeconds), and service-level exponents and ASA use AHT / concurrency.
   */
  concurrency?: number;
  /** Service-level threshold t, seconds: needed by `serviceLevelTarget` and the SL column. */
  thresholdSeconds?: number;
  /** Default `answered-or-abandoned-within/offered` (ICMI). */
  serviceLevelDefinition?: ServiceLevelDefinition;
  /** Goals: at least one is required by `solveStaffingBatch`; `evaluateStaffingBatch` only
   *  reads `minOccupancy` (warning). */
  goals?: StaffingGoals;
  /** First index read in every input column (default 0). */
  offset?: number;
  /** Distance between consecutive intervals in the input columns (default 1). */
  stride?: number;
  /** Number of intervals (default: as many as fit in `volume`). */
  count?: number;
  /** First index written in every output column (default: `offset`). */
  outputOffset?: number;
  /** Distance between consecutive intervals in the output columns (default: `stride`). */
  outputStride?: number;
}

/**
 * Measures per interval, written by both kernels (every column optional). NaN means null /
 * not applicable: SL, ASA, wait probability and abandon rate with no volume; ASA and
 * abandon rate when not defined by the model (Erlang C overloaded, abandon rate under
 * Erlang C/B, SL and ASA under Erlang B); every measure of an infeasible interval.
 */
export interface StaffingMeasureColumns {
  serviceLevel?: Float64Array;
  asaSeconds?: Float64Array;
  waitProbability?: Float64Array;
  occupancy?: Float64Array;
  abandonRate?: Float64Array;
  blockingProbability?: Float64Array;
  /** Bits of `STAFFING_WARNING_BITS`. */
  warnings?: Uint8Array;
}

/** Outputs of `solveStaffingBatch`. */
export interface StaffingSolveOutput extends StaffingMeasureColumns {
  /** Required agents (answering contacts); −1 when infeasible. */
  agents: Int32Array;
  /** ceil(agents / (1 − shrinkage)); −1 when infeasible. */
  requiredWithShrinkage?: Int32Array;
  /** Continuous agent count at which the binding goal is met exactly; NaN when infeasible. */
  agentsFractional?: Float64Array;
  /** Index into `BINDING_GOALS`. */
  binding: Uint8Array;
}

/** Inputs of `evaluateStaffingBatch`: the batch input plus the agents answering contacts. */
export interface StaffingEvaluateInput extends StaffingBatchInput {
  /** Agents answering contacts (net of shrinkage), ≥ 0; may be fractional. */
  agents: Float64Array | Int32Array;
}

/** Summary returned by `solveStaffingBatch`. */
export interface StaffingSolveSummary {
  /** Intervals solved. */
  count: number;
  /** Intervals with binding `infeasible`. */
  infeasibleCount: number;
  /** Batch position k (0-based, not the array index) of the first infeasible interval, or −1. */
  firstInfeasibleIndex: number;
}
