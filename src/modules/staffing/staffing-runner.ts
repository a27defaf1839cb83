import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { MAX_TRAFFIC_ERLANGS } from '../../core/staffing/staffing-limits.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { WorkerPool } from '../../platform/workers/worker-pool.js';
import { runGroup, type StaffingResultColumns, type StaffingSettings } from './staffing-engine.js';

/** The input columns of a staffing group (request order; `indices` picks the group's positions). */
export interface StaffingInput {
  volume: Float64Array;
  ahtSeconds: Float64Array;
  shrinkage: Float64Array;
  agents?: Float64Array;
}

/** What the staffing worker receives. */
export interface StaffingJob {
  settings: StaffingSettings;
  input: StaffingInput;
  indices: Int32Array | null;
}

/** What the staffing worker answers: the result columns and the first infeasible position (or a WorkerErrorMessage). */
export interface StaffingWorkerResult {
  first: number;
  out: StaffingResultColumns;
}

/**
 * Work a group may take on the event loop, in the units of `estimatedWork` (about a
 * microsecond each): some tens of milliseconds (a week of half-hours of ten channels stays
 * there). Anything larger runs in a worker thread.
 */
const INLINE_WORK = 50_000;

/**
 * A rough cost of solving a group, about a microsecond per unit (measured): the Erlang B and C
 * kernels run O(√a) steps per interval, Erlang A sums series of O(√a + √(a·patience/AHT))
 * terms per probe.
 */
function estimatedWork(settings: StaffingSettings, input: StaffingInput, indices: Int32Array | null): number {
  const n = indices ? indices.length : input.volume.length;
  let work = 0;
  for (let k = 0; k < n; k++) {
    const i = indices ? indices[k] : k;
    const aht = input.ahtSeconds[i] / settings.concurrency;
    const a = (input.volume[i] * aht) / settings.intervalSeconds;
    work += 5 + 0.1 * Math.sqrt(a);
    if (settings.model === 'erlang-a' && a > 0) work += 200 + 7 * Math.sqrt(a) + 3 * Math.sqrt((a * (settings.patienceSeconds ?? 0)) / aht);
  }
  return work;
}

/**
 * Runs staffing groups (`runGroup`): small ones on the event loop, large ones in a worker thread
 * so that the process keeps answering (/health, other requests) while it computes. At most
 * (cores − 1) workers run at once, the others wait; a worker still running after
 * WFM_COMPUTE_TIMEOUT_SECONDS is stopped and the request answered 413 COMPUTATION_TOO_LARGE.
 * Loads above MAX_TRAFFIC_ERLANGS are refused first (422 INVALID_INTERVALS naming the interval).
 */
@Injectable()
export class StaffingRunner implements OnModuleDestroy {
  private readonly timeoutMs: number;
  private readonly pool = new WorkerPool();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.timeoutMs = config.computeTimeoutSeconds * 1000;
  }

  /** As `runGroup`: writes the results at the group's positions of `out`; the first infeasible position, or −1. */
  async run(settings: StaffingSettings, input: StaffingInput, indices: Int32Array | null, out: StaffingResultColumns): Promise<number> {
    this.refuseOverload(settings, input, indices);
    if (estimatedWork(settings, input, indices) <= INLINE_WORK) return runGroup(settings, input, indices, out);
    const job: StaffingJob = { settings, input, indices };
    const answer = await this.pool.run(new URL('./staffing.worker.js', import.meta.url), job, {
      timeoutMs: this.timeoutMs,
      timeoutError: () => new DomainError('COMPUTATION_TOO_LARGE', `the staffing computation ran longer than ${this.timeoutMs / 1000} s (WFM_COMPUTE_TIMEOUT_SECONDS): send fewer intervals or smaller loads`),
      onMessage: (result: StaffingWorkerResult) => ({ answer: result }),
      name: 'staffing',
    });
    const n = indices ? indices.length : input.volume.length;
    for (const key of Object.keys(out) as Array<keyof StaffingResultColumns>) {
      const from = answer.out[key];
      const to = out[key];
      for (let k = 0; k < n; k++) {
        const i = indices ? indices[k] : k;
        to[i] = from[i];
      }
    }
    return answer.first;
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.terminateAll();
  }

  /** 422 naming the first interval whose load is above what the kernels take. */
  private refuseOverload(settings: StaffingSettings, input: StaffingInput, indices: Int32Array | null): void {
    const n = indices ? indices.length : input.volume.length;
    for (let k = 0; k < n; k++) {
      const i = indices ? indices[k] : k;
      const a = (input.volume[i] * input.ahtSeconds[i]) / settings.concurrency / settings.intervalSeconds;
      if (!(a <= MAX_TRAFFIC_ERLANGS)) {
        const reason = `the load volume × ahtSeconds ÷ concurrency ÷ interval seconds is ${a.toPrecision(3)} Erlangs; at most ${MAX_TRAFFIC_ERLANGS} are accepted`;
        throw new DomainError('INVALID_INTERVALS', `intervals[${i}]: ${reason}`, { errorCount: 1, errors: [{ field: `intervals[${i}]`, reason }] });
      }
    }
  }
}
