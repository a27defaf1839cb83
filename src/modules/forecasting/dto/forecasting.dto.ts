import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCivilDate } from '../../../platform/http/is-civil-date.js';
import { FORECAST_METHODS, type ForecastChoice, type ForecastMethod, type SingleMethod } from '../../../core/forecasting/types.js';
import type { ForecastVersionJson } from '../../forecasts/forecast.sink.js';

export const GENERATE_METHODS: readonly ForecastChoice[] = ['auto', ...FORECAST_METHODS];
export type GenerateMethod = ForecastChoice;
/** What a back-test may evaluate: every method, and `auto` as it would have chosen at each origin. */
export const BACKTEST_METHODS: readonly ForecastChoice[] = [...FORECAST_METHODS, 'auto'];

export class ForecastGenerateDto {
  @ApiProperty({ description: 'Channel codes to forecast (at most 500)', type: [String], example: ['sales'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  channels!: string[];

  @ApiProperty({ description: 'First local day of the horizon (YYYY-MM-DD, midnight of each channel)', example: '2026-03-02' })
  @IsCivilDate({ message: 'horizonStart must be a date YYYY-MM-DD that exists, in the years 1900–2200' })
  horizonStart!: string;

  @ApiProperty({ description: 'Days forecast, 7 to 91 (1 to 13 weeks)', minimum: 7, maximum: 91 })
  @IsInt()
  @Min(7)
  @Max(91)
  horizonDays!: number;

  @ApiProperty({
    description:
      '`auto` picks per channel the method (or the combination) with the lowest back-test interval WAPE on the last 4 weeks of the history; weekday-mean is the baseline it never scores worse than. ' +
      'A channel whose history is too short for the method asked gets the best method its history allows (down to weekday-mean on one week), with a warning',
    enum: GENERATE_METHODS,
  })
  @IsIn(GENERATE_METHODS)
  method!: GenerateMethod;

  @ApiPropertyOptional({ description: 'Weeks of history used, default 12 (at most 104)', minimum: 3, maximum: 104 })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(104)
  historyWeeks?: number;

  @ApiPropertyOptional({ description: 'Label of the new version (default "<method> forecast from <horizonStart>")' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  label?: string;

  @ApiPropertyOptional({ description: 'true: always answer 202 with a job. Otherwise runs over 400,000 history intervals in all are jobs, smaller ones answer 201 at once' })
  @IsOptional()
  @IsBoolean()
  async?: boolean;
}

export class ForecastBacktestDto {
  @ApiProperty({ description: 'Channel codes, at most 50 per request', type: [String] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  channels!: string[];

  @ApiProperty({ description: 'First forecast origin: a local date (YYYY-MM-DD); origins step one week', example: '1999-11-06' })
  @IsCivilDate({ message: 'from must be a date YYYY-MM-DD that exists, in the years 1900–2200' })
  from!: string;

  @ApiProperty({ description: 'End of the evaluated period (exclusive local date): every horizon ends by then', example: '1999-12-31' })
  @IsCivilDate({ message: 'to must be a date YYYY-MM-DD that exists, in the years 1900–2200' })
  to!: string;

  @ApiProperty({ description: 'Days forecast at each origin, 1 to 91', minimum: 1, maximum: 91 })
  @IsInt()
  @Min(1)
  @Max(91)
  horizonDays!: number;

  @ApiPropertyOptional({ description: 'Methods to evaluate (default every method; `auto` on request: the choice auto would have made at each origin)', enum: BACKTEST_METHODS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(BACKTEST_METHODS, { each: true })
  methods?: ForecastChoice[];

  @ApiPropertyOptional({ description: 'Weeks of history each origin is fitted on, default 12', minimum: 2, maximum: 104 })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(104)
  historyWeeks?: number;
}

/** Accuracy measures of one level (interval or day): fractions, not percentages. */
export class AccuracyDto {
  @ApiProperty({ description: 'Σ|F−A| ÷ ΣA' }) wape!: number | null;
  @ApiProperty({ description: 'Mean |F−A| ÷ A over points with A > 0' }) mape!: number | null;
  @ApiProperty({ description: '(ΣF − ΣA) ÷ ΣA: the seed forecast accuracy of the total' }) bias!: number | null;
  @ApiProperty({ description: 'Share of points with A > 0 whose (F − A) ÷ A is within ±5%' }) withinFivePercent!: number | null;
  @ApiProperty({ description: 'ΣF' }) sumForecast!: number;
  @ApiProperty({ description: 'ΣA' }) sumActual!: number;
  @ApiProperty({ description: 'Points compared' }) points!: number;
}

export class MonthAccuracyDto {
  @ApiProperty({ description: 'Local month YYYY-MM' }) month!: string;
  @ApiProperty({ description: 'ΣF of the month' }) forecast!: number;
  @ApiProperty({ description: 'ΣA of the month' }) actual!: number;
  @ApiProperty({ description: 'The seed forecast accuracy (F − A) ÷ A of the month; null when A = 0' }) accuracy!: number | null;
}

export class BacktestResultDto {
  @ApiProperty({ description: 'Channel code' }) channel!: string;
  @ApiProperty({ enum: BACKTEST_METHODS, description: 'Method evaluated' }) method!: ForecastChoice;
  @ApiProperty({ description: 'Forecast origins evaluated' }) origins!: number;
  @ApiProperty({ type: AccuracyDto, description: 'Measures over every interval of the horizons' }) interval!: AccuracyDto;
  @ApiProperty({ type: AccuracyDto, description: 'Measures over the daily totals' }) daily!: AccuracyDto;
  @ApiProperty({ type: [MonthAccuracyDto], description: 'Forecast and actual per local month of the horizons, with the seed accuracy' }) byMonth!: MonthAccuracyDto[];
}

/** Missing data of a channel's history: what the scores and the fit left out. */
export class MissingDataDto {
  @ApiProperty({ description: 'Local dates of open days with no actuals row at all (an ACD outage, a lost file); special days of the calendar are not listed', type: [String], example: ['1999-12-08'] })
  days!: string[];
  @ApiProperty({ description: 'Intervals inside the open hours with no actuals row, those of the missing days included: left out of fitting and of every accuracy measure' })
  intervals!: number;
}

export class BacktestResponseDto {
  @ApiProperty({ type: [BacktestResultDto], description: 'One row per channel and method' }) data!: BacktestResultDto[];
  @ApiProperty({ description: 'Per channel, the method with the lowest interval WAPE', type: 'object', additionalProperties: { type: 'string' } })
  best!: Record<string, ForecastChoice>;
  @ApiProperty({
    description: 'Per channel, the missing days (local dates of open days with no actuals row) and missing intervals (inside the open hours, no row) of the history loaded (training and evaluated weeks)',
    type: 'object',
    additionalProperties: { type: 'object', properties: { days: { type: 'array', items: { type: 'string' } }, intervals: { type: 'integer' } } },
  })
  missing!: Record<string, MissingDataDto>;
}

export class GenerateWarningDto {
  @ApiProperty({ description: 'Channel code' }) channel!: string;
  @ApiProperty({ description: 'SHORT_HISTORY: forecast with the best method its history allows; INSUFFICIENT_HISTORY: not forecast', enum: ['SHORT_HISTORY', 'INSUFFICIENT_HISTORY'] })
  code!: 'SHORT_HISTORY' | 'INSUFFICIENT_HISTORY';
  @ApiProperty({ description: 'What happened, for the planner' }) message!: string;
}

/** What generate records per channel in the version's metadata. */
export interface ChannelModelJson {
  method: ForecastMethod;
  /** The single methods averaged (combination), else the method itself. */
  members: SingleMethod[];
  /** First and last local day of the history used (inclusive); it ends with the last day that has actuals. */
  historyStart: string;
  historyEnd: string;
  historyDays: number;
  /** Interval and daily WAPE of each method tried on the last weeks of the history (auto: every candidate); null without a back-test. */
  backtest: Partial<Record<ForecastMethod, { intervalWape: number | null; dailyWape: number | null; origins: number }>> | null;
  specialDays: number;
  /** Local dates of open days of the history with no actuals row (not learnt from). */
  missingDays: string[];
  /** Intervals inside the open hours of the history with no actuals row, missing days included. */
  missingIntervals: number;
  /** Why this channel got another method than asked (a short history); null when it did not. */
  warning: string | null;
}

export interface ForecastModelMetadataJson {
  method: GenerateMethod;
  horizonStart: string;
  horizonDays: number;
  historyWeeks: number;
  channels: Record<string, ChannelModelJson>;
  /** Channels forecast with another method than asked, or not at all. */
  warnings?: GenerateWarningDto[];
}

export class ForecastGenerateResponseDto {
  @ApiProperty({ description: 'The new forecast version (as GET /forecasts/{id})' }) version!: ForecastVersionJson;
  @ApiProperty({ description: 'Method chosen per channel, its back-test scores, and the missing days and intervals of its history (also stored with the version)' }) metadata!: ForecastModelMetadataJson;
  @ApiProperty({ type: [GenerateWarningDto], description: 'Channels forecast with another method than asked (short history), or left out (less than a week of actuals)' }) warnings!: GenerateWarningDto[];
  @ApiProperty({ description: 'Generation time in milliseconds' }) elapsedMs!: number;
}
