import type { MipResult } from './mip-types.js';
import type { StageReport } from './scheduling-types.js';

/**
 * The StageReport of one or more solve calls of a stage (per-day programs are summed):
 * objective and bound are the sums, the gap is (objective − bound) ÷ |objective| (0 when both
 * are 0), the status the weakest of the calls (time-limit before gap-reached before optimal).
 * Every figure is the solver's own; nothing is estimated.
 *
 * Units: the objective's (hours), seconds. Reference: HiGHS's mip_dual_bound and mip_gap
 * (docs/scheduling.md, "Limits, bound and gap"). Complexity: O(calls).
 *
 * @example
 * // two optimal days with objectives 3 and 4: { status: 'optimal', objective: 7, bound: 7, gap: 0 }
 */
export function stageReportFrom(results: readonly MipResult[]): StageReport {
  let objective = 0;
  let bound = 0;
  let solveSeconds = 0;
  let variables = 0;
  let constraints = 0;
  let rank = 0;
  for (const r of results) {
    objective += r.objective;
    bound += r.bound;
    solveSeconds += r.solveSeconds;
    variables += r.variables;
    constraints += r.constraints;
    rank = Math.max(rank, r.status === 'optimal' ? 0 : r.status === 'gap-reached' ? 1 : 2);
  }
  const gap =
    objective === bound
      ? 0
      : Math.abs(objective) > 0
        ? (objective - bound) / Math.abs(objective)
        : Infinity;
  return {
    status: rank === 0 ? 'optimal' : rank === 1 ? 'gap-reached' : 'time-limit',
    objective,
    bound,
    gap: Math.max(0, gap),
    solveSeconds,
    variables,
    constraints,
  };
}
