import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { UPLOAD_KINDS } from '../../../core/ingest/types.js';
import { KPI_INPUT_KINDS, type RecordedUploadKind as UploadKind } from '../ingest.types.js';
import { PageQueryDto } from '../../listing/paging.js';

const KINDS: readonly UploadKind[] = [...UPLOAD_KINDS, 'schedules', 'agent-states', ...KPI_INPUT_KINDS, 'agents'];

const OUTCOMES = ['succeeded', 'duplicate', 'rejected', 'failed'];

export class UploadResponseDto {
  @ApiProperty({ description: 'Upload id (UUID)', format: 'uuid' })
  id: string;
  @ApiProperty({ description: 'What was uploaded', enum: KINDS })
  kind: UploadKind;
  @ApiProperty({ description: 'Id of the API key that uploaded; null for uploads of the engine itself (demo data)', nullable: true, type: String })
  keyId: string | null;
  @ApiProperty({ description: 'Name of that API key', nullable: true, type: String })
  keyName: string | null;
  @ApiProperty({ description: 'When the upload started (ISO 8601)' })
  startedAt: string;
  @ApiProperty({ description: 'When it finished (ISO 8601)' })
  finishedAt: string;
  @ApiProperty({ description: 'Wall-clock duration in milliseconds' })
  durationMs: number;
  @ApiProperty({ description: 'Bytes read (the file, or the JSON body)' })
  bytes: number;
  @ApiProperty({ description: 'Data rows accepted (0 when rejected before reading)' })
  rows: number;
  @ApiProperty({ description: 'succeeded, duplicate (same content or Idempotency-Key as an earlier success: nothing written), rejected (4xx), failed (5xx)', enum: OUTCOMES })
  outcome: string;
  @ApiProperty({ description: 'Error code of a rejected or failed upload', nullable: true, type: String })
  errorCode: string | null;
  @ApiProperty({ description: 'Error message of a rejected or failed upload', nullable: true, type: String })
  errorMessage: string | null;
  @ApiProperty({ description: 'Content type of the request', nullable: true, type: String })
  contentType: string | null;
  @ApiProperty({ description: 'Import mapping used (?mapping=)', nullable: true, type: String })
  mapping: string | null;
  @ApiProperty({ description: 'Idempotency-Key header of the request', nullable: true, type: String })
  idempotencyKey: string | null;
  @ApiProperty({ description: 'SHA-256 of the uploaded bytes (hex)', nullable: true, type: String })
  contentSha256: string | null;
  @ApiProperty({ description: 'For a duplicate: the upload whose result was answered', nullable: true, type: String })
  duplicateOf: string | null;
}

export class UploadListDto {
  @ApiProperty({ type: [UploadResponseDto], description: 'Uploads, newest first' })
  data: UploadResponseDto[];
  @ApiProperty({ description: 'Cursor of the next page; null: no more', nullable: true, type: String })
  next: string | null;
}

export class UploadQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only uploads of this kind', enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: UploadKind;

}
