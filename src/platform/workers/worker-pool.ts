import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from './start-module-worker.js';

/** How a worker reports a failure: the error's name and message (errors do not cross threads). */
export interface WorkerErrorMessage {
  error: { name: string; message: string };
}

/** The message a worker posts for an error it caught. */
export function workerErrorMessage(error: unknown): WorkerErrorMessage {
  return { error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) } };
}

/** One call of a WorkerPool. */
export interface WorkerCall<T> {
  /** The worker still running this long after it started is terminated and the call rejected with `timeoutError()`. */
  timeoutMs: number;
  timeoutError: () => Error;
  /** A message of the worker other than an error: the answer (settles the call), or undefined (progress: keep waiting). */
  onMessage: (message: never) => { answer: T } | undefined;
  /** What the worker computes, for the error of a worker that exits without an answer. */
  name: string;
}

/**
 * Runs calls in worker threads (the ES module `url`, `startModuleWorker`), one worker per call,
 * terminated after it: at most (cores − 1) at once, at least one; the other calls wait their turn
 * in order. A worker's `WorkerErrorMessage` rejects the call with a RangeError (the kernels'
 * refusal of their input) or an Error of the same message.
 */
export class WorkerPool {
  private readonly workers = new Set<Worker>();
  private free = Math.max(1, availableParallelism() - 1);
  private readonly waiting: Array<() => void> = [];

  async run<T>(url: URL, input: unknown, call: WorkerCall<T>): Promise<T> {
    await this.acquire();
    try {
      return await this.inWorker(url, input, call);
    } finally {
      this.release();
    }
  }

  /** Stops every running worker (module destroy). */
  terminateAll(): Promise<void> {
    return Promise.all([...this.workers].map((w) => w.terminate())).then(() => undefined);
  }

  private inWorker<T>(url: URL, input: unknown, call: WorkerCall<T>): Promise<T> {
    const worker = startModuleWorker(url);
    this.workers.add(worker);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(call.timeoutError());
        void worker.terminate();
      }, call.timeoutMs);
      worker.on('message', (message: unknown) => {
        if (typeof message === 'object' && message !== null && 'error' in message) {
          const { name, message: text } = (message as WorkerErrorMessage).error;
          reject(name === 'RangeError' ? new RangeError(text) : new Error(text));
          return;
        }
        const settled = call.onMessage(message as never);
        if (settled) resolve(settled.answer);
      });
      worker.once('error', reject);
      worker.once('exit', () => {
        clearTimeout(timer);
        this.workers.delete(worker);
        reject(new Error(`the ${call.name} worker stopped without an answer`));
      });
      worker.postMessage(input);
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
