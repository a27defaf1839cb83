import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schedules from the requirement (issue 17): the tenant's scheduling rules, the roster's
 * contract data (keyed like adherence_agents and schedule_activities, by agent_id), and draft
 * schedule scenarios with their activities and coverage. Roster uploads are logged with the
 * other uploads (kind `agents`).
 */
export class Scheduling1763910000000 implements MigrationInterface {
  name = 'Scheduling1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE uploads DROP CONSTRAINT IF EXISTS uploads_kind_check`);
    await q.query(`ALTER TABLE uploads ADD CONSTRAINT uploads_kind_check
      CHECK (kind IN ('forecast', 'interval-actuals', 'contacts', 'schedules', 'agent-states',
        'cases', 'case-updates', 'quality-evaluations', 'surveys', 'fcr-outcomes', 'costs',
        'workforce-events', 'customer-counts', 'outbound-attempts', 'agents'))`);
    await q.query(`
      CREATE TABLE scheduling_rules (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        rules jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      )`);
    await q.query(`
      CREATE TABLE scheduling_agents (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        agent_id text NOT NULL,
        team text,
        channel_codes text[] NOT NULL,
        min_weekly_minutes integer NOT NULL,
        max_weekly_minutes integer NOT NULL,
        available_days text[] NOT NULL,
        available_from_minutes integer,
        available_to_minutes integer,
        upload_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, agent_id),
        CHECK (max_weekly_minutes >= min_weekly_minutes)
      )`);
    await q.query(`
      CREATE TABLE schedule_scenarios (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL,
        plan_id uuid NOT NULL,
        channel_codes text[] NOT NULL,
        time_zone text NOT NULL,
        interval_minutes integer NOT NULL,
        from_at timestamptz NOT NULL,
        to_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        totals jsonb NOT NULL,
        stages jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by_key_name text,
        published_at timestamptz,
        publish_upload_id uuid,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE schedule_scenario_activities (
        tenant_id uuid NOT NULL,
        scenario_id uuid NOT NULL,
        agent_id text NOT NULL,
        team text,
        channel_codes text[] NOT NULL,
        activity text NOT NULL,
        start_at timestamptz NOT NULL,
        end_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, scenario_id, agent_id, start_at),
        FOREIGN KEY (tenant_id, scenario_id) REFERENCES schedule_scenarios (tenant_id, id) ON DELETE CASCADE,
        CHECK (end_at > start_at)
      )`);
    await q.query(`
      CREATE TABLE schedule_scenario_intervals (
        tenant_id uuid NOT NULL,
        scenario_id uuid NOT NULL,
        interval_start timestamptz NOT NULL,
        required_agents double precision,
        on_phone_agents double precision NOT NULL,
        under_agents double precision,
        over_agents double precision,
        service_level double precision,
        asa_seconds double precision,
        PRIMARY KEY (tenant_id, scenario_id, interval_start),
        FOREIGN KEY (tenant_id, scenario_id) REFERENCES schedule_scenarios (tenant_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE schedule_scenario_intervals, schedule_scenario_activities, schedule_scenarios, scheduling_agents, scheduling_rules`);
    await q.query(`DELETE FROM uploads WHERE kind = 'agents'`);
    await q.query(`ALTER TABLE uploads DROP CONSTRAINT IF EXISTS uploads_kind_check`);
    await q.query(`ALTER TABLE uploads ADD CONSTRAINT uploads_kind_check
      CHECK (kind IN ('forecast', 'interval-actuals', 'contacts', 'schedules', 'agent-states',
        'cases', 'case-updates', 'quality-evaluations', 'surveys', 'fcr-outcomes', 'costs',
        'workforce-events', 'customer-counts', 'outbound-attempts'))`);
  }
}
