import { ApiProperty } from '@nestjs/swagger';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export class JobDto {
  @ApiProperty({ description: 'Job id (UUID)', format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'What the job does, e.g. forecast-generate' }) kind!: string;
  @ApiProperty({ description: 'Job status', enum: JOB_STATUSES }) status!: JobStatus;
  @ApiProperty({ description: 'Fraction done, 0..1' }) progress!: number;
  @ApiProperty({ description: 'The answer the synchronous call would have given, once succeeded', nullable: true, type: 'object', additionalProperties: true }) result!: unknown;
  @ApiProperty({ description: 'The error body the synchronous call would have given, once failed', nullable: true, type: 'object', additionalProperties: true })
  error!: { statusCode: number; code: string; message: string; details?: Record<string, unknown> } | null;
  @ApiProperty({ description: 'When the job was created' }) createdAt!: string;
  @ApiProperty({ description: 'When it finished', nullable: true, type: String }) finishedAt!: string | null;
}
