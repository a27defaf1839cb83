import { GOAL_ASA, GOAL_BLOCKING, GOAL_SERVICE_LEVEL } from './staffing-slots.js';
import type { ContinuousGoalContext } from './staffing-workspace.js';

/**
 * How far a continuous agent count x is from meeting one Erlang B/C goal: > 0 not met,
 * ≤ 0 met, decreasing in x, smooth, on a log scale where the goal is a probability.
 *
 * Method, with C(x) = x / (a + (x − a)·(1/B(x, a))) the continuous Erlang C:
 * - service level: ln(1 − SL) − ln(1 − target) = ln C(x) − (x − a)·t/AHT − ln(1 − target);
 * - ASA: ln(C(x)·AHT/(x − a)) − ln(maxAsa);
 * - blocking: ln B(x, a) − ln(maxBlocking);
 * - Erlang B occupancy: a·(1 − B(x, a))/x − maxOccupancy.
 * Service level and ASA need x > a. Inner helper: no validation.
 *
 * Units: x in agents. Reference: Jagerman 1974 (continuous Erlang B); Gans, Koole &
 * Mandelbaum 2003 (Erlang C measures). Complexity: O(1) given 1/B(x, a).
 *
 * @example
 * continuousGoalGap(14, 17.5997021, { goal: 1, trafficErlangs: 10, ahtSeconds: 180,
 *   thresholdSeconds: 20, level: Math.log(0.2) }); // ≈ −0.5829 (80/20 met with room)
 */
export function continuousGoalGap(
  agents: number,
  inverseErlangB: number,
  context: ContinuousGoalContext,
): number {
  const a = context.trafficErlangs;
  switch (context.goal) {
    case GOAL_SERVICE_LEVEL:
      return (
        Math.log(agents / (a + (agents - a) * inverseErlangB)) -
        ((agents - a) * context.thresholdSeconds) / context.ahtSeconds -
        context.level
      );
    case GOAL_ASA:
      return (
        Math.log(agents / (a + (agents - a) * inverseErlangB)) -
        Math.log(agents - a) -
        context.level
      );
    case GOAL_BLOCKING:
      return -Math.log(inverseErlangB) - context.level;
    default:
      return (a * (1 - 1 / inverseErlangB)) / agents - context.level;
  }
}
