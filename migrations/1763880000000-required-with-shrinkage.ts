import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One name, one meaning: a plan's "required agents grossed up for shrinkage" was stored as
 * `scheduled_agents`, a name the reports use for the agents on the schedule. The column becomes
 * `required_with_shrinkage`, and the plans' stored totals key `scheduledAgentHours` becomes
 * `requiredWithShrinkageHours`.
 */
export class RequiredWithShrinkage1763880000000 implements MigrationInterface {
  name = 'RequiredWithShrinkage1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE staffing_plan_intervals RENAME COLUMN scheduled_agents TO required_with_shrinkage');
    await q.query(`UPDATE staffing_plans SET totals = (totals - 'scheduledAgentHours') || jsonb_build_object('requiredWithShrinkageHours', totals->'scheduledAgentHours')
                    WHERE totals ? 'scheduledAgentHours'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE staffing_plans SET totals = (totals - 'requiredWithShrinkageHours') || jsonb_build_object('scheduledAgentHours', totals->'requiredWithShrinkageHours')
                    WHERE totals ? 'requiredWithShrinkageHours'`);
    await q.query('ALTER TABLE staffing_plan_intervals RENAME COLUMN required_with_shrinkage TO scheduled_agents');
  }
}
