import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPI rollups (issue 7): one row per (tenant, channel or all, granularity, period start, KPI)
 * with the summed numerator and denominator the value is recomputed from (never an average of
 * ratios), the value, and when it was computed.
 *
 * - `channel_key`: the channel id, or 0 for all channels together (channel ids start at 1).
 * - `granularity`: day, week (ISO, Monday) or month, cut in the channel's zone (the all-channels
 *   rows in the tenant's zone). Interval rows are not stored: an interval row is not a rollup,
 *   the API computes it from the source tables on read (a year of 15-minute rows for 20
 *   channels would be ~6 million KPI rows; storing them took 44 s on the bench server).
 * - `detail`: what a value needs to be read (the scale of a survey mean, the currency of a cost).
 *
 * A recompute deletes the touched periods and inserts them again in one transaction.
 */
export class KpiRollups1763840000000 implements MigrationInterface {
  name = 'KpiRollups1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kpi_rollups (
        tenant_id uuid NOT NULL,
        channel_key integer NOT NULL,
        granularity text NOT NULL CHECK (granularity IN ('day', 'week', 'month')),
        period_start timestamptz NOT NULL,
        kpi text NOT NULL,
        numerator double precision NOT NULL,
        denominator double precision NOT NULL,
        value double precision,
        detail jsonb,
        computed_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, channel_key, granularity, period_start, kpi)
      )`);
    await q.query(`CREATE INDEX kpi_rollups_period ON kpi_rollups (tenant_id, granularity, period_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE kpi_rollups');
  }
}
