import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schedule adherence (issue 6): the agent roster, scheduled activities, agent-state logs and
 * the tenant's adherence settings (activity and state lists, state-to-activity rules, grace).
 * Uploads of schedules and agent states are logged with the other uploads. Like
 * interval_actuals, the two large tables carry no foreign key to tenants (a per-row check on
 * millions of rows per upload); the small ones do.
 */
export class Adherence1763820000000 implements MigrationInterface {
  name = 'Adherence1763820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE uploads DROP CONSTRAINT IF EXISTS uploads_kind_check`);
    await q.query(`ALTER TABLE uploads ADD CONSTRAINT uploads_kind_check
      CHECK (kind IN ('forecast', 'interval-actuals', 'contacts', 'schedules', 'agent-states'))`);
    await q.query(`
      CREATE TABLE adherence_agents (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        agent_id text NOT NULL,
        team text,
        channel_codes text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, agent_id)
      )`);
    await q.query(`
      CREATE TABLE schedule_activities (
        tenant_id uuid NOT NULL,
        agent_id text NOT NULL,
        start_at timestamptz NOT NULL,
        end_at timestamptz NOT NULL,
        activity text NOT NULL,
        team text,
        channel_codes text[] NOT NULL,
        shift_start timestamptz NOT NULL,
        local_day date NOT NULL,
        upload_id uuid NOT NULL,
        line integer NOT NULL,
        PRIMARY KEY (tenant_id, agent_id, start_at),
        CHECK (end_at > start_at)
      )`);
    await q.query(`CREATE INDEX schedule_activities_day ON schedule_activities (tenant_id, agent_id, local_day)`);
    await q.query(`CREATE INDEX schedule_activities_time ON schedule_activities (tenant_id, start_at)`);
    await q.query(`
      CREATE TABLE agent_states (
        tenant_id uuid NOT NULL,
        agent_id text NOT NULL,
        start_at timestamptz NOT NULL,
        end_at timestamptz NOT NULL,
        state text NOT NULL,
        upload_id uuid NOT NULL,
        line integer NOT NULL,
        PRIMARY KEY (tenant_id, agent_id, start_at),
        CHECK (end_at > start_at)
      )`);
    await q.query(`CREATE INDEX agent_states_time ON agent_states (tenant_id, start_at)`);
    await q.query(`
      CREATE TABLE adherence_settings (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        settings jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE adherence_settings, agent_states, schedule_activities, adherence_agents`);
    await q.query(`DELETE FROM uploads WHERE kind IN ('schedules', 'agent-states')`);
    await q.query(`ALTER TABLE uploads DROP CONSTRAINT IF EXISTS uploads_kind_check`);
    await q.query(`ALTER TABLE uploads ADD CONSTRAINT uploads_kind_check CHECK (kind IN ('forecast', 'interval-actuals', 'contacts'))`);
  }
}
