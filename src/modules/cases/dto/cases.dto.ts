import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { IntervalQueryDto } from '../../listing/interval-query.js';
import { OBJECTIVE_CLOCKS, OBJECTIVE_UNITS, type ObjectiveClockName, type ObjectiveUnit } from '../response-policy.js';
import { WEEKDAYS, type Weekday } from '../business-calendar-settings.js';

export class ObjectiveDto {
  @ApiProperty({ description: 'Amount of the unit, > 0', example: 15 })
  amount: number;
  @ApiProperty({ description: 'minutes and hours run on the clock given; business-hours and business-days on the business calendar (a business day is one full day of business hours)', enum: OBJECTIVE_UNITS })
  unit: ObjectiveUnit;
  @ApiProperty({ description: '24x7 (around the clock, 24×365) or business (only the business hours of the tenant calendar count); default: business for business units, else 24x7', enum: OBJECTIVE_CLOCKS })
  clock: ObjectiveClockName;
}

export class PriorityObjectivesDto {
  @ApiProperty({ description: 'Priority name as cases carry it, e.g. P1', example: 'P1' })
  priority: string;
  @ApiProperty({ description: 'Initial response objective (first automatic reply or agent response; null: none)', type: ObjectiveDto, nullable: true })
  initialResponse: ObjectiveDto | null;
  @ApiProperty({ description: 'Longest time between status updates, from the first response to the resolution (null: as required)', type: ObjectiveDto, nullable: true })
  updateCadence: ObjectiveDto | null;
  @ApiProperty({ description: 'Resolution objective from creation (null: none)', type: ObjectiveDto, nullable: true })
  resolution: ObjectiveDto | null;
}

export class ResponsePolicyDto {
  @ApiProperty({ description: 'Objectives by priority. Default (the seed\'s support agreement): P1 15 minutes / update every hour, P2 30 minutes / 4 hours, P3 4 hours / 2 business days, P4 1 business day / as required', type: [PriorityObjectivesDto] })
  priorities: PriorityObjectivesDto[];
}

export class BusinessCalendarDto {
  @ApiProperty({ description: 'IANA time zone of the business hours and holidays', example: 'Europe/Berlin' })
  timeZone: string;
  @ApiProperty({ description: 'Working weekdays', enum: WEEKDAYS, isArray: true, example: ['mon', 'tue', 'wed', 'thu', 'fri'] })
  workingDays: Weekday[];
  @ApiProperty({ description: 'Opening wall-clock time HH:MM', example: '09:00' })
  opensAt: string;
  @ApiProperty({ description: 'Closing wall-clock time HH:MM (24:00 for midnight)', example: '17:00' })
  closesAt: string;
  @ApiProperty({ description: 'Local dates not worked (YYYY-MM-DD)', type: [String], example: ['2026-12-25'] })
  holidays: string[];
}

export class ComplianceQueryDto extends IntervalQueryDto {
  @ApiPropertyOptional({ description: 'Priority; repeat (or comma-separate) for several. Default: every priority', type: [String] })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value))
  @IsString({ each: true })
  priority?: string[];

  @ApiPropertyOptional({ description: 'Period of the rows, cut in each channel\'s time zone (week: ISO, from Monday)', enum: ['day', 'week', 'month'], default: 'day' })
  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  granularity?: 'day' | 'week' | 'month';

  @ApiPropertyOptional({ description: 'Instant open cases are judged at (with an offset); default: now. An open case past its objective is breached, one within it is not yet due' })
  @IsOptional()
  @IsString()
  asOf?: string;
}

export class ComplianceRowDto {
  @ApiProperty({ description: 'Channel code' })
  channel: string;
  @ApiProperty({ description: 'Priority' })
  priority: string;
  @ApiProperty({ description: 'Start of the period (UTC); a case belongs to the period it was created in' })
  periodStart: string;
  @ApiProperty({ description: 'Start of the period on the channel\'s wall clock, with offset' })
  periodStartLocal: string;
  @ApiProperty({ description: 'Cases created in the period' })
  cases: number;
  @ApiProperty({ description: 'Of those, not resolved (at asOf)' })
  open: number;
  @ApiProperty({ description: 'Cases whose initial response (earliest of automatic reply and agent response; the resolution when neither) met its objective' })
  initialResponseMet: number;
  @ApiProperty({ description: 'Cases whose initial response was due: met + breached (open cases within their objective are not yet due)' })
  initialResponseDue: number;
  @ApiProperty({ description: 'initialResponseMet ÷ initialResponseDue (0..1); null when nothing was due', nullable: true, type: Number })
  initialResponseMetShare: number | null;
  @ApiProperty({ description: 'Cases whose agent response (first_response_at; the resolution when none) met the initial-response objective' })
  agentResponseMet: number;
  @ApiProperty({ description: 'Agent responses due (met + breached)' })
  agentResponseDue: number;
  @ApiProperty({ description: 'agentResponseMet ÷ agentResponseDue; null when nothing was due', nullable: true, type: Number })
  agentResponseMetShare: number | null;
  @ApiProperty({ description: 'Cases with an automatic reply within the initial-response objective (cases without one are not counted)' })
  autoReplyMet: number;
  @ApiProperty({ description: 'Cases with an automatic reply' })
  autoReplyDue: number;
  @ApiProperty({ description: 'autoReplyMet ÷ autoReplyDue; null when none', nullable: true, type: Number })
  autoReplyMetShare: number | null;
  @ApiProperty({ description: 'Cases whose every gap between status updates (first response … resolution) stayed within the cadence' })
  updateCadenceMet: number;
  @ApiProperty({ description: 'Cases with a cadence decided (met + breached)' })
  updateCadenceDue: number;
  @ApiProperty({ description: 'updateCadenceMet ÷ updateCadenceDue; null when none', nullable: true, type: Number })
  updateCadenceMetShare: number | null;
  @ApiProperty({ description: 'Cases resolved within the resolution objective' })
  resolutionMet: number;
  @ApiProperty({ description: 'Cases resolved, or open past the objective' })
  resolutionDue: number;
  @ApiProperty({ description: 'resolutionMet ÷ resolutionDue; null without a resolution objective or nothing due', nullable: true, type: Number })
  resolutionMetShare: number | null;
  @ApiProperty({ description: 'Median seconds from creation to resolution of the resolved cases (nearest rank, elapsed time)', nullable: true, type: Number })
  resolutionP50Seconds: number | null;
  @ApiProperty({ description: '90th percentile of the resolution seconds (nearest rank)', nullable: true, type: Number })
  resolutionP90Seconds: number | null;
  @ApiProperty({ description: '95th percentile of the resolution seconds (nearest rank)', nullable: true, type: Number })
  resolutionP95Seconds: number | null;
}

export class ComplianceListDto {
  @ApiProperty({ description: 'Rows by channel code, priority and period', type: [ComplianceRowDto] })
  data: ComplianceRowDto[];
  @ApiProperty({ description: 'Cursor of the next page; null: no more', nullable: true, type: String })
  next: string | null;
}
