import { ApiProperty } from '@nestjs/swagger';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The error body a failed job carries: the one the synchronous call would have answered. */
export interface JobErrorJson {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export class JobDto {
  @ApiProperty({ description: 'Job id (UUID)', format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'What the job does, e.g. forecast-generate' }) kind!: string;
  @ApiProperty({ description: 'Job status: queued, running, then succeeded or failed', enum: JOB_STATUSES }) status!: JobStatus;
  @ApiProperty({ description: 'Fraction done, 0..1' }) progress!: number;
  @ApiProperty({ description: 'The answer the synchronous call would have given, once succeeded', nullable: true, type: 'object', additionalProperties: true }) result!: unknown;
  @ApiProperty({
    description: 'The error body the synchronous call would have given, once failed; JOB_INTERRUPTED (503) when the process running the job stopped before it finished (start it again)',
    nullable: true, type: 'object', additionalProperties: true,
  })
  error!: JobErrorJson | null;
  @ApiProperty({ description: 'When the job was created (UTC)', format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'When its status or progress last changed (UTC)', format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'When it finished (UTC), null while queued or running', nullable: true, type: String, format: 'date-time' }) finishedAt!: string | null;
}
