import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPI inputs (issue 7): what the seven KPI families need beyond interval actuals and contacts.
 *
 * - deferred contacts (cases: e-mail, web forms, social, tickets) with their status updates,
 *   the tenant's response-time objectives by priority and its business calendar;
 * - quality evaluations, survey responses (csat, effort, esat, engagement), first-contact
 *   resolution outcomes, costs / budget / revenue, workforce events (hired, left), customer
 *   counts and outbound attempts.
 *
 * Every key starts with the tenant. Rows that have a natural key are upserted on it, so a
 * corrected re-upload replaces rather than duplicates; rows that have none (evaluations,
 * surveys) are keyed by (upload, line) and the upload log's content hash refuses the same
 * bytes twice. `channel_id` NULL means "all channels" where a figure is not per channel.
 */
export class KpiInputs1763830000000 implements MigrationInterface {
  name = 'KpiInputs1763830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE uploads DROP CONSTRAINT IF EXISTS uploads_kind_check`);
    await q.query(`ALTER TABLE uploads ADD CONSTRAINT uploads_kind_check
      CHECK (kind IN ('forecast', 'interval-actuals', 'contacts', 'schedules', 'agent-states',
        'cases', 'case-updates', 'quality-evaluations', 'surveys', 'fcr-outcomes', 'costs',
        'workforce-events', 'customer-counts', 'outbound-attempts'))`);

    await q.query(`
      CREATE TABLE cases (
        tenant_id uuid NOT NULL,
        case_id text NOT NULL,
        channel_id integer NOT NULL,
        priority text NOT NULL,
        contact_type text,
        created_at timestamptz NOT NULL,
        auto_reply_at timestamptz,
        first_response_at timestamptz,
        resolved_at timestamptz,
        upload_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, case_id)
      )`);
    await q.query(`CREATE INDEX cases_created ON cases (tenant_id, created_at)`);
    await q.query(`
      CREATE TABLE case_updates (
        tenant_id uuid NOT NULL,
        case_id text NOT NULL,
        updated_at timestamptz NOT NULL,
        upload_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, case_id, updated_at)
      )`);
    // One document per tenant each: priorities with objectives and clocks; working days, hours, zone, holidays.
    await q.query(`
      CREATE TABLE response_policies (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        policy jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      )`);
    await q.query(`
      CREATE TABLE business_calendars (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        calendar jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      )`);

    await q.query(`
      CREATE TABLE quality_evaluations (
        tenant_id uuid NOT NULL,
        upload_id uuid NOT NULL,
        line integer NOT NULL,
        channel_id integer,
        contact_id text,
        agent_id text NOT NULL,
        evaluated_on date NOT NULL,
        score double precision NOT NULL,
        max_score double precision NOT NULL CHECK (max_score > 0),
        PRIMARY KEY (tenant_id, upload_id, line)
      )`);
    await q.query(`CREATE INDEX quality_evaluations_day ON quality_evaluations (tenant_id, evaluated_on)`);
    await q.query(`
      CREATE TABLE survey_responses (
        tenant_id uuid NOT NULL,
        upload_id uuid NOT NULL,
        line integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('csat', 'effort', 'esat', 'engagement')),
        responded_on date NOT NULL,
        channel_id integer,
        agent_id text,
        score double precision NOT NULL,
        scale_min double precision NOT NULL,
        scale_max double precision NOT NULL CHECK (scale_max > scale_min),
        PRIMARY KEY (tenant_id, upload_id, line)
      )`);
    await q.query(`CREATE INDEX survey_responses_day ON survey_responses (tenant_id, kind, responded_on)`);
    await q.query(`
      CREATE TABLE fcr_outcomes (
        tenant_id uuid NOT NULL,
        contact_id text NOT NULL,
        channel_id integer,
        contact_on date NOT NULL,
        resolved_first_time boolean NOT NULL,
        upload_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, contact_id)
      )`);
    await q.query(`CREATE INDEX fcr_outcomes_day ON fcr_outcomes (tenant_id, contact_on)`);
    // kind: an actual spend, a budget, or attributed revenue, for [period_start, period_end).
    await q.query(`
      CREATE TABLE cost_entries (
        tenant_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('actual', 'budget', 'revenue')),
        period_start date NOT NULL,
        period_end date NOT NULL,
        channel_id integer,
        category text NOT NULL,
        contact_type text,
        amount numeric NOT NULL,
        currency char(3) NOT NULL,
        upload_id uuid NOT NULL,
        CHECK (period_end > period_start)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX cost_entries_key ON cost_entries
        (tenant_id, kind, period_start, period_end, coalesce(channel_id, 0), category, coalesce(contact_type, ''))`);
    await q.query(`
      CREATE TABLE workforce_events (
        tenant_id uuid NOT NULL,
        agent_id text NOT NULL,
        event_on date NOT NULL,
        event text NOT NULL CHECK (event IN ('hired', 'left')),
        voluntary boolean,
        team text,
        upload_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, agent_id, event_on, event)
      )`);
    await q.query(`
      CREATE TABLE customer_counts (
        tenant_id uuid NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        channel_id integer,
        customers bigint NOT NULL CHECK (customers >= 0),
        upload_id uuid NOT NULL,
        CHECK (period_end > period_start)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX customer_counts_key ON customer_counts (tenant_id, period_start, period_end, coalesce(channel_id, 0))`);
    await q.query(`
      CREATE TABLE outbound_attempts (
        tenant_id uuid NOT NULL,
        target_id text NOT NULL,
        attempted_at timestamptz NOT NULL,
        channel_id integer,
        agent_id text,
        right_party boolean NOT NULL,
        upload_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, target_id, attempted_at)
      )`);
    await q.query(`CREATE INDEX outbound_attempts_time ON outbound_attempts (tenant_id, attempted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['outbound_attempts', 'customer_counts', 'workforce_events', 'cost_entries', 'fcr_outcomes',
      'survey_responses', 'quality_evaluations', 'business_calendars', 'response_policies', 'case_updates', 'cases']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DELETE FROM uploads WHERE kind NOT IN ('forecast', 'interval-actuals', 'contacts', 'schedules', 'agent-states')`);
    await q.query(`ALTER TABLE uploads DROP CONSTRAINT IF EXISTS uploads_kind_check`);
    await q.query(`ALTER TABLE uploads ADD CONSTRAINT uploads_kind_check
      CHECK (kind IN ('forecast', 'interval-actuals', 'contacts', 'schedules', 'agent-states'))`);
  }
}
