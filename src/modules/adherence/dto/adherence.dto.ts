import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Min } from 'class-validator';
import { PageQueryDto } from '../../uploads/listing.js';

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
