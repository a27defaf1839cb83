import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../../platform/errors/domain-error.js';
import { httpStatusOf } from '../../platform/errors/error-codes.js';
import type { JobDto } from './dto/job.dto.js';

/** Finished jobs are kept this long for their result, then forgotten. */
const KEEP_MS = 3_600_000;

interface Job {
  tenantId: string;
  dto: JobDto;
  finishedAtMs: number | null;
}

/**
 * Long-running work answered `202` with a job (API conventions: Writing): progress 0..1, then
 * the result or the error. Jobs live in this process's memory (a restart forgets them; one
 * instance serves them), which is enough for forecasting runs of seconds to minutes.
 */
@Injectable()
export class JobsService {
  private readonly jobs = new Map<string, Job>();

  /** Starts `work` on the next turn of the event loop and answers the queued job at once. */
  start(tenantId: string, kind: string, work: (progress: (fraction: number) => void) => Promise<unknown>): JobDto {
    this.prune();
    const dto: JobDto = { id: randomUUID(), kind, status: 'queued', progress: 0, result: null, error: null, createdAt: new Date().toISOString(), finishedAt: null };
    const job: Job = { tenantId, dto, finishedAtMs: null };
    this.jobs.set(dto.id, job);
    setImmediate(() => {
      dto.status = 'running';
      work((fraction) => (dto.progress = Math.max(dto.progress, Math.min(1, fraction))))
        .then((result) => {
          dto.status = 'succeeded';
          dto.progress = 1;
          dto.result = result;
        })
        .catch((error: unknown) => {
          dto.status = 'failed';
          dto.error = error instanceof DomainError
            ? { statusCode: httpStatusOf(error.code), code: error.code, message: error.message, details: error.details }
            : { statusCode: 500, code: 'INTERNAL_ERROR', message: 'the job failed' };
        })
        .finally(() => {
          job.finishedAtMs = Date.now();
          dto.finishedAt = new Date(job.finishedAtMs).toISOString();
        });
    });
    return dto;
  }

  /** A job of the tenant; 404 JOB_NOT_FOUND for an unknown id, another tenant's, or a forgotten one. */
  get(tenantId: string, id: string): JobDto {
    const job = this.jobs.get(id);
    if (!job || job.tenantId !== tenantId) throw notFound('JOB_NOT_FOUND', 'job', id);
    return job.dto;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAtMs !== null && now - job.finishedAtMs > KEEP_MS) this.jobs.delete(id);
  }
}
