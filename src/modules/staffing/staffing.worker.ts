import { parentPort } from 'node:worker_threads';
import { allocateResults, runGroup, type StaffingResultColumns } from './staffing-engine.js';
import { workerErrorMessage, type WorkerErrorMessage } from '../../platform/workers/worker-pool.js';
import type { StaffingJob, StaffingWorkerResult } from './staffing-runner.js';

/**
 * A worker thread that runs one staffing group (`runGroup`) off the event loop: it receives a
 * StaffingJob, answers the result columns (full length; the group's positions filled) and the
 * first infeasible position, or the error, and is then terminated by the runner.
 */
parentPort?.once('message', (job: StaffingJob) => {
  let answer: StaffingWorkerResult | WorkerErrorMessage;
  const transfer: ArrayBuffer[] = [];
  try {
    const out: StaffingResultColumns = allocateResults(job.input.volume.length);
    const first = runGroup(job.settings, job.input, job.indices, out);
    for (const column of Object.values(out) as Array<{ buffer: ArrayBuffer }>) transfer.push(column.buffer);
    answer = { first, out };
  } catch (error) {
    answer = workerErrorMessage(error);
  }
  parentPort?.postMessage(answer, transfer);
});
