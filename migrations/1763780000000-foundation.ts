import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants, API keys and channels: the ground every module stands on. */
export class Foundation1763780000000 implements MigrationInterface {
  name = 'Foundation1763780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_keys (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'planner', 'scheduler', 'analyst')),
        prefix text NOT NULL,
        key_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX api_keys_key_hash ON api_keys (key_hash)`);
    await q.query(`
      CREATE TABLE channels (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id integer GENERATED ALWAYS AS IDENTITY,
        code text NOT NULL,
        name text NOT NULL,
        media text NOT NULL,
        time_zone text NOT NULL,
        interval_minutes smallint NOT NULL CHECK (interval_minutes IN (15, 30, 60)),
        service_level_target double precision NOT NULL,
        threshold_seconds double precision NOT NULL,
        max_asa_seconds double precision,
        max_abandon_rate double precision,
        max_occupancy double precision,
        min_occupancy double precision,
        response_time_hours double precision,
        shrinkage double precision NOT NULL DEFAULT 0,
        patience_seconds double precision,
        concurrency double precision NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE channels');
    await q.query('DROP TABLE api_keys');
    await q.query('DROP TABLE tenants');
  }
}
