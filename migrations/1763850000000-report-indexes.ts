import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report indexes (issue 8): the interval comparison reads, per channel and in interval order,
 * the newest plan covering each interval whatever the plan; the primary key of
 * staffing_plan_intervals leads with the plan, so that read needs (tenant, channel, start).
 */
export class ReportIndexes1763850000000 implements MigrationInterface {
  name = 'ReportIndexes1763850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX staffing_plan_intervals_channel_time ON staffing_plan_intervals (tenant_id, channel_id, interval_start)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX staffing_plan_intervals_channel_time');
  }
}
