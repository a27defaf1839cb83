import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forecasts that hold up on real data:
 *
 * - `forecast_intervals.volume_p10`, `volume_p90`: the prediction band of a generated forecast's
 *   volume (10th and 90th percentile), null for uploaded forecasts and versions made before.
 *   Nullable, no default: adding them rewrites nothing.
 * - `channels.opening_hours`: the planner's open hours per ISO weekday in local times
 *   (`{"mon": [["08:00", "18:00"]], ...}`); null: forecasting learns them from the history.
 */
export class ForecastBands1763900000000 implements MigrationInterface {
  name = 'ForecastBands1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE forecast_intervals ADD COLUMN volume_p10 double precision, ADD COLUMN volume_p90 double precision');
    await q.query('ALTER TABLE channels ADD COLUMN opening_hours jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE channels DROP COLUMN opening_hours');
    await q.query('ALTER TABLE forecast_intervals DROP COLUMN volume_p10, DROP COLUMN volume_p90');
  }
}
