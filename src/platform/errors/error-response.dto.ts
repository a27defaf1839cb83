import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from './error-codes.js';

/** The one shape of every non-2xx answer. */
export class ErrorResponseDto {
  @ApiProperty({ description: 'HTTP status code', example: 422 })
  statusCode: number;

  @ApiProperty({ description: 'Machine-readable error code', enum: ERROR_CODES, example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ description: 'Human-readable message naming the field, line or column', example: 'intervals[0].volume: must be a finite number >= 0' })
  message: string;

  @ApiPropertyOptional({ description: 'Structured details: errorCount and errors [{ field | line, column, value, reason }], or requestId of a 500', type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;
}
