import { ApiProperty } from '@nestjs/swagger';

export class DatabaseHealthDto {
  @ApiProperty({ description: 'up: the database answered SELECT 1', example: 'up' })
  status: 'up';

  @ApiProperty({ description: 'Milliseconds the database took to answer', example: 2 })
  responseTime: number;
}

export class HealthInfoDto {
  @ApiProperty({ description: 'The database check', type: DatabaseHealthDto })
  database: DatabaseHealthDto;
}

/** The answer of a healthy `GET /health`. */
export class HealthResponseDto {
  @ApiProperty({ description: 'ok: the engine and its database answer', example: 'ok' })
  status: 'ok';

  @ApiProperty({ description: 'What was checked', type: HealthInfoDto })
  info: HealthInfoDto;
}
