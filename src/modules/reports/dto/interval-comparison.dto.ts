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

  @ApiPropertyOptional({ description: 'Forecast version id; default: the newest version covering each channel', format: 'uuid' })
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
] as const;

const n = { nullable: true, type: Number } as const;

/** One channel and period; every column null when its input is missing. Rolled-up rows recompute ratios from summed numerators and denominators. */
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
  @ApiProperty({ ...n, description: 'Scheduled productive agents from the uploaded schedules (the adherence headcount; time-weighted average in rolled-up rows); null when no schedule covers the range read' }) scheduledAgents!: number | null;
  @ApiProperty({ ...n, description: 'Staffed agents: agents_staffed of the interval actuals, else productive agents from the agent states (adherence headcount); time-weighted average in rolled-up rows' }) staffedAgents!: number | null;
  @ApiProperty({ ...n, description: 'scheduled − required agents (time-weighted averages in rolled-up rows)' }) staffingGap!: number | null;
  @ApiProperty({ ...n, description: 'Service-level target of the plan covering the interval, else of the channel (time-weighted average in rolled-up rows)' }) serviceLevelGoal!: number | null;
  @ApiProperty({ ...n, description: '(Σ answered within threshold + Σ abandoned within threshold) ÷ (Σ answered + Σ abandoned)' }) serviceLevelAchieved!: number | null;
  @ApiProperty({ ...n, description: 'Erlang C service level (ICMI definition) for the staffed agents, the offered volume and the actual AHT at the threshold the actuals were counted at (offered-weighted in rolled-up rows); null without staffed agents or answered contacts' }) serviceLevelPredicted!: number | null;
  @ApiProperty({ ...n, description: 'service_level_achieved − service_level_predicted' }) serviceLevelResidual!: number | null;
  @ApiProperty({ ...n, description: 'Σ wait seconds of answered contacts ÷ Σ answered' }) asaSeconds!: number | null;
  @ApiProperty({ ...n, description: 'Σ abandoned ÷ (Σ answered + Σ abandoned)' }) abandonRate!: number | null;
  @ApiProperty({ ...n, description: 'Σ handle seconds ÷ Σ staffed agent-seconds (staffed agents × interval length) over the intervals with staffed agents' }) occupancy!: number | null;
}

export class IntervalComparisonListDto {
  @ApiProperty({ type: [IntervalComparisonRowDto], description: 'Rows by channel code, then period start' }) data!: IntervalComparisonRowDto[];
  @ApiProperty({ description: 'Cursor of the next page, or null', nullable: true, type: String }) next!: string | null;
}
