import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../listing/paging.js';

export class ForecastUploadOptionsDto {
  @ApiPropertyOptional({ description: 'Label of the new version (else the multipart field label, the JSON label, or the file name)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  label?: string;

  @ApiPropertyOptional({ description: 'Name of a saved import mapping of kind forecast' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  mapping?: string;
}

export class ForecastListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only versions with this channel' })
  @IsOptional()
  @IsString()
  channel?: string;

}

export class ForecastVersionDto {
  @ApiProperty({ description: 'Version id (UUID)', format: 'uuid' })
  id: string;
  @ApiProperty({ description: 'Label given by the uploader' })
  label: string;
  @ApiProperty({ description: 'upload, or model:<name> for versions made by a forecasting model', example: 'upload' })
  source: string;
  @ApiProperty({ description: 'API key that created the version', nullable: true, type: String })
  createdByKeyId: string | null;
  @ApiProperty({ description: 'Name of that API key', nullable: true, type: String })
  createdByKeyName: string | null;
  @ApiProperty({ description: 'When the version was created (ISO 8601)' })
  createdAt: string;
  @ApiProperty({ description: 'Channel codes of the version', type: [String] })
  channels: string[];
  @ApiProperty({ description: 'First interval start (UTC)', nullable: true, type: String })
  firstIntervalStart: string | null;
  @ApiProperty({ description: 'Last interval start (UTC)', nullable: true, type: String })
  lastIntervalStart: string | null;
  @ApiProperty({ description: 'Intervals in the version' })
  rowCount: number;
  @ApiProperty({ description: 'SHA-256 of the uploaded content (hex)' })
  contentSha256: string;
  @ApiProperty({ description: 'The upload that created the version', nullable: true, type: String })
  uploadId: string | null;
  @ApiProperty({ description: 'Model versions: the method chosen per channel and its back-test scores (POST /forecasts/generate); null for uploads', nullable: true, type: 'object', additionalProperties: true })
  metadata?: Record<string, unknown> | null;
}

export class ForecastUploadDto extends ForecastVersionDto {
  @ApiProperty({ description: 'True: the same content (or Idempotency-Key) was uploaded before; this is the first version and nothing was written' })
  duplicate: boolean;
}

export class ForecastVersionListDto {
  @ApiProperty({ type: [ForecastVersionDto], description: 'Versions, newest first' })
  data: ForecastVersionDto[];
  @ApiProperty({ description: 'Cursor of the next page; null: no more', nullable: true, type: String })
  next: string | null;
}

export class ForecastIntervalDto {
  @ApiProperty({ description: 'Channel code' })
  channel: string;
  @ApiProperty({ description: 'Interval start, UTC (ISO 8601)', example: '2026-03-02T08:30:00Z' })
  periodStart: string;
  @ApiProperty({ description: "Interval start on the channel's wall clock, with offset", example: '2026-03-02T09:30:00+01:00' })
  periodStartLocal: string;
  @ApiProperty({ description: 'Contacts expected' })
  volume: number;
  @ApiProperty({ description: 'Average handle time, seconds' })
  ahtSeconds: number;
  @ApiProperty({ description: 'Shrinkage (fraction); null: the channel default applies', nullable: true, type: Number })
  shrinkage: number | null;
  @ApiProperty({ description: '10th percentile of the volume (generated versions: from the back-test errors and Poisson noise); null when the version has no band', nullable: true, type: Number })
  volumeP10: number | null;
  @ApiProperty({ description: '90th percentile of the volume; null when the version has no band', nullable: true, type: Number })
  volumeP90: number | null;
}

export class ForecastIntervalListDto {
  @ApiProperty({ type: [ForecastIntervalDto], description: 'Intervals by channel code, then start' })
  data: ForecastIntervalDto[];
  @ApiProperty({ description: 'Cursor of the next page; null: no more', nullable: true, type: String })
  next: string | null;
}
