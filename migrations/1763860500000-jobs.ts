import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs (issue 5): long-running work answered `202` with a job, kept in PostgreSQL so that any
 * instance answers `GET /api/v1/jobs/{id}` and a restart does not forget them. `heartbeat_at`
 * is touched by the instance that runs the job; a queued or running job whose heartbeat is
 * stale (its process died) is marked failed with `JOB_INTERRUPTED`, at start-up and on read.
 */
export class Jobs1763860500000 implements MigrationInterface {
  name = 'Jobs1763860500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jobs (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL,
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        progress double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
        result jsonb,
        error jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX jobs_unfinished ON jobs (heartbeat_at) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE jobs');
  }
}
