import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ingestion (issue 4): the upload log, import mappings, forecast versions and their intervals,
 * interval actuals and per-contact rows, and the schema of the staging tables.
 *
 * The bulk tables (forecast_intervals, interval_actuals, contacts) carry no per-row foreign
 * keys: a referential check costs about 3.6 µs a row, more than the rest of a bulk merge. The
 * service writes a version and its intervals in one transaction; a trigger refuses to delete a
 * channel that still has rows here (23503, as a foreign key would), so channel deletion keeps
 * answering 409 CHANNEL_IN_USE.
 */
export class Ingestion1763790000000 implements MigrationInterface {
  name = 'Ingestion1763790000000';

  async up(q: QueryRunner): Promise<void> {
    // Scratch space of uploads: one UNLOGGED table per staged chunk, dropped after the upload.
    await q.query('CREATE SCHEMA ingest_staging');
    await q.query(`
      CREATE TABLE uploads (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('forecast', 'interval-actuals', 'contacts')),
        key_id uuid,
        key_name text,
        content_type text,
        mapping text,
        idempotency_key text,
        content_sha256 text,
        bytes bigint NOT NULL DEFAULT 0,
        row_count integer NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        duration_ms double precision NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('succeeded', 'duplicate', 'rejected', 'failed')),
        error_code text,
        error_message text,
        duplicate_of uuid,
        result jsonb,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX uploads_recent ON uploads (tenant_id, started_at DESC, id DESC)`);
    // Idempotency: one successful upload per content (and mapping), one per Idempotency-Key.
    await q.query(`
      CREATE UNIQUE INDEX uploads_content ON uploads (tenant_id, kind, content_sha256, coalesce(mapping, ''))
        WHERE outcome = 'succeeded'`);
    await q.query(`
      CREATE UNIQUE INDEX uploads_idempotency_key ON uploads (tenant_id, kind, idempotency_key)
        WHERE outcome = 'succeeded' AND idempotency_key IS NOT NULL`);

    await q.query(`
      CREATE TABLE import_mappings (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('forecast', 'interval-actuals', 'contacts')),
        description text,
        spec jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, name)
      )`);

    await q.query(`
      CREATE TABLE forecast_versions (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL,
        label text NOT NULL,
        source text NOT NULL,
        created_by_key_id uuid,
        created_by_key_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        channel_codes text[] NOT NULL,
        first_interval_start timestamptz,
        last_interval_start timestamptz,
        row_count integer NOT NULL,
        content_sha256 text NOT NULL,
        upload_id uuid,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX forecast_versions_recent ON forecast_versions (tenant_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE forecast_intervals (
        tenant_id uuid NOT NULL,
        version_id uuid NOT NULL,
        channel_id integer NOT NULL,
        interval_start timestamptz NOT NULL,
        volume double precision NOT NULL,
        aht_seconds double precision NOT NULL,
        shrinkage double precision,
        PRIMARY KEY (tenant_id, version_id, channel_id, interval_start)
      )`);

    await q.query(`
      CREATE TABLE interval_actuals (
        tenant_id uuid NOT NULL,
        channel_id integer NOT NULL,
        interval_start timestamptz NOT NULL,
        offered integer NOT NULL,
        answered integer NOT NULL,
        abandoned integer NOT NULL,
        answered_within_threshold integer NOT NULL,
        abandoned_within_threshold integer NOT NULL,
        threshold_seconds double precision NOT NULL,
        handle_seconds double precision NOT NULL,
        wait_seconds double precision NOT NULL,
        talk_seconds double precision,
        hold_seconds double precision,
        acw_seconds double precision,
        agents_staffed double precision,
        agent_seconds_available double precision,
        agents_handled integer,
        upload_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, channel_id, interval_start)
      )`);

    await q.query(`
      CREATE TABLE contacts (
        tenant_id uuid NOT NULL,
        channel_id integer NOT NULL,
        interval_start timestamptz NOT NULL,
        upload_id uuid NOT NULL,
        line integer NOT NULL,
        contact_id text NOT NULL,
        arrived_at timestamptz NOT NULL,
        answered_at timestamptz,
        ended_at timestamptz,
        abandoned_at timestamptz,
        handle_seconds double precision,
        wait_seconds double precision,
        agent_id text,
        outcome text NOT NULL CHECK (outcome IN ('answered', 'abandoned', 'ignored')),
        PRIMARY KEY (tenant_id, channel_id, interval_start, upload_id, line)
      )`);

    await q.query(`
      CREATE FUNCTION channels_refuse_delete_with_data() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM interval_actuals WHERE tenant_id = OLD.tenant_id AND channel_id = OLD.id)
           OR EXISTS (SELECT 1 FROM contacts WHERE tenant_id = OLD.tenant_id AND channel_id = OLD.id)
           OR EXISTS (SELECT 1 FROM forecast_intervals WHERE tenant_id = OLD.tenant_id AND channel_id = OLD.id) THEN
          RAISE EXCEPTION 'channel % has forecasts or actuals', OLD.code USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE TRIGGER channels_refuse_delete_with_data BEFORE DELETE ON channels
        FOR EACH ROW EXECUTE FUNCTION channels_refuse_delete_with_data()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER channels_refuse_delete_with_data ON channels');
    await q.query('DROP FUNCTION channels_refuse_delete_with_data()');
    await q.query('DROP TABLE contacts');
    await q.query('DROP TABLE interval_actuals');
    await q.query('DROP TABLE forecast_intervals');
    await q.query('DROP TABLE forecast_versions');
    await q.query('DROP TABLE import_mappings');
    await q.query('DROP TABLE uploads');
    await q.query('DROP SCHEMA ingest_staging CASCADE');
  }
}
