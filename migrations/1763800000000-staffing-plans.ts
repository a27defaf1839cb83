import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staffing plans: the requirement of every interval of a forecast version, per channel, with
 * the goal that applied. A plan keeps its forecast version alive (deleting the version answers
 * 409 while a plan uses it).
 */
export class StaffingPlans1763800000000 implements MigrationInterface {
  name = 'StaffingPlans1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staffing_plans (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL,
        label text NOT NULL,
        forecast_version_id uuid NOT NULL,
        model text NOT NULL CHECK (model IN ('erlang-b', 'erlang-c', 'erlang-a')),
        service_level_definition text NOT NULL,
        channel_codes text[] NOT NULL,
        settings jsonb NOT NULL,
        interval_count integer NOT NULL,
        first_interval_start timestamptz,
        last_interval_start timestamptz,
        totals jsonb NOT NULL,
        created_by_key_id uuid,
        created_by_key_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, forecast_version_id) REFERENCES forecast_versions (tenant_id, id)
      )`);
    await q.query('CREATE INDEX staffing_plans_recent ON staffing_plans (tenant_id, created_at DESC, id DESC)');
    await q.query('CREATE INDEX staffing_plans_forecast ON staffing_plans (tenant_id, forecast_version_id)');
    await q.query(`
      CREATE TABLE staffing_plan_intervals (
        tenant_id uuid NOT NULL,
        plan_id uuid NOT NULL,
        channel_id integer NOT NULL,
        interval_start timestamptz NOT NULL,
        volume double precision NOT NULL,
        aht_seconds double precision NOT NULL,
        shrinkage double precision NOT NULL,
        agents integer NOT NULL,
        agents_fractional double precision,
        scheduled_agents integer NOT NULL,
        service_level double precision,
        asa_seconds double precision,
        wait_probability double precision,
        occupancy double precision,
        abandon_rate double precision,
        blocking_probability double precision,
        binding text NOT NULL,
        warnings smallint NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, plan_id, channel_id, interval_start),
        FOREIGN KEY (tenant_id, plan_id) REFERENCES staffing_plans (tenant_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE staffing_plan_intervals');
    await q.query('DROP TABLE staffing_plans');
  }
}
