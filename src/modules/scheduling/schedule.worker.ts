import { parentPort } from 'node:worker_threads';
import { solveSchedule } from '../../core/scheduling/solve-schedule.js';
import type { SchedulingProblem } from '../../core/scheduling/scheduling-types.js';
import { highsMipSolve, loadHighs } from './highs-mip-solve.js';
import type { ScheduleWorkerMessage } from './schedule-solver.js';

/**
 * A worker thread that solves one scheduling problem (`solveSchedule`) with HiGHS off the event
 * loop: it receives the problem, posts `progress` messages (after each stage, and from HiGHS's
 * MIP log within the design stage), then the solution or the error, and is then terminated by
 * ScheduleSolver.
 */
parentPort?.once('message', (problem: SchedulingProblem) => {
  const post = (message: ScheduleWorkerMessage): void => parentPort?.postMessage(message);
  loadHighs()
    .then((highs) => {
      let stageFrom = 0;
      const solve = highsMipSolve(highs, ({ seconds }) => {
        if (Number.isFinite(seconds)) {
          post({
            progress: Math.min(0.99, stageFrom + (0.5 * seconds) / problem.limits.timeLimitSeconds),
          });
        }
      });
      const solution = solveSchedule(problem, solve, (fraction) => {
        stageFrom = fraction;
        post({ progress: fraction });
      });
      post({ solution });
    })
    .catch((error: unknown) => {
      post({
        error: {
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        },
      });
    });
});
