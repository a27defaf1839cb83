import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { continuousGoalGap } from './continuous-goal-gap.js';
import type { ContinuousGoalContext } from './staffing-workspace.js';

/** Points kept for interpolation (x at [0, 7), gap at [8, 15) of the point table). */
const MAX_POINTS = 7;
/** Squared-step acceptance: the next error is about (step)², so 1e-10 gives ~1e-10 agents. */
const SQUARED_STEP_TOLERANCE = 1e-10;
const MAX_EVALUATIONS = 60;

/** Inverse Lagrange interpolation: the x where the polynomial through the points has gap 0. */
function interpolateRoot(points: Float64Array, count: number): number {
  let product = 1;
  for (let j = 0; j < count; j++) product *= -points[8 + j];
  let root = 0;
  for (let i = 0; i < count; i++) {
    const gapI = points[8 + i];
    let denominator = -gapI;
    for (let j = 0; j < count; j++) if (j !== i) denominator *= gapI - points[8 + j];
    root += (points[i] * product) / denominator;
  }
  return root;
}

/**
 * Continuous agent count in (lower, upper] at which one Erlang B/C goal is met exactly.
 *
 * Method: the goal's gap (`continuousGoalGap`, through the incomplete-gamma extension of
 * Erlang B, smooth and nearly linear on its log scale) is known at four to six integer points
 * around the answer (`points`: x at [0, count), gap at [8, 8 + count)). Inverse Lagrange
 * interpolation of x as a function of the gap, evaluated at gap 0, gives the next estimate;
 * each exact evaluation of B(x, a) adds a point (seven are kept, the farthest from the root
 * dropped), so the estimates converge faster than quadratically, and an estimate whose step
 * from the last evaluated point is below 1e-5 agents is accepted (its error is about the
 * square of the step: ~1e-10 agents). Steps leaving the bracket (the points with gap > 0 and
 * ≤ 0) fall back to bisection. Typically one evaluation above 2 Erlangs, two below.
 * Inner helper: no validation (gap(lower) > 0 ≥ gap(upper), distinct gaps).
 *
 * Units: agents. Reference: Jagerman 1974; Press et al., Numerical Recipes 3rd ed., §3.2
 * (polynomial interpolation) and §9.3 (inverse interpolation). Complexity: O(√a) per
 * evaluation of B(x, a).
 *
 * @example
 * // 100 calls in 30 min, AHT 180 s, 80/20: 13.037206466… between 13 and 14
 */
export function fractionalAgents(
  context: ContinuousGoalContext,
  lower: number,
  upper: number,
  points: Float64Array,
  count: number,
): number {
  let low = lower;
  let high = upper;
  let size = count;
  for (let i = 0; i < size; i++) {
    const gap = points[8 + i];
    if (gap === 0) return points[i];
    if (gap > 0 && points[i] > low) low = points[i];
    if (gap < 0 && points[i] < high) high = points[i];
  }
  let x = size >= 2 ? interpolateRoot(points, size) : NaN;
  for (let evaluation = 0; evaluation < MAX_EVALUATIONS; evaluation++) {
    if (!(x > low && x < high)) x = 0.5 * (low + high);
    const gap = continuousGoalGap(x, inverseErlangB(x, context.trafficErlangs), context);
    if (gap === 0) return x;
    if (gap > 0) low = x;
    else high = x;
    let slot = size;
    if (size === MAX_POINTS) {
      slot = 0;
      for (let i = 1; i < size; i++) {
        if (Math.abs(points[8 + i]) > Math.abs(points[8 + slot])) slot = i;
      }
    } else size += 1;
    points[slot] = x;
    points[8 + slot] = gap;
    if (size < 2) {
      x = NaN;
      continue;
    }
    const next = interpolateRoot(points, size);
    const step = next - x;
    if (step * step <= SQUARED_STEP_TOLERANCE) return next < low ? low : next > high ? high : next;
    if (!(next > low && next < high)) {
      x = 0.5 * (low + high);
      if (high - low <= SQUARED_STEP_TOLERANCE) return x;
      continue;
    }
    x = next;
  }
  return 0.5 * (low + high);
}
