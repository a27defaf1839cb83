import { breaksFromPatterns } from './breaks-from-patterns.js';
import { designShifts } from './design-shifts.js';
import { evaluateSchedule } from './evaluate-schedule.js';
import { greedySchedule } from './greedy-schedule.js';
import type { MipSolve } from './mip-types.js';
import { placeBreaks } from './place-breaks.js';
import { rosterShifts } from './roster-shifts.js';
import { scheduleGeometry } from './schedule-geometry.js';
import type { ScheduleSolution, SchedulingProblem, StageReport } from './scheduling-types.js';
import { stageReportFrom } from './stage-report-from.js';
import { validateSchedulingProblem } from './validate-scheduling-problem.js';

/** Shares of the time limit: design, roster, breaks (without named agents the roster share goes to design). */
const SHARE_DESIGN = 0.5;
const SHARE_ROSTER = 0.3;
const SHARE_BREAKS = 0.2;

/**
 * Solves a scheduling problem in three stages, each a mixed-integer program solved by `solve`
 * within its share of `problem.limits.timeLimitSeconds` (design 50%, 80% without named agents;
 * breaks 20% plus what the design left, shared out over the days; the roster what the first
 * two left, at least 30%) and the relative gap of the limits:
 * 1. shift design (`designShifts`), started from the greedy baseline (`greedySchedule`);
 * 2. break placement (`placeBreaks`, per day);
 * 3. the named roster (`rosterShifts`) when there are agents.
 * The designed shifts with their placed breaks are scored by `evaluateSchedule`; should the
 * greedy baseline score better (possible only through the continuous break columns of stage 1
 * or a time limit), its shifts and breaks are kept instead and the design stage says 'greedy'.
 * Coverage and totals of the answer are recomputed from the final shifts and breaks
 * (`coverageFromActivities`). `onProgress` receives the completed fraction after each stage.
 *
 * Units: minutes in, hours and agents out. References: see the stage functions and
 * docs/scheduling.md. Complexity: the solver's, within the time limit; O(greedy) besides.
 *
 * @example
 * const solution = solveSchedule(problem, highsSolve); // solution.totals.paidHours, stages...
 */
export function solveSchedule(
  problem: SchedulingProblem,
  solve: MipSolve,
  onProgress?: (fraction: number) => void,
): ScheduleSolution {
  validateSchedulingProblem(problem);
  const { timeLimitSeconds, mipRelativeGap } = problem.limits;
  const named = problem.agents.length > 0;
  const geometry = scheduleGeometry(problem);
  const greedy = greedySchedule(problem, geometry);
  const greedyEvaluation = evaluateSchedule(
    problem,
    greedy,
    breaksFromPatterns(problem, geometry, greedy.candidate, greedy.pattern),
  );
  onProgress?.(0.02);
  const designShare = named ? SHARE_DESIGN : SHARE_DESIGN + SHARE_ROSTER;
  const design = designShifts(
    problem,
    geometry,
    solve,
    { timeLimitSeconds: timeLimitSeconds * designShare, mipRelativeGap },
    greedy,
  );
  onProgress?.(designShare);
  let designReport: StageReport = stageReportFrom([design.result]);
  const counts = design.counts;
  if (!design.result.hasSolution) counts.fill(0);
  const placement = placeBreaks(problem, geometry, counts, solve, {
    timeLimitSeconds: Math.max(
      timeLimitSeconds * SHARE_BREAKS,
      timeLimitSeconds * (designShare + SHARE_BREAKS) - design.result.solveSeconds,
    ),
    mipRelativeGap,
  });
  onProgress?.(designShare + SHARE_BREAKS);
  let shifts = placement.shifts;
  let evaluation = evaluateSchedule(
    problem,
    shifts,
    breaksFromPatterns(problem, geometry, shifts.candidate, shifts.pattern),
  );
  if (!design.result.hasSolution || greedyEvaluation.objective < evaluation.objective - 1e-9) {
    shifts = greedy;
    evaluation = greedyEvaluation;
    designReport = {
      ...designReport,
      status: 'greedy',
      objective: greedyEvaluation.objective,
      gap: design.result.hasSolution
        ? Math.max(
            0,
            (greedyEvaluation.objective - designReport.bound) /
              Math.abs(greedyEvaluation.objective),
          )
        : NaN,
    };
  }
  const breaksReport = placement.results.length
    ? stageReportFrom(placement.results)
    : {
        status: 'optimal' as const,
        objective: 0,
        bound: 0,
        gap: 0,
        solveSeconds: 0,
        variables: 0,
        constraints: 0,
      };
  const roster = named
    ? rosterShifts(problem, geometry, shifts.candidate, solve, {
        timeLimitSeconds: Math.max(
          timeLimitSeconds * SHARE_ROSTER,
          timeLimitSeconds - design.result.solveSeconds - breaksReport.solveSeconds,
        ),
        mipRelativeGap,
      })
    : null;
  onProgress?.(1);
  const agent = roster ? roster.agent : new Int32Array(shifts.candidate.length).fill(-1);
  let unassignedShifts = 0;
  if (named) for (const a of agent) if (a < 0) unassignedShifts++;
  return {
    shifts: { candidate: shifts.candidate, agent },
    breaks: breaksFromPatterns(problem, geometry, shifts.candidate, shifts.pattern),
    onPhoneAgents: evaluation.onPhoneAgents,
    underAgents: evaluation.underAgents,
    overAgents: evaluation.overAgents,
    totals: { ...evaluation.totals, unassignedShifts },
    stages: { design: designReport, roster: roster ? roster.report : null, breaks: breaksReport },
  };
}
