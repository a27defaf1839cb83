import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Min } from 'class-validator';
import { PageQueryDto } from '../../listing/paging.js';

/** Common query parameters of the adherence reads. */
class RangeQueryDto extends PageQueryDto {
  @ApiProperty({ description: 'Inclusive start: an instant with offset (2026-03-02T00:00:00+01:00) or a date (UTC midnight)' })
  @IsString()
  from: string;

  @ApiProperty({ description: 'Exclusive end: an instant with offset or a date; at most 93 days after from' })
  @IsString()
  to: string;

  @ApiPropertyOptional({ description: 'json (default) or csv (also chosen by Accept: text/csv)', enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

}

export class AdherenceQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({ description: 'Roll up by agent (default), team or channel (an agent of k channels counts 1/k on each)', enum: ['agent', 'team', 'channel'] })
  @IsOptional()
  @IsIn(['agent', 'team', 'channel'])
  level?: 'agent' | 'team' | 'channel';

  @ApiPropertyOptional({ description: 'interval, day (default), week (ISO, Monday) or month, cut in the time zone of the first channel (shifts belong to the day they start)', enum: ['interval', 'day', 'week', 'month'] })
  @IsOptional()
  @IsIn(['interval', 'day', 'week', 'month'])
  granularity?: 'interval' | 'day' | 'week' | 'month';
}

export class ExceptionQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({ description: 'Only this agent' })
  @IsOptional()
  @IsString()
  agent?: string;

  @ApiPropertyOptional({ description: 'Only this team' })
  @IsOptional()
  @IsString()
  team?: string;

  @ApiPropertyOptional({ description: 'Only exceptions lasting at least this many seconds (all exceptions already exceed the grace period)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  minSeconds?: number;
}

export class HeadcountQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({ description: 'Channel code; repeat for several. Default: every channel', type: [String] })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value))
  @IsString({ each: true })
  channel?: string[];
}

// ---- Responses -------------------------------------------------------------------------------

/** CSV columns of the reads (snake_case of the JSON fields, same order). */
export const ADHERENCE_CSV_COLUMNS = [
  'level', 'key', 'period_start', 'period_start_local', 'scheduled_seconds', 'adherent_seconds', 'adherence',
  'productive_scheduled_seconds', 'worked_seconds', 'conformance', 'exceptions', 'early_log_off_seconds', 'late_log_off_seconds',
] as const;
export const EXCEPTION_CSV_COLUMNS = ['agent_id', 'team', 'activity', 'state', 'start', 'end', 'duration_seconds'] as const;
export const HEADCOUNT_CSV_COLUMNS = [
  'channel', 'period_start', 'period_start_local', 'scheduled', 'staffed', 'required', 'scheduled_over_under', 'staffed_over_under',
  'busy_seconds', 'idle_seconds', 'occupancy', 'answered', 'volume_occupancy',
] as const;

/** One rolled-up adherence row (ratios recomputed from the summed seconds). */
export class AdherenceRowDto {
  @ApiProperty({ description: 'What the row rolls up: agent, team or channel', enum: ['agent', 'team', 'channel'] }) level!: 'agent' | 'team' | 'channel';
  @ApiProperty({ description: 'Agent id, team name (empty for no team) or channel code' }) key!: string;
  @ApiProperty({ description: 'Start of the period (UTC, ISO 8601): the interval, or the local day, ISO week or month of the shift start' }) periodStart!: string;
  @ApiProperty({ description: 'The same instant on the wall clock of the first channel, with its offset' }) periodStartLocal!: string;
  @ApiProperty({ description: 'Scheduled seconds (every activity); an agent of k channels counts 1/k on each at level=channel' }) scheduledSeconds!: number;
  @ApiProperty({ description: 'Scheduled seconds in which the state satisfied the scheduled activity' }) adherentSeconds!: number;
  @ApiProperty({ description: 'adherentSeconds ÷ scheduledSeconds (0..1), null without scheduled time', nullable: true, type: Number }) adherence!: number | null;
  @ApiProperty({ description: 'Scheduled seconds of productive activities' }) productiveScheduledSeconds!: number;
  @ApiProperty({ description: 'Seconds in productive states during the shift, whenever in it' }) workedSeconds!: number;
  @ApiProperty({ description: 'workedSeconds ÷ productiveScheduledSeconds, null without productive scheduled time', nullable: true, type: Number }) conformance!: number | null;
  @ApiProperty({ description: 'Out-of-adherence spans longer than the grace period (fractional at level=channel)' }) exceptions!: number;
  @ApiProperty({ description: 'Seconds logged off before the end of the shift (counted when the rules say so)' }) earlyLogOffSeconds!: number;
  @ApiProperty({ description: 'Seconds still logged in after the end of the shift (counted when the rules say so)' }) lateLogOffSeconds!: number;
}

export class AdherenceListDto {
  @ApiProperty({ type: [AdherenceRowDto], description: 'Rows ordered by key, then period' }) data!: AdherenceRowDto[];
  @ApiProperty({ description: 'Cursor of the next page, or null', nullable: true, type: String }) next!: string | null;
}

/** One out-of-adherence span longer than the grace period. */
export class ExceptionDto {
  @ApiProperty({ description: 'Agent id' }) agentId!: string;
  @ApiProperty({ description: 'Team of the scheduled row, null when none', nullable: true, type: String }) team!: string | null;
  @ApiProperty({ description: 'Scheduled activity code; after-shift for a late log-off' }) activity!: string;
  @ApiProperty({ description: 'Actual state code; none when nothing was logged' }) state!: string;
  @ApiProperty({ description: 'Start of the span (UTC, ISO 8601)' }) start!: string;
  @ApiProperty({ description: 'End of the span, exclusive (UTC, ISO 8601)' }) end!: string;
  @ApiProperty({ description: 'Length of the span in seconds' }) durationSeconds!: number;
}

export class ExceptionListDto {
  @ApiProperty({ type: [ExceptionDto], description: 'Exceptions ordered by agent, then start' }) data!: ExceptionDto[];
  @ApiProperty({ description: 'Cursor of the next page, or null', nullable: true, type: String }) next!: string | null;
}

/** Scheduled, staffed and required agents of one channel and interval. */
export class HeadcountDto {
  @ApiProperty({ description: 'Channel code' }) channel!: string;
  @ApiProperty({ description: 'Start of the interval (UTC, ISO 8601)' }) periodStart!: string;
  @ApiProperty({ description: 'Start of the interval on the channel\'s wall clock, with its offset' }) periodStartLocal!: string;
  @ApiProperty({ description: 'Scheduled agents in productive activities, time-weighted (half an interval counts 0.5); an agent of k channels counts 1/k on each. Null when no schedule of the channel covers the interval\'s local day (missing, not zero)', nullable: true, type: Number }) scheduled!: number | null;
  @ApiProperty({ description: 'Agents in productive states (from agent states), time-weighted, 1/k per channel like scheduled. Null when no agent state of the channel\'s agents covers the interval\'s local day', nullable: true, type: Number }) staffed!: number | null;
  @ApiProperty({ description: 'Agents required by the newest staffing plan covering the interval, null without a plan', nullable: true, type: Number }) required!: number | null;
  @ApiProperty({ description: 'scheduled − required (negative: under), null without a plan', nullable: true, type: Number }) scheduledOverUnder!: number | null;
  @ApiProperty({ description: 'staffed − required (negative: under), null without a plan', nullable: true, type: Number }) staffedOverUnder!: number | null;
  @ApiProperty({ description: 'Agent-seconds in busy states (on-contact, after-contact work), weighted 1/k per channel; null like staffed', nullable: true, type: Number }) busySeconds!: number | null;
  @ApiProperty({ description: 'Agent-seconds in idle states (available), weighted 1/k per channel; null like staffed', nullable: true, type: Number }) idleSeconds!: number | null;
  @ApiProperty({ description: 'Occupancy from states: busy ÷ (busy + idle), null when both are 0', nullable: true, type: Number }) occupancy!: number | null;
  @ApiProperty({ description: 'Answered contacts of the interval (interval actuals), null without actuals', nullable: true, type: Number }) answered!: number | null;
  @ApiProperty({ description: 'Occupancy from volume: answered × AHT seconds ÷ (staffed × interval seconds), null without actuals or staff, and null where handle time exceeds staffed time (a data problem: agent states missing for part of the interval or some agents)', nullable: true, type: Number }) volumeOccupancy!: number | null;
}

export class HeadcountListDto {
  @ApiProperty({ type: [HeadcountDto], description: 'Rows ordered by channel code, then interval' }) data!: HeadcountDto[];
  @ApiProperty({ description: 'Cursor of the next page, or null', nullable: true, type: String }) next!: string | null;
}

export class ActivitySettingDto {
  @ApiProperty({ description: 'Activity code used in schedules' }) code!: string;
  @ApiProperty({ description: 'Productive activities count in conformance\'s denominator and in scheduled headcount' }) productive!: boolean;
}

export class StateSettingDto {
  @ApiProperty({ description: 'State code used in agent-state uploads' }) code!: string;
  @ApiProperty({ description: 'Counts as worked time (conformance) and as staffed headcount' }) productive!: boolean;
  @ApiProperty({ description: 'False only for logged-out states (offline)' }) loggedIn!: boolean;
  @ApiProperty({ description: 'How the state counts in occupancy from states', enum: ['busy', 'idle', 'none'] }) occupancy!: 'busy' | 'idle' | 'none';
}

/** The tenant's adherence rules (defaults until a PUT). */
export class AdherenceSettingsDto {
  @ApiProperty({ type: [ActivitySettingDto], description: 'Scheduled activities the tenant uses' }) activities!: ActivitySettingDto[];
  @ApiProperty({ type: [StateSettingDto], description: 'Agent states the tenant\'s ACD reports' }) states!: StateSettingDto[];
  @ApiProperty({
    description: 'Activity code → the state codes that satisfy it; "none" stands for "no state logged"',
    type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, example: { work: ['available', 'on-contact'], offline: ['offline', 'none'] },
  })
  satisfies!: Record<string, string[]>;
  @ApiProperty({ description: 'A mismatch shorter than this many seconds is not an exception' }) graceSeconds!: number;
  @ApiProperty({ description: 'Whether logging off before the end of the shift counts (earlyLogOffSeconds, exceptions)' }) countEarlyLogOff!: boolean;
  @ApiProperty({ description: 'Whether staying logged in after the end of the shift counts (lateLogOffSeconds, after-shift exceptions)' }) countLateLogOff!: boolean;
  @ApiProperty({ description: 'Shifts crossing midnight belong to the local day they start on', enum: ['shift-start'] }) midnightAttribution!: 'shift-start';
}

/** What a schedule upload answers. */
export class SchedulesUploadResultDto {
  @ApiProperty({ description: 'Id of the upload (GET /api/v1/uploads/{id}); of the first upload when duplicate' }) uploadId!: string;
  @ApiProperty({ description: 'Upload kind', enum: ['schedules'] }) kind!: 'schedules';
  @ApiProperty({ description: 'Rows read' }) rows!: number;
  @ApiProperty({ description: 'Distinct agents in the upload' }) agents!: number;
  @ApiProperty({ description: '(agent, local day of the shift start) pairs written; each replaced the stored one' }) agentDays!: number;
  @ApiProperty({ description: 'Stored activities deleted because the upload replaced their day (or overlapped them)' }) replacedRows!: number;
  @ApiProperty({ description: 'Earliest activity start (UTC), null for no rows', nullable: true, type: String }) firstStart!: string | null;
  @ApiProperty({ description: 'Latest activity end (UTC), null for no rows', nullable: true, type: String }) lastEnd!: string | null;
  @ApiProperty({ description: 'True when the same bytes (or Idempotency-Key) were already uploaded: this is the first result, nothing was written' }) duplicate!: boolean;
}

/** What an agent-state upload answers. */
export class AgentStatesUploadResultDto {
  @ApiProperty({ description: 'Id of the upload (GET /api/v1/uploads/{id}); of the first upload when duplicate' }) uploadId!: string;
  @ApiProperty({ description: 'Upload kind', enum: ['agent-states'] }) kind!: 'agent-states';
  @ApiProperty({ description: 'segments (start, end) or events (at), decided by the first row', enum: ['segments', 'events'] }) form!: 'segments' | 'events';
  @ApiProperty({ description: 'Rows read' }) rows!: number;
  @ApiProperty({ description: 'Agents with at least one stored segment' }) agents!: number;
  @ApiProperty({ description: 'State segments stored (events: one fewer per agent whose last event ends the log)' }) segments!: number;
  @ApiProperty({ description: 'Stored states deleted because the upload covers their time' }) replacedRows!: number;
  @ApiProperty({ description: 'Start of the time the upload covers (UTC), null when nothing was stored', nullable: true, type: String }) from!: string | null;
  @ApiProperty({ description: 'End of the time the upload covers (UTC), null when nothing was stored', nullable: true, type: String }) to!: string | null;
  @ApiProperty({ description: 'True when the same bytes (or Idempotency-Key) were already uploaded: this is the first result, nothing was written' }) duplicate!: boolean;
}
