import type { SchedulingProblem, ScheduleSolution } from '../../core/scheduling/scheduling-types.js';

/** What the scheduling service needs of a solver: `ScheduleSolver` (schedule-solver.ts, a worker thread) provides it. */
export interface ScheduleSolverPort {
  solve(problem: SchedulingProblem, onProgress?: (fraction: number) => void): Promise<ScheduleSolution>;
}

/** Injection token of the solver the scheduling service uses. */
export const SCHEDULE_SOLVER = Symbol('SCHEDULE_SOLVER');
