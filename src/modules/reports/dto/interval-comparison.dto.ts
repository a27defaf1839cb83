import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { GRANULARITIES, type Granularity } from '../../../core/time/granularity.js';
import { IntervalQueryDto } from '../../listing/interval-query.js';

export class IntervalComparisonQueryDto extends IntervalQueryDto {
  @ApiPropertyOptional({ description: 'interval (default), day, week (ISO, Monday) or month, cut in the channel time zone', enum: GRANULARITIES })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: Granularity;

  @ApiPropertyOptional({ description: 'Forecast version id; default: for each interval, the newest version that holds it', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  forecastVersion?: string;

  @ApiPropertyOptional({ description: 'Staffing plan id; default: the newest plan covering each interval', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  plan?: string;

  @ApiPropertyOptional({ description: 'With no channel given: also one all-channels row (channel `*`) per period, listed first; its periods are cut in the tenant zone (the zone of its channels when they share one, else UTC), as the KPI `*` rows', type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  totals?: boolean;
}

/** CSV columns, in order (the JSON fields are their camelCase names). */
export const INTERVAL_COMPARISON_COLUMNS = [
  'channel', 'period_start', 'period_start_local', 'forecast_volume', 'actual_offered', 'volume_variance_pct',
  'forecast_aht_seconds', 'actual_aht_seconds', 'aht_variance_pct', 'required_agents', 'required_agents_fractional',
  'scheduled_agents', 'staffed_agents', 'staffing_gap', 'service_level_goal', 'service_level_achieved',
  'service_level_predicted', 'service_level_residual', 'asa_seconds', 'abandon_rate', 'occupancy',
  'required_agent_hours', 'scheduled_agent_hours', 'staffed_agent_hours',
  'forecast_intervals', 'actual_intervals', 'required_intervals', 'scheduled_intervals', 'staffed_intervals', 'handle_over_staffed_intervals',
] as const;

const n = { nullable: true, type: Number } as const;

/**
 * One channel and period; every value null when its input does not cover the period (missing is
 * not zero; zero means covered, and none). Rolled-up rows sum only the intervals that have the
 * value, recompute ratios from the summed numerators and denominators, and count the intervals
 * each source covers (`*Intervals`).
 */
export class IntervalComparisonRowDto {
  @ApiProperty({ description: 'Channel code; `*` for the all-channels row (totals=true)' }) channel!: string;
  @ApiProperty({ description: 'Period start (UTC)' }) periodStart!: string;
  @ApiProperty({ description: 'Period start on the channel wall clock, with offset' }) periodStartLocal!: string;
  @ApiProperty({ ...n, description: 'Σ forecast volume of the period (forecast version)' }) forecastVolume!: number | null;
  @ApiProperty({ ...n, description: 'Σ offered contacts (interval actuals)' }) actualOffered!: number | null;
  @ApiProperty({ ...n, description: '100 × (forecast − actual) ÷ actual; null when actual is 0 or either is missing' }) volumeVariancePct!: number | null;
  @ApiProperty({ ...n, description: 'Forecast AHT: Σ(volume × AHT) ÷ Σ volume' }) forecastAhtSeconds!: number | null;
  @ApiProperty({ ...n, description: 'Actual AHT: Σ handle seconds ÷ Σ answered' }) actualAhtSeconds!: number | null;
  @ApiProperty({ ...n, description: '100 × (forecast AHT − actual AHT) ÷ actual AHT' }) ahtVariancePct!: number | null;
  @ApiProperty({ ...n, description: 'Required agents of the plan (integer per interval; time-weighted average over the intervals with a plan in rolled-up rows)' }) requiredAgents!: number | null;
  @ApiProperty({ ...n, description: 'Fractional required agents of the plan (time-weighted average in rolled-up rows)' }) requiredAgentsFractional!: number | null;
  @ApiProperty({ ...n, description: 'Scheduled productive agents from the uploaded schedules (the adherence headcount; time-weighted average over the intervals with a schedule in rolled-up rows); null when no schedule of the channel covers the interval\'s local day' }) scheduledAgents!: number | null;
  @ApiProperty({ ...n, description: 'Staffed agents: agents_staffed of the interval actuals, else productive agents from the agent states (adherence headcount); null when neither covers the interval (no agent state of the channel\'s agents on its local day); time-weighted average in rolled-up rows' }) staffedAgents!: number | null;
  @ApiProperty({ ...n, description: 'scheduled − required agents (time-weighted averages in rolled-up rows)' }) staffingGap!: number | null;
  @ApiProperty({ ...n, description: 'Service-level target of the plan covering the interval, else of the channel (time-weighted average in rolled-up rows); null in all-channels rows (no goal was set for all channels together)' }) serviceLevelGoal!: number | null;
  @ApiProperty({ ...n, description: '(Σ answered within threshold + Σ abandoned within threshold) ÷ (Σ answered + Σ abandoned)' }) serviceLevelAchieved!: number | null;
  @ApiProperty({ ...n, description: 'Erlang C service level (ICMI definition) for the staffed agents, the offered volume and the actual AHT at the threshold the actuals were counted at (offered-weighted in rolled-up rows); null without staffed agents or answered contacts' }) serviceLevelPredicted!: number | null;
  @ApiProperty({ ...n, description: 'service_level_achieved − service_level_predicted' }) serviceLevelResidual!: number | null;
  @ApiProperty({ ...n, description: 'Σ wait seconds of answered contacts ÷ Σ answered' }) asaSeconds!: number | null;
  @ApiProperty({ ...n, description: 'Σ abandoned ÷ (Σ answered + Σ abandoned)' }) abandonRate!: number | null;
  @ApiProperty({ ...n, description: 'Σ handle seconds ÷ Σ staffed agent-seconds (staffed agents × interval length) over the intervals with staffed agents and actuals, leaving out intervals whose handle time exceeds the staffed time (counted in handleOverStaffedIntervals: a data problem, not a result); null when none is left' }) occupancy!: number | null;
  @ApiProperty({ ...n, description: 'Agent-hours of the plan: Σ required agents × interval hours over the intervals with a plan (what a planner budgets; required_agents is the mean)' }) requiredAgentHours!: number | null;
  @ApiProperty({ ...n, description: 'Agent-hours on the schedule: Σ scheduled agents × interval hours over the intervals with a schedule' }) scheduledAgentHours!: number | null;
  @ApiProperty({ ...n, description: 'Staffed agent-hours: Σ staffed agents × interval hours over the intervals with staffing' }) staffedAgentHours!: number | null;
  @ApiProperty({ description: 'Intervals of the period with a forecast (coverage of forecast_volume)' }) forecastIntervals!: number;
  @ApiProperty({ description: 'Intervals of the period with interval actuals (coverage of the actual_* and service-level columns)' }) actualIntervals!: number;
  @ApiProperty({ description: 'Intervals of the period with a staffing plan (coverage of required_agents)' }) requiredIntervals!: number;
  @ApiProperty({ description: 'Intervals of the period covered by a schedule (coverage of scheduled_agents)' }) scheduledIntervals!: number;
  @ApiProperty({ description: 'Intervals of the period with staffing known (coverage of staffed_agents)' }) staffedIntervals!: number;
  @ApiProperty({ description: 'Intervals whose handle time exceeds their staffed time (agent states missing for part of the interval or some agents): their occupancy is null and left out of rolled-up occupancy' }) handleOverStaffedIntervals!: number;
}

export class IntervalComparisonListDto {
  @ApiProperty({ type: [IntervalComparisonRowDto], description: 'Rows by channel code, then period start' }) data!: IntervalComparisonRowDto[];
  @ApiProperty({ description: 'Cursor of the next page, or null', nullable: true, type: String }) next!: string | null;
}
