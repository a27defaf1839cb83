import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobDto, JobErrorJson, JobStatus } from './dto/job.dto.js';

const COLUMNS = `id, kind, status, progress, result, error,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
  to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "finishedAt"`;

/** Jobs in PostgreSQL (table `jobs`, key tenant first). */
@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new queued job. */
  async insert(tenantId: string, id: string, kind: string): Promise<JobDto> {
    const rows: JobDto[] = await this.db.query(
      `INSERT INTO jobs (tenant_id, id, kind, status) VALUES ($1, $2, $3, 'queued') RETURNING ${COLUMNS}`,
      [tenantId, id, kind],
    );
    return rows[0];
  }

  /** The tenant's job, or null. */
  async find(tenantId: string, id: string): Promise<JobDto | null> {
    const rows: JobDto[] = await this.db.query(`SELECT ${COLUMNS} FROM jobs WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ?? null;
  }

  /** Status and progress of an unfinished job (progress never goes back); touches its heartbeat. */
  async update(tenantId: string, id: string, status: 'running' | 'queued', progress: number): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET status = $3, progress = greatest(progress, $4), updated_at = now(), heartbeat_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running')`,
      [tenantId, id, status, progress],
    );
  }

  /** Touches the heartbeat of the given unfinished jobs (the process that runs them is alive). */
  async heartbeat(keys: readonly { tenantId: string; id: string }[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query(
      `UPDATE jobs j SET heartbeat_at = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS k(tenant_id, id)
        WHERE j.tenant_id = k.tenant_id AND j.id = k.id AND j.status IN ('queued', 'running')`,
      [keys.map((k) => k.tenantId), keys.map((k) => k.id)],
    );
  }

  /** Ends an unfinished job: succeeded with its result, or failed with its error. */
  async finish(tenantId: string, id: string, status: Extract<JobStatus, 'succeeded' | 'failed'>, result: unknown, error: JobErrorJson | null): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET status = $3, progress = CASE WHEN $3 = 'succeeded' THEN 1 ELSE progress END,
              result = $4::jsonb, error = $5::jsonb, updated_at = now(), finished_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running')`,
      [tenantId, id, status, result === null || result === undefined ? null : JSON.stringify(result), error === null ? null : JSON.stringify(error)],
    );
  }

  /**
   * Marks failed, with `error`, every unfinished job whose heartbeat is older than `staleSeconds`
   * (its process died), or only the given job when `only` is set; answers how many.
   */
  async failStale(staleSeconds: number, error: JobErrorJson, only?: { tenantId: string; id: string }): Promise<number> {
    const params: unknown[] = [staleSeconds, JSON.stringify(error)];
    let where = `status IN ('queued', 'running') AND heartbeat_at < now() - make_interval(secs => $1)`;
    if (only) {
      params.push(only.tenantId, only.id);
      where += ' AND tenant_id = $3 AND id = $4';
    }
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE jobs SET status = 'failed', error = $2::jsonb, updated_at = now(), finished_at = now() WHERE ${where}`,
      params,
    );
    return count;
  }

  /** Marks failed, with `error`, the given unfinished jobs (this process stops running them). */
  async failAll(keys: readonly { tenantId: string; id: string }[], error: JobErrorJson): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query(
      `UPDATE jobs j SET status = 'failed', error = $3::jsonb, updated_at = now(), finished_at = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS k(tenant_id, id)
        WHERE j.tenant_id = k.tenant_id AND j.id = k.id AND j.status IN ('queued', 'running')`,
      [keys.map((k) => k.tenantId), keys.map((k) => k.id), JSON.stringify(error)],
    );
  }

  /** Deletes jobs finished more than `days` days ago; answers how many. */
  async pruneFinished(days: number): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      `DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < now() - make_interval(days => $1)`,
      [days],
    );
    return count;
  }
}
