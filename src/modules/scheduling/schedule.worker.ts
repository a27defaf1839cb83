import { parentPort } from 'node:worker_threads';
import type { MipSolve } from '../../core/scheduling/mip-types.js';
import { solveSchedule } from '../../core/scheduling/solve-schedule.js';
import type { SchedulingProblem } from '../../core/scheduling/scheduling-types.js';
import { highsMipSolve, loadHighs } from './highs-mip-solve.js';
import { workerErrorMessage } from '../../platform/workers/worker-pool.js';
import type { ScheduleWorkerMessage } from './schedule-solver.js';

/**
 * A worker thread that solves one scheduling problem (`solveSchedule`) with HiGHS off the event
 * loop: it receives the problem, posts `progress` messages (after each stage, and from HiGHS's
 * MIP checkpoints within a stage), then the solution or the error, and is then terminated by
 * ScheduleSolver.
 */
parentPort?.once('message', (problem: SchedulingProblem) => {
  let posted = 0;
  const post = (message: ScheduleWorkerMessage): void => {
    if ('progress' in message) {
      // Progress never goes back (a stage may finish before its budget, the next one report less).
      if (message.progress <= posted) return;
      posted = message.progress;
    }
    parentPort?.postMessage(message);
  };
  loadHighs()
    .then((highs) => {
      // Progress within a stage: the time budget of the solve calls before this one plus the
      // seconds HiGHS reports for this one, over the total time limit (never past 0.99).
      let budgetBefore = 0;
      let budgetNow = 0;
      let stageFrom = 0;
      const highsSolve = highsMipSolve(highs, ({ seconds }) => {
        if (!Number.isFinite(seconds)) return;
        const fraction =
          (budgetBefore + Math.min(seconds, budgetNow)) / problem.limits.timeLimitSeconds;
        post({ progress: Math.min(0.99, Math.max(stageFrom, fraction)) });
      });
      const solve: MipSolve = (lp, limits, start) => {
        budgetNow = limits.timeLimitSeconds;
        const result = highsSolve(lp, limits, start);
        budgetBefore += budgetNow;
        return result;
      };
      const solution = solveSchedule(problem, solve, (fraction) => {
        stageFrom = fraction;
        post({ progress: fraction });
      });
      post({ solution });
    })
    .catch((error: unknown) => parentPort?.postMessage(workerErrorMessage(error)));
});
