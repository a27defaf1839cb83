import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPI dimensions (issue 7, cost per contact by channel and contact type):
 *
 * - `contacts.contact_type`: the optional contact type of a per-contact record (the bank data's
 *   `type`: PS, PE, IN, ...), as cost entries and cases already carry one. Nullable, no default:
 *   adding it rewrites nothing.
 * - `kpi_rollups.dimension`: a split of a KPI row, `name:value` (`contact-type:PS`; later e.g.
 *   `priority:P1`); '' is the row over everything, as before. It joins the primary key, so a
 *   period holds the un-split row and one row per value of each dimension.
 */
export class KpiDimensions1763870000000 implements MigrationInterface {
  name = 'KpiDimensions1763870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE contacts ADD COLUMN contact_type text');
    await q.query(`ALTER TABLE kpi_rollups ADD COLUMN dimension text NOT NULL DEFAULT ''`);
    await q.query('ALTER TABLE kpi_rollups DROP CONSTRAINT kpi_rollups_pkey');
    await q.query('ALTER TABLE kpi_rollups ADD PRIMARY KEY (tenant_id, channel_key, granularity, period_start, kpi, dimension)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM kpi_rollups WHERE dimension <> ''`);
    await q.query('ALTER TABLE kpi_rollups DROP CONSTRAINT kpi_rollups_pkey');
    await q.query('ALTER TABLE kpi_rollups ADD PRIMARY KEY (tenant_id, channel_key, granularity, period_start, kpi)');
    await q.query('ALTER TABLE kpi_rollups DROP COLUMN dimension');
    await q.query('ALTER TABLE contacts DROP COLUMN contact_type');
  }
}
