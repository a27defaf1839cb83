import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forecasting: the model metadata of generated forecast versions (method chosen per channel and
 * its back-test scores) and the special-days calendar (closed days, holidays, events), which
 * forecasting excludes from training and forecasts as closed or scaled. `channel_code` is `*`
 * for a day that applies to every channel of the tenant.
 */
export class Forecasting1763810000000 implements MigrationInterface {
  name = 'Forecasting1763810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE forecast_versions ADD COLUMN metadata jsonb');
    await q.query(`
      CREATE TABLE special_days (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        day date NOT NULL,
        channel_code text NOT NULL,
        label text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('closed', 'holiday', 'event')),
        volume_factor double precision CHECK (volume_factor IS NULL OR volume_factor >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, day, channel_code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE special_days');
    await q.query('ALTER TABLE forecast_versions DROP COLUMN metadata');
  }
}
