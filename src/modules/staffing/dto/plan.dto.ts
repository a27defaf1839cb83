import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { SERVICE_LEVEL_DEFINITIONS, type ServiceLevelDefinition } from '../../../core/queueing/service-level-definition.js';
import { MAX_DURATION_SECONDS, MAX_SHRINKAGE } from '../../../core/staffing/staffing-limits.js';
import { BINDING_GOALS, STAFFING_MODELS, type BindingGoal, type StaffingModel, type StaffingWarning } from '../../../core/staffing/staffing-types.js';
import { StaffingGoalDto } from './staffing-request.dto.js';
import { StaffingTotalsDto } from './staffing-response.dto.js';

const finite = { allowNaN: false, allowInfinity: false } as const;

export class PlanCreateDto {
  @ApiProperty({ description: 'Forecast version whose intervals are staffed', format: 'uuid' })
  @IsUUID()
  forecastVersionId: string;

  @ApiPropertyOptional({ description: 'Label of the plan', example: 'March, Erlang A, 80/20' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  label?: string;

  @ApiPropertyOptional({ description: 'Queueing model', enum: STAFFING_MODELS, default: 'erlang-c' })
  @IsOptional()
  @IsIn(STAFFING_MODELS)
  model?: StaffingModel;

  @ApiPropertyOptional({ description: 'Service-level definition', enum: SERVICE_LEVEL_DEFINITIONS, default: 'answered-or-abandoned-within/offered' })
  @IsOptional()
  @IsIn(SERVICE_LEVEL_DEFINITIONS)
  serviceLevelDefinition?: ServiceLevelDefinition;

  @ApiPropertyOptional({ description: "Goal fields that override every channel's stored goal (fields left out keep the channel's)", type: StaffingGoalDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StaffingGoalDto)
  goal?: StaffingGoalDto;

  @ApiPropertyOptional({ description: "Shrinkage for intervals whose forecast row has none (default: the channel's)", minimum: 0, maximum: MAX_SHRINKAGE })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(MAX_SHRINKAGE)
  shrinkage?: number;

  @ApiPropertyOptional({ description: "Mean patience in seconds (Erlang A; default: the channel's)", maximum: MAX_DURATION_SECONDS })
  @IsOptional()
  @IsNumber(finite)
  @Min(Number.MIN_VALUE)
  @Max(MAX_DURATION_SECONDS)
  patienceSeconds?: number;

  @ApiPropertyOptional({ description: "Concurrent contacts per agent (default: the channel's)" })
  @IsOptional()
  @IsNumber(finite)
  @Min(1)
  @Max(100)
  concurrency?: number;

  @ApiPropertyOptional({ description: 'Only these channels of the forecast (default: all)', type: [String] })
  @IsOptional()
  @IsString({ each: true })
  channels?: string[];

  @ApiPropertyOptional({
    description:
      "Staff for this quantile of each interval's volume instead of the point forecast (0.8: the 80th percentile, protection against peaks), " +
      'from the p10–p90 band of a generated forecast version; the plan stores the volume it staffed. Needs a version with bands',
    minimum: 0.05,
    maximum: 0.95,
    example: 0.8,
  })
  @IsOptional()
  @IsNumber(finite)
  @Min(0.05)
  @Max(0.95)
  volumeQuantile?: number;
}

export class PlanChannelSettingsDto {
  @ApiProperty({ description: 'Channel code' })
  channel: string;
  @ApiProperty({ description: 'Interval length (minutes)' })
  intervalMinutes: number;
  @ApiProperty({ description: 'Goals that applied (fractions, seconds)', type: 'object', additionalProperties: true })
  goal: Record<string, number>;
  @ApiPropertyOptional({ description: 'Service-level threshold (seconds)', nullable: true, type: Number })
  thresholdSeconds: number | null;
  @ApiProperty({ description: 'Shrinkage for intervals without their own' })
  shrinkage: number;
  @ApiPropertyOptional({ description: 'Mean patience (seconds), Erlang A', nullable: true, type: Number })
  patienceSeconds: number | null;
  @ApiProperty({ description: 'Concurrent contacts per agent' })
  concurrency: number;
}

export class PlanResponseDto {
  @ApiProperty({ description: 'Plan id', format: 'uuid' })
  id: string;
  @ApiProperty({ description: 'Label' })
  label: string;
  @ApiProperty({ description: 'Forecast version staffed', format: 'uuid' })
  forecastVersionId: string;
  @ApiProperty({ description: 'Queueing model', enum: STAFFING_MODELS })
  model: StaffingModel;
  @ApiProperty({ description: 'Service-level definition', enum: SERVICE_LEVEL_DEFINITIONS })
  serviceLevelDefinition: ServiceLevelDefinition;
  @ApiProperty({ description: 'Channels in the plan, with the settings that applied', type: [PlanChannelSettingsDto] })
  channels: PlanChannelSettingsDto[];
  @ApiProperty({ description: 'Intervals in the plan' })
  intervalCount: number;
  @ApiPropertyOptional({ description: 'First interval start (UTC)', nullable: true, type: String })
  firstIntervalStart: string | null;
  @ApiPropertyOptional({ description: 'Last interval start (UTC)', nullable: true, type: String })
  lastIntervalStart: string | null;
  @ApiProperty({ description: 'Totals over all intervals', type: StaffingTotalsDto })
  totals: StaffingTotalsDto;
  @ApiProperty({ description: 'Created (ISO 8601)' })
  createdAt: string;
  @ApiPropertyOptional({ description: 'Name of the API key that created the plan', nullable: true, type: String })
  createdBy: string | null;
}

export class PlanListDto {
  @ApiProperty({ type: [PlanResponseDto], description: 'Plans, newest first' })
  data: PlanResponseDto[];
  @ApiProperty({ description: 'Cursor of the next page, null: no more', nullable: true, type: String })
  next: string | null;
}

export class PlanIntervalDto {
  @ApiProperty({ description: 'Channel code' })
  channel: string;
  @ApiProperty({ description: 'Interval start, UTC (ISO 8601)' })
  periodStart: string;
  @ApiProperty({ description: "Interval start on the channel's wall clock, with offset" })
  periodStartLocal: string;
  @ApiProperty({ description: 'Forecast contacts' })
  volume: number;
  @ApiProperty({ description: 'Forecast average handle time (seconds)' })
  ahtSeconds: number;
  @ApiProperty({ description: 'Shrinkage applied (fraction)' })
  shrinkage: number;
  @ApiProperty({ description: 'Required agents on the phones' })
  agents: number;
  @ApiPropertyOptional({ description: 'Fractional requirement', nullable: true, type: Number })
  agentsFractional: number | null;
  @ApiProperty({ description: 'Required agents grossed up for shrinkage: ceil(agents ÷ (1 − shrinkage))' })
  requiredWithShrinkage: number;
  @ApiPropertyOptional({ description: 'Service level at the required agents', nullable: true, type: Number })
  serviceLevel: number | null;
  @ApiPropertyOptional({ description: 'ASA (seconds) at the required agents', nullable: true, type: Number })
  asaSeconds: number | null;
  @ApiPropertyOptional({ description: 'Wait probability', nullable: true, type: Number })
  waitProbability: number | null;
  @ApiPropertyOptional({ description: 'Occupancy', nullable: true, type: Number })
  occupancy: number | null;
  @ApiPropertyOptional({ description: 'Abandon rate (Erlang A)', nullable: true, type: Number })
  abandonRate: number | null;
  @ApiPropertyOptional({ description: 'Blocking probability (Erlang B)', nullable: true, type: Number })
  blockingProbability: number | null;
  @ApiProperty({ description: 'Goal that bound', enum: BINDING_GOALS })
  binding: BindingGoal;
  @ApiProperty({ description: 'Warnings (min-occupancy)', type: [String] })
  warnings: StaffingWarning[];
}

export class PlanIntervalListDto {
  @ApiProperty({ type: [PlanIntervalDto], description: 'Intervals by channel code, then start' })
  data: PlanIntervalDto[];
  @ApiProperty({ description: 'Cursor of the next page, null: no more', nullable: true, type: String })
  next: string | null;
}
