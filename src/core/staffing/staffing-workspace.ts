import { ERLANG_A_SCRATCH_LENGTH } from '../queueing/erlang-a-measures-into.js';
import { RESULT_SLOTS } from './staffing-slots.js';

/** Values of one Erlang A block: the 7 measures of `erlangAMeasuresInto`, then service level. */
export const ERLANG_A_BLOCK = 8;

/** What the continuous (fractional-agent) goal functions read; reused for every interval. */
export interface ContinuousGoalContext {
  /** One GOAL_* bit of staffing-slots. */
  goal: number;
  trafficErlangs: number;
  ahtSeconds: number;
  thresholdSeconds: number;
  /**
   * The goal's level on the scale of `continuousGoalGap`: ln(1 − target) for service level,
   * ln(maxAsaSeconds / AHT) for ASA, ln(maxBlocking) for blocking, maxOccupancy for
   * (Erlang B) occupancy.
   */
  level: number;
}

/** Scratch memory of a batch: allocated once per call, reused for every interval. */
export interface StaffingWorkspace {
  /** The per-interval result block (SLOT_* of staffing-slots). */
  result: Float64Array;
  /** Interpolation points of `fractionalAgents`: x at [0..7], goal gap at [8..15]. */
  points: Float64Array;
  context: ContinuousGoalContext;
  /** Erlang A measure blocks of ERLANG_A_BLOCK values: low [0..7], high [8..15], probe [16..23]. */
  erlangABlocks: Float64Array;
  /** Series scratch of `erlangAMeasuresInto`. */
  erlangAScratch: Float64Array;
  /**
   * Square-root-staffing coefficient β = (n − a)/√a of the last interval solved, the first
   * guess n₀ = a + β·√a of the next one (consecutive intervals staff alike).
   */
  staffingBeta: number;
}

/**
 * Allocates the scratch memory of one staffing batch (no allocation per interval after this).
 *
 * Units: none. Reference: house style (no allocation inside the loop). Complexity: O(1).
 *
 * @example
 * createStaffingWorkspace().result.length; // 9
 */
export function createStaffingWorkspace(): StaffingWorkspace {
  return {
    result: new Float64Array(RESULT_SLOTS),
    points: new Float64Array(16),
    context: { goal: 0, trafficErlangs: 0, ahtSeconds: 0, thresholdSeconds: 0, level: 0 },
    erlangABlocks: new Float64Array(3 * ERLANG_A_BLOCK),
    erlangAScratch: new Float64Array(ERLANG_A_SCRATCH_LENGTH),
    staffingBeta: 1,
  };
}
