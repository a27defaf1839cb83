import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type {
  ScheduleSolution,
  SchedulingProblem,
} from '../../core/scheduling/scheduling-types.js';
import { startModuleWorker } from '../../platform/workers/start-module-worker.js';

/** A message of the scheduling worker: progress, the solution, or the error. */
export type ScheduleWorkerMessage =
  | { progress: number }
  | { solution: ScheduleSolution }
  | { error: { name: string; message: string } };

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
 * during a stage). A worker still running `WORKER_MARGIN_SECONDS` after the problem's time
 * limit is terminated and the call rejected. The problem's typed arrays cross the thread
 * boundary by structured clone. At most (cores − 1) workers solve at once (at least one); the
 * other calls wait their turn.
 */
@Injectable()
export class ScheduleSolver implements OnModuleDestroy {
  private readonly workers = new Set<Worker>();
  /** Seconds a worker may run past the problem's time limit before it is stopped. */
  marginSeconds = WORKER_MARGIN_SECONDS;
  private free = Math.max(1, availableParallelism() - 1);
  private readonly waiting: Array<() => void> = [];

  async solve(
    problem: SchedulingProblem,
    onProgress?: (fraction: number) => void,
  ): Promise<ScheduleSolution> {
    await this.acquire();
    try {
      return await this.inWorker(problem, onProgress);
    } finally {
      this.release();
    }
  }

  onModuleDestroy(): Promise<void> {
    return Promise.all([...this.workers].map((w) => w.terminate())).then(() => undefined);
  }

  private inWorker(
    problem: SchedulingProblem,
    onProgress?: (fraction: number) => void,
  ): Promise<ScheduleSolution> {
    const worker = startModuleWorker(new URL('./schedule.worker.js', import.meta.url));
    this.workers.add(worker);
    const limitMs = (problem.limits.timeLimitSeconds + this.marginSeconds) * 1000;
    return new Promise<ScheduleSolution>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new ScheduleSolverTimeout(
            `the schedule solver ran longer than ${limitMs / 1000} s (time limit + ${this.marginSeconds} s) and was stopped`,
          ),
        );
        void worker.terminate();
      }, limitMs);
      worker.on('message', (message: ScheduleWorkerMessage) => {
        if ('progress' in message) onProgress?.(message.progress);
        else if ('solution' in message) resolve(message.solution);
        else {
          reject(
            message.error.name === 'RangeError'
              ? new RangeError(message.error.message)
              : new Error(message.error.message),
          );
        }
      });
      worker.once('error', reject);
      worker.once('exit', () => {
        clearTimeout(timer);
        this.workers.delete(worker);
        reject(new Error('the schedule worker stopped without an answer'));
      });
      worker.postMessage(problem);
    }).finally(() => void worker.terminate());
  }

  private acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
