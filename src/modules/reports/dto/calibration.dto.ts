import { ApiProperty } from '@nestjs/swagger';
import { IntervalQueryDto } from '../../listing/interval-query.js';

/** GET /reports/calibration: channel (repeatable), from, to, format, limit, cursor (the common listing parameters). */
export class CalibrationQueryDto extends IntervalQueryDto {}

/** Where the patience Erlang A used comes from. */
export const PATIENCE_SOURCES = ['estimated', 'channel', 'unbounded', 'none', 'per-channel'] as const;
export type PatienceSource = (typeof PATIENCE_SOURCES)[number];

/** CSV columns, in order (the JSON fields are their camelCase names). */
export const CALIBRATION_COLUMNS = [
  'channel', 'intervals', 'offered', 'abandoned', 'wait_seconds', 'abandoned_wait_logged', 'abandonment_rate_per_second', 'patience_seconds',
  'erlang_a_patience_seconds', 'erlang_a_patience_source',
  'erlang_c_intervals', 'erlang_c_residual_mean', 'erlang_c_residual_std_dev', 'erlang_c_residual_p10', 'erlang_c_residual_p50',
  'erlang_c_residual_p90', 'erlang_c_residual_mean_abs',
  'erlang_a_intervals', 'erlang_a_residual_mean', 'erlang_a_residual_std_dev', 'erlang_a_residual_p10', 'erlang_a_residual_p50',
  'erlang_a_residual_p90', 'erlang_a_residual_mean_abs',
] as const;

const n = { nullable: true, type: Number } as const;
const RESIDUAL = 'service_level_achieved − service_level_predicted of the intervals with actuals and staffed agents (each interval counts once)';

/**
 * How far the queueing models were from reality for one channel (or `*`, all channels) over
 * [from, to). Residual statistics are null when no interval qualifies (standard deviation: fewer than 2).
 */
export class CalibrationRowDto {
  @ApiProperty({ description: 'Channel code; `*` for all the channels listed together (listed first)' }) channel!: string;
  @ApiProperty({ description: 'Intervals with actuals in the range (the sample of the patience estimate)' }) intervals!: number;
  @ApiProperty({ description: 'Σ offered contacts of those intervals' }) offered!: number;
  @ApiProperty({ description: 'Σ abandoned contacts' }) abandoned!: number;
  @ApiProperty({ description: 'Σ time in queue of answered and abandoned contacts, seconds: the wait of answered contacts (interval actuals) plus that of abandoned ones (per-contact logs where every abandoned contact of the interval is logged, else abandoned × the interval ASA)' }) waitSeconds!: number;
  @ApiProperty({ description: 'Abandoned contacts whose wait comes from per-contact logs (the others are imputed at the interval ASA)' }) abandonedWaitLogged!: number;
  @ApiProperty({ ...n, description: 'θ = abandoned ÷ wait_seconds, per second (maximum-likelihood rate of exponential patience); 0 with no abandonment; null when abandonment has no recorded wait' }) abandonmentRatePerSecond!: number | null;
  @ApiProperty({ ...n, description: 'Mean patience 1/θ, seconds: the patience that best explains the observed abandonment; null with no abandonment (unbounded) or when θ is null' }) patienceSeconds!: number | null;
  @ApiProperty({ ...n, description: 'Mean patience Erlang A was evaluated with, seconds: patience_seconds when estimated, else the channel setting; null when unbounded or per channel' }) erlangAPatienceSeconds!: number | null;
  @ApiProperty({ enum: PATIENCE_SOURCES, description: 'estimated (patience_seconds); channel (no estimate: the channel patience setting); unbounded (no abandonment and no channel setting: Erlang A at infinite patience, which is Erlang C); none (abandonment without recorded wait and no setting: Erlang A not evaluated); per-channel (the `*` row: each channel its own)' }) erlangAPatienceSource!: PatienceSource;
  @ApiProperty({ description: 'Intervals with a residual under Erlang C' }) erlangCIntervals!: number;
  @ApiProperty({ ...n, description: `Erlang C: mean of ${RESIDUAL} (> 0: reality beat the model)` }) erlangCResidualMean!: number | null;
  @ApiProperty({ ...n, description: 'Erlang C: sample standard deviation of the residual (n − 1)' }) erlangCResidualStdDev!: number | null;
  @ApiProperty({ ...n, description: 'Erlang C: 10th percentile of the residual (linear interpolation, Hyndman & Fan 7)' }) erlangCResidualP10!: number | null;
  @ApiProperty({ ...n, description: 'Erlang C: median residual' }) erlangCResidualP50!: number | null;
  @ApiProperty({ ...n, description: 'Erlang C: 90th percentile of the residual' }) erlangCResidualP90!: number | null;
  @ApiProperty({ ...n, description: 'Erlang C: mean absolute residual' }) erlangCResidualMeanAbs!: number | null;
  @ApiProperty({ description: 'Intervals with a residual under Erlang A' }) erlangAIntervals!: number;
  @ApiProperty({ ...n, description: `Erlang A at erlang_a_patience_seconds: mean of ${RESIDUAL}` }) erlangAResidualMean!: number | null;
  @ApiProperty({ ...n, description: 'Erlang A: sample standard deviation of the residual (n − 1)' }) erlangAResidualStdDev!: number | null;
  @ApiProperty({ ...n, description: 'Erlang A: 10th percentile of the residual' }) erlangAResidualP10!: number | null;
  @ApiProperty({ ...n, description: 'Erlang A: median residual' }) erlangAResidualP50!: number | null;
  @ApiProperty({ ...n, description: 'Erlang A: 90th percentile of the residual' }) erlangAResidualP90!: number | null;
  @ApiProperty({ ...n, description: 'Erlang A: mean absolute residual' }) erlangAResidualMeanAbs!: number | null;
}

export class CalibrationListDto {
  @ApiProperty({ type: [CalibrationRowDto], description: 'The all-channels row `*`, then one row per channel by code' }) data!: CalibrationRowDto[];
  @ApiProperty({ description: 'Cursor of the next page, or null', nullable: true, type: String }) next!: string | null;
}
