import { ApiProperty } from '@nestjs/swagger';
import { KPI_INPUT_KINDS, type KpiInputKind } from '../../uploads/ingest.types.js';

export class KpiInputUploadResponseDto {
  @ApiProperty({ description: 'Upload id (UUID); for a duplicate, the id of the first upload', format: 'uuid' })
  uploadId: string;
  @ApiProperty({ description: 'What was uploaded', enum: KPI_INPUT_KINDS })
  kind: KpiInputKind;
  @ApiProperty({ description: 'Data rows accepted' })
  rows: number;
  @ApiProperty({ description: 'Rows stored under a natural key that was new' })
  inserted: number;
  @ApiProperty({ description: 'Rows that replaced a stored row with the same natural key (0 for evaluations and surveys, which have none)' })
  replaced: number;
  @ApiProperty({ description: 'true: the same bytes (or Idempotency-Key) were uploaded before; this is the first result and nothing was written' })
  duplicate: boolean;
}
