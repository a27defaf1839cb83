import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { IntervalQueryDto } from '../../listing/interval-query.js';
import type { KpiFamily, KpiGranularity } from '../kpi-source.js';

export const KPI_FAMILIES: readonly KpiFamily[] = [
  'workload-forecasting', 'agent-accessibility', 'resource-accessibility', 'resolution-quality',
  'employee-satisfaction', 'customer-satisfaction', 'strategic-value',
];
export const KPI_GRANULARITIES: readonly KpiGranularity[] = ['interval', 'day', 'week', 'month'];

const list = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value);

/** Query of GET /api/v1/kpis. */
export class KpiQueryDto extends IntervalQueryDto {
  @ApiPropertyOptional({ description: 'KPI family; default every family', enum: KPI_FAMILIES })
  @IsOptional()
  @IsIn(KPI_FAMILIES)
  family?: KpiFamily;

  @ApiPropertyOptional({ description: 'KPI code (see /api/v1/kpis/catalogue); repeat for several. Default: every KPI of the family', type: [String] })
  @IsOptional()
  @Transform(list)
  @IsString({ each: true })
  kpi?: string[];

  @ApiPropertyOptional({
    description: 'day (default), week (ISO, Monday), month (stored rollups, cut in the channel zone; the all-channels rows `*` in the tenant zone), or interval (computed on read from the source tables; from and to required, at most 31 days apart)',
    enum: KPI_GRANULARITIES,
  })
  @IsOptional()
  @IsIn(KPI_GRANULARITIES)
  granularity?: KpiGranularity;

  @ApiPropertyOptional({
    description: 'Forecast version id for forecast-error and forecast-within-tolerance-share; default (stored rows): the newest version holding each interval. With it, the listing is computed on read (at most 366 days; 31 for interval)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  forecastVersion?: string;

  @ApiPropertyOptional({
    description: "Split rows to list. Default: only the rows over everything (dimension ''), as before splits existed. " +
      'A dimension name (`contact-type`): its rows, one per value (`contact-type:PS`, `contact-type:PE`, ...); ' +
      '`name:value` (`contact-type:PS`): that value only. Split so far: cost-per-contact by contact-type (the contact type of cost entries and per-contact records)',
    example: 'contact-type',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]*(:.+)?$/, { message: 'must be a dimension name (contact-type) or name:value (contact-type:PS)' })
  dimension?: string;
}

/** CSV columns, in order (the JSON fields are their camelCase names); `dimension` last, so that readers of the earlier columns by position see no change. */
export const KPI_COLUMNS = [
  'channel', 'period_start', 'period_start_local', 'granularity', 'family', 'kpi', 'unit',
  'numerator', 'denominator', 'value', 'detail', 'computed_at', 'dimension',
] as const;

/** One KPI of one channel (or all channels) and period. */
export class KpiRowDto {
  @ApiProperty({ description: 'Channel code; `*` for all channels together' }) channel!: string;
  @ApiProperty({ description: 'Period start (UTC)' }) periodStart!: string;
  @ApiProperty({ description: 'Period start on the wall clock of the channel (of the tenant zone for `*`), with offset' }) periodStartLocal!: string;
  @ApiProperty({ description: 'interval, day, week or month', enum: KPI_GRANULARITIES }) granularity!: KpiGranularity;
  @ApiProperty({ description: 'KPI family', enum: KPI_FAMILIES }) family!: KpiFamily;
  @ApiProperty({ description: 'KPI code' }) kpi!: string;
  @ApiProperty({ description: 'Unit of the value: ratio (0..1), seconds, score, currency, per-year, attempts' }) unit!: string;
  @ApiProperty({ description: 'Summed numerator of the period' }) numerator!: number;
  @ApiProperty({ description: 'Summed denominator of the period (value = numerator ÷ denominator, recomputed from sums, never averaged)' }) denominator!: number;
  @ApiProperty({ description: 'The KPI value; null when undefined (e.g. survey responses on mixed scales)', nullable: true, type: Number }) value!: number | null;
  @ApiProperty({ description: 'What the value needs to be read: the survey scale ({scaleMin, scaleMax}) or the currency ({currency}); null otherwise', nullable: true, type: 'object', additionalProperties: true }) detail!: Record<string, unknown> | null;
  @ApiProperty({ description: 'When the row was computed (UTC); null for interval rows, computed on read', nullable: true, type: String }) computedAt!: string | null;
  @ApiProperty({ description: "The split of the row: '' over everything, else `name:value`, e.g. `contact-type:PS` (see the query parameter dimension)", example: '' }) dimension!: string;
}

export class KpiListDto {
  @ApiProperty({ type: [KpiRowDto], description: 'Rows by channel code (`*` first), then period start, then KPI code, then dimension' }) data!: KpiRowDto[];
  @ApiProperty({ description: 'Cursor of the next page, or null', nullable: true, type: String }) next!: string | null;
}

/** One KPI of the catalogue. */
export class KpiCatalogueEntryDto {
  @ApiProperty({ description: 'KPI code (kebab-case)' }) code!: string;
  @ApiProperty({ description: 'Name' }) name!: string;
  @ApiProperty({ description: 'Family of the seed paper', enum: KPI_FAMILIES }) family!: KpiFamily;
  @ApiProperty({ description: 'The formula in words' }) formula!: string;
  @ApiProperty({ description: 'Unit: ratio (0..1), seconds, score, currency, per-year, attempts, ...' }) unit!: string;
  @ApiProperty({ description: 'Which way is good', enum: ['higher-is-better', 'lower-is-better', 'closer-to-zero-is-better'] }) direction!: string;
  @ApiProperty({ description: 'Tables or uploads the KPI is computed from', type: [String] }) inputs!: string[];
  @ApiProperty({ description: 'Granularities the KPI is available in', enum: KPI_GRANULARITIES, isArray: true }) granularities!: KpiGranularity[];
  @ApiProperty({ description: 'Whether this tenant has input data for the KPI' }) hasData!: boolean;
}

export class KpiCatalogueDto {
  @ApiProperty({ type: [KpiCatalogueEntryDto], description: 'Every KPI, by family then code' }) data!: KpiCatalogueEntryDto[];
  @ApiProperty({ description: 'Always null: the catalogue is one page', nullable: true, type: String }) next!: string | null;
}

/** Query of POST /api/v1/kpis/recompute. */
export class KpiRecomputeQueryDto {
  @ApiProperty({ description: 'Inclusive start: an instant with offset or a date (UTC midnight); widened to whole periods' })
  @IsString()
  from!: string;

  @ApiProperty({ description: 'Exclusive end: an instant with offset or a date (UTC midnight)' })
  @IsString()
  to!: string;
}

export class KpiRecomputeCountsDto {
  @ApiProperty({ description: 'Rows written for days' }) day!: number;
  @ApiProperty({ description: 'Rows written for ISO weeks' }) week!: number;
  @ApiProperty({ description: 'Rows written for months' }) month!: number;
}

export class KpiRecomputeResultDto {
  @ApiProperty({ description: 'Start of the recomputed range, widened to whole months in every zone of the tenant (UTC)' }) fromUtc!: string;
  @ApiProperty({ description: 'End of the recomputed range (exclusive, UTC)' }) toUtc!: string;
  @ApiProperty({ type: KpiRecomputeCountsDto, description: 'Rows written per granularity' }) rows!: KpiRecomputeCountsDto;
  @ApiProperty({ description: 'Stored rows deleted (replaced) in the range' }) deleted!: number;
  @ApiProperty({ description: 'Duration of the recompute in milliseconds' }) durationMs!: number;
}
