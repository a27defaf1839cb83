import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type {
  ScheduleSolution,
  SchedulingProblem,
} from '../../core/scheduling/scheduling-types.js';
import { WorkerPool } from '../../platform/workers/worker-pool.js';

/** A message of the scheduling worker: progress or the solution (or a WorkerErrorMessage). */
export type ScheduleWorkerMessage = { progress: number } | { solution: ScheduleSolution };

/** Seconds a worker may run past the problem's time limit (loading HiGHS, greedy, LP writing). */
export const WORKER_MARGIN_SECONDS = 30;

/** A solve stopped because its worker ran past the time limit and the margin. */
export class ScheduleSolverTimeout extends Error {
  override readonly name = 'ScheduleSolverTimeout';
}

/**
 * Solves scheduling problems (shift design, named roster, break placement: `solveSchedule` of
 * the core) with HiGHS in a worker thread, one per call, so that the event loop stays free.
 * `onProgress` receives the completed fraction 0..1 (after each stage, and from HiGHS's MIP checkpoints
 * during a stage). A worker still running `marginSeconds` (default 30) after the problem's time
 * limit is terminated and the call rejected. The problem's typed arrays cross the thread
 * boundary by structured clone. At most (cores − 1) workers solve at once (at least one); the
 * other calls wait their turn.
 */
@Injectable()
export class ScheduleSolver implements OnModuleDestroy {
  private readonly pool = new WorkerPool();
  /** Seconds a worker may run past the problem's time limit before it is stopped. */
  marginSeconds = WORKER_MARGIN_SECONDS;

  solve(problem: SchedulingProblem, onProgress?: (fraction: number) => void): Promise<ScheduleSolution> {
    const limitMs = (problem.limits.timeLimitSeconds + this.marginSeconds) * 1000;
    const margin = this.marginSeconds;
    return this.pool.run(new URL('./schedule.worker.js', import.meta.url), problem, {
      timeoutMs: limitMs,
      timeoutError: () => new ScheduleSolverTimeout(`the schedule solver ran longer than ${limitMs / 1000} s (time limit + ${margin} s) and was stopped`),
      onMessage: (message: ScheduleWorkerMessage) => {
        if ('progress' in message) {
          onProgress?.(message.progress);
          return undefined;
        }
        return { answer: message.solution };
      },
      name: 'schedule',
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.terminateAll();
  }
}
