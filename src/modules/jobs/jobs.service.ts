import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { DomainError, notFound } from '../../platform/errors/domain-error.js';
import { httpStatusOf } from '../../platform/errors/error-codes.js';
import { LOGGER } from '../../platform/logging/logger.js';
import type { JobDto, JobErrorJson } from './dto/job.dto.js';
import { JobsRepository } from './jobs.repository.js';

/** The running instance touches the heartbeat of its jobs this often. */
const HEARTBEAT_MS = 10_000;
/** A queued or running job whose heartbeat is older than this lost its process. */
const STALE_SECONDS = 60;
/** Finished jobs are kept this many days for their result, then deleted. */
const KEEP_DAYS = 7;

/** The error of a job whose process stopped before it finished. */
export const JOB_INTERRUPTED_ERROR: JobErrorJson = {
  statusCode: httpStatusOf('JOB_INTERRUPTED'),
  code: 'JOB_INTERRUPTED',
  message: 'the process running the job stopped before it finished; start the job again',
};

/** The progress callback a job's work receives: a fraction 0..1 (it never goes back). */
export type JobProgress = (fraction: number) => void;

/**
 * Long-running work answered `202` with a job (API conventions: Writing): progress 0..1, then
 * the result or the error. Jobs are rows of PostgreSQL (`jobs`, tenant first), so every
 * instance answers for them and a restart does not forget them; the work itself runs in the
 * process that started it. A process that stops gracefully marks its unfinished jobs failed
 * (`JOB_INTERRUPTED`); one that dies stops touching their heartbeat, and they are marked failed
 * once it is a minute stale: at the start-up of any instance and when the job is read. Jobs are
 * not re-queued: their work is a closure of the process that died, and a client re-POSTs.
 *
 * Any module may use it: `await jobs.start(tenantId, 'kpi-recompute', (progress) => work(progress))`.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** Jobs this process runs, by id; their work's promise, to wait for in tests and at shutdown. */
  private readonly running = new Map<string, { tenantId: string; done: Promise<void> }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: JobsRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** At start-up: jobs left unfinished by a dead process are marked failed; old ones deleted. */
  async onApplicationBootstrap(): Promise<void> {
    const failed = await this.repository.failStale(STALE_SECONDS, JOB_INTERRUPTED_ERROR);
    const pruned = await this.repository.pruneFinished(KEEP_DAYS);
    if (failed > 0 || pruned > 0) this.logger.info({ failed, pruned }, 'jobs: interrupted jobs marked failed, old jobs deleted');
    this.timer = setInterval(() => {
      const keys = [...this.running].map(([id, r]) => ({ tenantId: r.tenantId, id }));
      this.repository.heartbeat(keys).catch((error: unknown) => this.logger.warn({ err: error }, 'jobs: heartbeat failed'));
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  /** At a graceful stop (before the pool closes): the jobs this process still runs are marked failed (JOB_INTERRUPTED). */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const keys = [...this.running].map(([id, r]) => ({ tenantId: r.tenantId, id }));
    this.running.clear();
    await this.repository.failAll(keys, JOB_INTERRUPTED_ERROR).catch((error: unknown) => this.logger.warn({ err: error }, 'jobs: could not mark interrupted jobs'));
  }

  /**
   * Records a queued job, answers it, and starts `work` on the next turn of the event loop; its
   * progress, then its result (JSON) or its error (a DomainError's body, else INTERNAL_ERROR)
   * are stored as they come.
   */
  async start(tenantId: string, kind: string, work: (progress: JobProgress) => Promise<unknown>): Promise<JobDto> {
    const id = randomUUID();
    const job = await this.repository.insert(tenantId, id, kind);
    let writes: Promise<void> = Promise.resolve();
    const write = (step: () => Promise<void>): void => {
      writes = writes.then(step).catch((error: unknown) => this.logger.warn({ err: error, jobId: id }, 'jobs: could not record progress'));
    };
    let progress = 0;
    const report: JobProgress = (fraction) => {
      const next = Math.max(progress, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
      if (next === progress) return;
      progress = next;
      write(() => this.repository.update(tenantId, id, 'running', next));
    };
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        write(() => this.repository.update(tenantId, id, 'running', 0));
        return work(report);
      })
      .then(
        async (result) => {
          await writes;
          if (this.running.has(id)) await this.repository.finish(tenantId, id, 'succeeded', result ?? null, null);
        },
        async (error: unknown) => {
          await writes;
          if (!(error instanceof DomainError)) this.logger.error({ err: error, jobId: id, kind }, 'jobs: job failed');
          const body: JobErrorJson = error instanceof DomainError
            ? { statusCode: httpStatusOf(error.code), code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }
            : { statusCode: 500, code: 'INTERNAL_ERROR', message: 'the job failed' };
          if (this.running.has(id)) await this.repository.finish(tenantId, id, 'failed', null, body);
        },
      )
      .catch((error: unknown) => this.logger.error({ err: error, jobId: id }, 'jobs: could not record the end of a job'))
      .finally(() => this.running.delete(id));
    this.running.set(id, { tenantId, done });
    return job;
  }

  /**
   * A job of the tenant (a stale unfinished one is first marked failed, JOB_INTERRUPTED).
   * @throws DomainError 404 JOB_NOT_FOUND for an unknown id or another tenant's
   */
  async get(tenantId: string, id: string): Promise<JobDto> {
    if (!this.running.has(id)) await this.repository.failStale(STALE_SECONDS, JOB_INTERRUPTED_ERROR, { tenantId, id });
    const job = await this.repository.find(tenantId, id);
    if (!job) throw notFound('JOB_NOT_FOUND', 'job', id);
    return job;
  }

  /** Resolves when the job this process runs has ended and been recorded (at once for others). */
  async settled(id: string): Promise<void> {
    await this.running.get(id)?.done;
  }
}
