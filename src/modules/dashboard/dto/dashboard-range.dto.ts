import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsCivilDate } from '../../../platform/http/is-civil-date.js';


export class DashboardRangeQueryDto {
  @ApiProperty({ description: 'Channel code' })
  @IsString()
  channel!: string;

  @ApiPropertyOptional({ description: 'First local day (YYYY-MM-DD, inclusive); default: 7 days before `to`' })
  @IsOptional()
  @IsCivilDate({ message: 'must be a date YYYY-MM-DD that exists, in the years 1900–2200' })
  from?: string;

  @ApiPropertyOptional({ description: 'Local day after the last one (YYYY-MM-DD, exclusive); default: the day after the last local day with actuals (today in UTC without actuals)' })
  @IsOptional()
  @IsCivilDate({ message: 'must be a date YYYY-MM-DD that exists, in the years 1900–2200' })
  to?: string;
}

export class DashboardRangeDto {
  @ApiProperty({ description: 'Channel code' }) channel!: string;
  @ApiProperty({ description: 'IANA time zone of the channel (days are cut in it)' }) timeZone!: string;
  @ApiProperty({ description: 'Interval length of the channel, minutes', enum: [15, 30, 60] }) intervalMinutes!: number;
  @ApiProperty({ description: 'Service-level target of the channel (fraction 0..1)' }) serviceLevelTarget!: number;
  @ApiProperty({ description: 'Start of the first interval with actuals (UTC), or null without actuals', nullable: true, type: String }) firstActualStart!: string | null;
  @ApiProperty({ description: 'Start of the last interval with actuals (UTC), or null without actuals', nullable: true, type: String }) lastActualStart!: string | null;
  @ApiProperty({ description: 'Intervals of the channel with actuals, over all time (the page opens on the channel with the most)' }) actualIntervals!: number;
  @ApiProperty({ description: 'Local midnight of the first day, as an instant with the channel offset (use as `from` of the reports)' }) from!: string;
  @ApiProperty({ description: 'Local midnight after the last day, as an instant with the channel offset (use as `to`, exclusive)' }) to!: string;
  @ApiProperty({ description: 'First local day (YYYY-MM-DD)' }) firstDay!: string;
  @ApiProperty({ description: 'Last local day (YYYY-MM-DD, inclusive)' }) lastDay!: string;
}
