import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nightly KPI recompute's claims: one row per tenant and local day, inserted by the
 * instance that runs that night's recompute. With several instances on one database each one
 * fires the cron; only the one whose insert lands runs it.
 */
export class KpiNightlyRuns1763890000000 implements MigrationInterface {
  name = 'KpiNightlyRuns1763890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kpi_nightly_runs (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        day date NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE kpi_nightly_runs');
  }
}
