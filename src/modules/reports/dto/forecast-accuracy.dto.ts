import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { GRANULARITIES, type Granularity } from '../../../core/time/granularity.js';
import { IntervalQueryDto } from '../../listing/interval-query.js';


export class ForecastAccuracyQueryDto extends IntervalQueryDto {
  @ApiProperty({ description: 'Forecast version id (an upload or a model version)', format: 'uuid' })
  @IsUUID()
  forecastVersion!: string;

  @ApiPropertyOptional({ description: 'interval (default), day, week (ISO, Monday) or month, cut in the channel time zone', enum: GRANULARITIES })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: Granularity;
}

/** CSV columns, in order (the JSON row fields are their camelCase names; the summary is JSON only). */
export const FORECAST_ACCURACY_COLUMNS = ['channel', 'period_start', 'period_start_local', 'forecast', 'actual', 'variance', 'within_five_percent', 'forecast_intervals', 'actual_intervals'] as const;

export class ForecastAccuracyRowDto {
  @ApiProperty({ description: 'Channel code' }) channel!: string;
  @ApiProperty({ description: 'Period start (UTC)' }) periodStart!: string;
  @ApiProperty({ description: 'Period start on the channel wall clock, with offset' }) periodStartLocal!: string;
  @ApiProperty({ description: 'Forecast volume of the period' }) forecast!: number;
  @ApiProperty({ description: 'Offered contacts of the period over the intervals with actuals; null when no interval of it has actuals (missing, not zero)', nullable: true, type: Number }) actual!: number | null;
  @ApiProperty({ description: 'The seed forecast accuracy (forecast − actual) ÷ actual, the forecast taken over the intervals with actuals; null when actual is 0 or missing', nullable: true, type: Number }) variance!: number | null;
  @ApiProperty({ description: 'Whether |variance| ≤ 0.05 (the seed best-in-class band for 100+ agents); null when actual is 0 or missing', nullable: true, type: Boolean }) withinFivePercent!: boolean | null;
  @ApiProperty({ description: 'Intervals of the period in the forecast version' }) forecastIntervals!: number;
  @ApiProperty({ description: 'Of those, the intervals with actuals (coverage of actual and variance)' }) actualIntervals!: number;
}

export class ChannelAccuracySummaryDto {
  @ApiProperty({ description: 'Channel code' }) channel!: string;
  @ApiProperty({ description: 'Intervals with actual > 0' }) intervals!: number;
  @ApiProperty({ description: 'Share of those intervals within ±5%', nullable: true, type: Number }) intervalsWithinFivePercent!: number | null;
  @ApiProperty({ description: 'Local months with actual > 0' }) months!: number;
  @ApiProperty({ description: 'Share of those months within ±5%', nullable: true, type: Number }) monthsWithinFivePercent!: number | null;
  @ApiProperty({ description: 'Σ|F−A| ÷ ΣA over the intervals with both a forecast and actuals (an interval without actuals is left out, not read as 0)', nullable: true, type: Number }) wape!: number | null;
  @ApiProperty({ description: '(ΣF − ΣA) ÷ ΣA', nullable: true, type: Number }) bias!: number | null;
}

export class ForecastAccuracyListDto {
  @ApiProperty({ type: [ForecastAccuracyRowDto], description: 'Forecast against actual per channel and period' }) data!: ForecastAccuracyRowDto[];
  @ApiProperty({ description: 'Cursor of the next page, or null', nullable: true, type: String }) next!: string | null;
  @ApiProperty({ type: [ChannelAccuracySummaryDto], description: 'Per channel over [from, to): the shares within ±5% (JSON only)' }) summary!: ChannelAccuracySummaryDto[];
}
