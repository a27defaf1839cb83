import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../listing/paging.js';
import { WEEKDAY_CODES, type WeekdayCode } from '../scheduling-rules.js';

// ---------------------------------------------------------------- rules

export class BreakRuleDto {
  @ApiProperty({ description: 'Activity code written to the schedule (an activity of the adherence rules, not work)', example: 'lunch' }) code: string;
  @ApiProperty({ description: 'Length (minutes, a multiple of 5)', example: 30 }) lengthMinutes: number;
  @ApiProperty({ description: 'Earliest start, minutes after the shift start', example: 180 }) earliestStartMinutes: number;
  @ApiProperty({ description: 'Latest start, minutes after the shift start; the break must end before the shift does', example: 300 }) latestStartMinutes: number;
  @ApiProperty({ description: 'Paid breaks count in paid hours' }) paid: boolean;
}

export class ShiftTypeDto {
  @ApiProperty({ description: 'Shift type code', example: 'S8' }) code: string;
  @ApiProperty({ description: 'Length including breaks (minutes, a multiple of 15)', example: 480 }) lengthMinutes: number;
  @ApiProperty({
    description: 'Local start windows per weekday (mon … sun) in the channel\'s zone, [["HH:MM", "HH:MM"]] both inclusive, on the quarter-hour; a weekday left out has no start',
    type: 'object', additionalProperties: true, example: { mon: [['07:00', '13:00']], tue: [['07:00', '13:00']] },
  })
  startWindows: Record<string, Array<[string, string]>>;
  @ApiProperty({ description: 'Minutes between candidate starts in a window (a multiple of 15)', example: 30 }) startStepMinutes: number;
  @ApiProperty({ type: [BreakRuleDto], description: 'Breaks and lunches of the shift' }) breaks: BreakRuleDto[];
}

export class PenaltiesDto {
  @ApiProperty({ description: 'Cost of one agent-hour on the phones below the requirement (paid hours cost 1)', example: 4 }) underPerAgentHour: number;
  @ApiProperty({ description: 'Cost of one agent-hour on the phones above the requirement', example: 0.1 }) overPerAgentHour: number;
}

export class SolverLimitsDto {
  @ApiProperty({ description: 'Time limit of each solver stage (seconds)', example: 60 }) timeLimitSeconds: number;
  @ApiProperty({ description: 'Relative MIP gap at which a stage may stop', example: 0.01 }) mipRelativeGap: number;
}

export class SchedulingRulesDto {
  @ApiProperty({ type: [ShiftTypeDto], description: 'Shift types' }) shiftTypes: ShiftTypeDto[];
  @ApiProperty({ description: 'Minimum rest between two shifts of an agent (minutes)', example: 660 }) minRestMinutes: number;
  @ApiProperty({ description: 'Days off in every 7 days', example: 2 }) daysOffPerWeek: number;
  @ApiPropertyOptional({
    description: 'Open hours per weekday when they differ from the forecast\'s ([["HH:MM","HH:MM"]], end exclusive): intervals outside need 0 agents and shifts lie inside them; null: the plan decides',
    nullable: true, type: 'object', additionalProperties: true,
  })
  openingHours: Record<string, Array<[string, string]>> | null;
  @ApiProperty({ description: 'A shift ending after this local time is late (fairness)', example: '20:00' }) lateHour: string;
  @ApiProperty({ type: PenaltiesDto, description: 'Objective penalties' }) penalties: PenaltiesDto;
  @ApiProperty({ type: SolverLimitsDto, description: 'Default solver limits' }) limits: SolverLimitsDto;
}

// ---------------------------------------------------------------- roster

export class AgentPutDto {
  @ApiPropertyOptional({ description: 'Team', nullable: true, type: String, example: 'retail' })
  @IsOptional()
  @IsString()
  @Length(0, 100)
  team?: string | null;

  @ApiProperty({ description: 'Channel codes the agent serves', type: [String], example: ['retail'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  channels: string[];

  @ApiPropertyOptional({ description: 'Minimum paid hours a week (quarter-hours), default 0', example: 20 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(168)
  minWeeklyHours?: number;

  @ApiPropertyOptional({ description: 'Maximum paid hours a week (quarter-hours), default 40', example: 40 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(168)
  maxWeeklyHours?: number;

  @ApiPropertyOptional({ description: 'Weekdays the agent may start a shift, default all seven', enum: WEEKDAY_CODES, isArray: true, example: ['mon', 'tue', 'wed', 'thu', 'fri'] })
  @IsOptional()
  @IsArray()
  @IsIn(WEEKDAY_CODES, { each: true })
  availableDays?: WeekdayCode[];

  @ApiPropertyOptional({ description: 'Daily availability from this local time (HH:MM, on the quarter-hour); null: from midnight', nullable: true, type: String, example: '07:00' })
  @IsOptional()
  @IsString()
  availableFrom?: string | null;

  @ApiPropertyOptional({ description: 'Daily availability until this local time (HH:MM, exclusive, 24:00 allowed); null: until midnight', nullable: true, type: String, example: '20:00' })
  @IsOptional()
  @IsString()
  availableTo?: string | null;
}

export class AgentDto {
  @ApiProperty({ description: 'Agent id (agent_id of the schedules)' }) agentId: string;
  @ApiPropertyOptional({ description: 'Team', nullable: true, type: String }) team: string | null;
  @ApiProperty({ description: 'Channel codes the agent serves', type: [String] }) channels: string[];
  @ApiProperty({ description: 'Minimum paid hours a week' }) minWeeklyHours: number;
  @ApiProperty({ description: 'Maximum paid hours a week' }) maxWeeklyHours: number;
  @ApiProperty({ description: 'Weekdays the agent may start a shift', enum: WEEKDAY_CODES, isArray: true }) availableDays: WeekdayCode[];
  @ApiPropertyOptional({ description: 'Daily availability from (local HH:MM), null: from midnight', nullable: true, type: String }) availableFrom: string | null;
  @ApiPropertyOptional({ description: 'Daily availability until (local HH:MM), null: until midnight', nullable: true, type: String }) availableTo: string | null;
  @ApiProperty({ description: 'Last change (ISO 8601)' }) updatedAt: string;
}

export class AgentListDto {
  @ApiProperty({ type: [AgentDto], description: 'Agents by id' }) data: AgentDto[];
  @ApiProperty({ description: 'Cursor of the next page, null: no more', nullable: true, type: String }) next: string | null;
}

export class AgentsUploadResultDto {
  @ApiProperty({ description: 'Upload id', format: 'uuid' }) uploadId: string;
  @ApiProperty({ description: 'Upload kind', enum: ['agents'] }) kind: 'agents';
  @ApiProperty({ description: 'Rows read' }) rows: number;
  @ApiProperty({ description: 'Agents that were new' }) inserted: number;
  @ApiProperty({ description: 'Agents whose stored contract was replaced' }) updated: number;
  @ApiProperty({ description: 'True: the same bytes (or Idempotency-Key) were uploaded before; this is the first result and nothing was written' }) duplicate: boolean;
}

// ---------------------------------------------------------------- generate and scenarios

export class GenerateScheduleDto {
  @ApiProperty({ description: 'Staffing plan whose requirement (agents on the phones) is scheduled', format: 'uuid' })
  @IsUUID()
  plan: string;

  @ApiProperty({ description: 'Inclusive start: a date (local midnight of the channels) or an instant with offset, on the interval grid', example: '1999-10-17' })
  @IsString()
  from: string;

  @ApiProperty({ description: 'Exclusive end: a date or an instant with offset, at most 42 days after from', example: '1999-10-18' })
  @IsString()
  to: string;

  @ApiPropertyOptional({ description: 'Channels of the plan to schedule together (one time zone and interval length); default: every channel of the plan', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  channels?: string[];

  @ApiPropertyOptional({ description: 'Time limit of each solver stage (seconds); default: the rules\' limits', minimum: 1, maximum: 600 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(600)
  timeLimitSeconds?: number;

  @ApiPropertyOptional({
    description:
      'Share of the scheduled on-phone time lost to what the schedule does not model (absence, unplanned meetings, training not on the schedule), 0 to 0.9; default 0. ' +
      'The requirement becomes the plan\'s agents ÷ (1 − residualShrinkage), and the predicted service level and ASA count on-phone agents × (1 − residualShrinkage). ' +
      'Breaks and lunches are placed explicitly: do not count them here.',
    minimum: 0,
    maximum: 0.9,
    example: 0.1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(0.9)
  residualShrinkage?: number;
}

export class StageReportDto {
  @ApiProperty({ description: 'How the stage ended', enum: ['optimal', 'gap-reached', 'time-limit', 'greedy'] }) status: string;
  @ApiPropertyOptional({ description: 'Objective value', nullable: true, type: Number }) objective: number | null;
  @ApiPropertyOptional({ description: 'Best proven lower bound of the objective', nullable: true, type: Number }) bound: number | null;
  @ApiPropertyOptional({ description: '(objective − bound) ÷ |objective|, 0 when optimal', nullable: true, type: Number }) gap: number | null;
  @ApiProperty({ description: 'Seconds the stage ran' }) solveSeconds: number;
  @ApiProperty({ description: 'Variables of the model' }) variables: number;
  @ApiProperty({ description: 'Constraints of the model' }) constraints: number;
}

export class ScenarioStagesDto {
  @ApiProperty({ type: StageReportDto, description: 'Shift design (how many of which shift when)' }) design: StageReportDto;
  @ApiPropertyOptional({ type: StageReportDto, nullable: true, description: 'Named roster (null without a roster: open shifts)' }) roster: StageReportDto | null;
  @ApiProperty({ type: StageReportDto, description: 'Break placement' }) breaks: StageReportDto;
}

export class ScenarioTotalsDto {
  @ApiProperty({ description: 'Shifts' }) shifts: number;
  @ApiProperty({ description: 'Named agents with at least one shift' }) agents: number;
  @ApiProperty({ description: 'Open shifts (no agent of the roster; ids OPEN-…)' }) openShifts: number;
  @ApiProperty({ description: 'Paid hours (work and paid breaks)' }) paidHours: number;
  @ApiProperty({ description: 'Agent-hours on the phones below the requirement' }) underAgentHours: number;
  @ApiProperty({ description: 'Agent-hours on the phones above the requirement' }) overAgentHours: number;
  @ApiProperty({ description: 'Intervals below the requirement' }) intervalsUnder: number;
  @ApiProperty({ description: 'Intervals with a requirement (the others are missing, not zero)' }) requiredIntervals: number;
  @ApiProperty({ description: 'Designed shifts no agent of the roster could take' }) unassignedShifts: number;
  @ApiProperty({ description: 'The residualShrinkage the requirement was grossed up by (0: none)', example: 0 }) residualShrinkage: number;
}

export class ScenarioDto {
  @ApiProperty({ description: 'Scenario id', format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Staffing plan scheduled', format: 'uuid' }) plan: string;
  @ApiProperty({ description: 'Channels scheduled together', type: [String] }) channels: string[];
  @ApiProperty({ description: 'Time zone of the local days and start windows' }) timeZone: string;
  @ApiProperty({ description: 'Interval length (minutes)' }) intervalMinutes: number;
  @ApiProperty({ description: 'Horizon start (UTC)' }) from: string;
  @ApiProperty({ description: 'Horizon end, exclusive (UTC)' }) to: string;
  @ApiProperty({ description: 'draft, or published (written to the schedules)', enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ type: ScenarioTotalsDto, description: 'Totals, recomputed from the activities' }) totals: ScenarioTotalsDto;
  @ApiProperty({ type: ScenarioStagesDto, description: 'Solver figures per stage: status, objective, bound, gap, seconds' }) stages: ScenarioStagesDto;
  @ApiProperty({ description: 'Seconds of the three stages together' }) solveSeconds: number;
  @ApiProperty({ description: 'Created (ISO 8601)' }) createdAt: string;
  @ApiPropertyOptional({ description: 'Name of the API key that generated it', nullable: true, type: String }) createdBy: string | null;
  @ApiPropertyOptional({ description: 'First publication (ISO 8601)', nullable: true, type: String }) publishedAt: string | null;
}

export class ScenarioListDto {
  @ApiProperty({ type: [ScenarioDto], description: 'Scenarios, newest first' }) data: ScenarioDto[];
  @ApiProperty({ description: 'Cursor of the next page, null: no more', nullable: true, type: String }) next: string | null;
}

export class ScenarioListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the scenarios of this staffing plan', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  plan?: string;
}

export class ScenarioQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Inclusive start: an instant with offset or a date (local midnight of the scenario\'s zone)' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive end: an instant with offset or a date' })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ description: 'json (default) or csv (also chosen by Accept: text/csv)', enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class CoverageRowDto {
  @ApiProperty({ description: 'Interval start, UTC' }) periodStart: string;
  @ApiProperty({ description: 'Interval start on the scenario\'s wall clock, with offset' }) periodStartLocal: string;
  @ApiProperty({ description: 'Channels of the scenario, |-separated' }) channels: string;
  @ApiPropertyOptional({ description: 'Agents needed on the phones (the plan); null: no plan interval', nullable: true, type: Number }) requiredAgents: number | null;
  @ApiProperty({ description: 'Agents on the phones (work minutes ÷ interval minutes)' }) onPhoneAgents: number;
  @ApiPropertyOptional({ description: 'max(0, required − on phones); null without a requirement', nullable: true, type: Number }) underAgents: number | null;
  @ApiPropertyOptional({ description: 'max(0, on phones − required); null without a requirement', nullable: true, type: Number }) overAgents: number | null;
  @ApiPropertyOptional({ description: 'Predicted service level by the plan\'s model (pooled over the channels); null where unknown', nullable: true, type: Number }) serviceLevel: number | null;
  @ApiPropertyOptional({ description: 'Predicted ASA (seconds); null where unknown', nullable: true, type: Number }) asaSeconds: number | null;
}

export class CoverageListDto {
  @ApiProperty({ type: [CoverageRowDto], description: 'Intervals in order' }) data: CoverageRowDto[];
  @ApiProperty({ description: 'Cursor of the next page, null: no more', nullable: true, type: String }) next: string | null;
}

export class ScenarioActivityDto {
  @ApiProperty({ description: 'Agent id (OPEN-… for an open shift)' }) agentId: string;
  @ApiPropertyOptional({ description: 'Team', nullable: true, type: String }) team: string | null;
  @ApiProperty({ description: 'Channel codes, |-separated (as the schedules upload takes them)' }) channels: string;
  @ApiProperty({ description: 'Activity code (work, break, lunch …)' }) activity: string;
  @ApiProperty({ description: 'Start, on the scenario\'s wall clock with offset' }) start: string;
  @ApiProperty({ description: 'End, exclusive, with offset' }) end: string;
}

export class ScenarioActivityListDto {
  @ApiProperty({ type: [ScenarioActivityDto], description: 'Activities by agent, then start (the data rows can be sent as { rows } to POST /api/v1/schedules)' }) data: ScenarioActivityDto[];
  @ApiProperty({ description: 'Cursor of the next page, null: no more', nullable: true, type: String }) next: string | null;
}

export class PublishDto {
  @ApiPropertyOptional({ description: 'Replace the shifts already scheduled on the (agent, day)s of the scenario (default false: 409 SCHEDULES_EXIST)', default: false })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}

export class PublishResultDto {
  @ApiProperty({ description: 'Scenario id', format: 'uuid' }) scenarioId: string;
  @ApiProperty({ description: 'published', enum: ['published'] }) status: 'published';
  @ApiProperty({ description: 'First publication (ISO 8601)' }) publishedAt: string;
  @ApiPropertyOptional({ description: 'The schedules upload that wrote it (GET /api/v1/uploads/{id}); null for a scenario without shifts (nothing to write)', format: 'uuid', nullable: true, type: String }) uploadId: string | null;
  @ApiProperty({ description: 'True: the same schedule was already published; nothing was written' }) duplicate: boolean;
  @ApiProperty({ description: 'Schedule rows written (scenario activities and carried bookings)' }) rows: number;
  @ApiProperty({ description: 'Agents written' }) agents: number;
  @ApiProperty({ description: '(agent, local day)s written' }) agentDays: number;
  @ApiProperty({ description: 'Stored rows the publication replaced' }) replacedRows: number;
  @ApiProperty({ description: 'Stored bookings (time off, meetings …) of the published (agent, day)s, written again with the shifts' }) carriedActivities: number;
}

export const COVERAGE_CSV_COLUMNS = [
  'period_start', 'period_start_local', 'channels', 'required_agents', 'on_phone_agents', 'under_agents', 'over_agents', 'service_level', 'asa_seconds',
] as const;
/** Exactly the columns of the schedules upload (POST /api/v1/schedules). */
export const ACTIVITY_CSV_COLUMNS = ['agent_id', 'team', 'channels', 'activity', 'start', 'end'] as const;

