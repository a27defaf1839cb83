import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { INTERVAL_MINUTES, MEDIA, type IntervalMinutes, type Media, type OpeningHours } from '../channel.js';

/** PUT body: the whole channel (fields left out take their documented default). */
export class ChannelPutDto {
  @ApiProperty({ description: 'Display name', example: 'Retail banking' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ description: 'Medium of the contacts', enum: MEDIA, example: 'voice-inbound' })
  @IsIn(MEDIA)
  media: Media;

  @ApiProperty({ description: 'IANA time zone of the channel: intervals and days are cut in it', example: 'Europe/Berlin' })
  @IsString()
  timeZone: string;

  @ApiPropertyOptional({ description: 'Interval length in minutes', enum: INTERVAL_MINUTES, default: 30 })
  @IsOptional()
  @IsIn(INTERVAL_MINUTES)
  intervalMinutes?: IntervalMinutes;

  @ApiPropertyOptional({ description: 'Service level target, fraction in (0, 1]', default: 0.8, minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(Number.MIN_VALUE)
  @Max(1)
  serviceLevelTarget?: number;

  @ApiPropertyOptional({ description: 'Service level threshold in seconds ("answered within t s")', default: 20, minimum: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(31_536_000)
  thresholdSeconds?: number;

  @ApiPropertyOptional({ description: 'Maximum average speed of answer in seconds', nullable: true, type: Number })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxAsaSeconds?: number | null;

  @ApiPropertyOptional({ description: 'Maximum abandon rate, fraction (Erlang A)', nullable: true, type: Number })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  maxAbandonRate?: number | null;

  @ApiPropertyOptional({ description: 'Occupancy cap, fraction in (0, 1]', nullable: true, type: Number })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(Number.MIN_VALUE)
  @Max(1)
  maxOccupancy?: number | null;

  @ApiPropertyOptional({ description: 'Occupancy floor, fraction: below it staffing is flagged as over-staffed', nullable: true, type: Number })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minOccupancy?: number | null;

  @ApiPropertyOptional({ description: 'Response time objective in hours (deferred media: email, back-office, postal)', nullable: true, type: Number })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  responseTimeHours?: number | null;

  @ApiPropertyOptional({ description: 'Shrinkage, fraction in [0, 1): share of paid time not available for contacts', default: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(0.99)
  shrinkage?: number;

  @ApiPropertyOptional({ description: 'Mean patience of callers in seconds (Erlang A), at most 86400 (a day)', nullable: true, type: Number, maximum: 86_400 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(Number.MIN_VALUE)
  @Max(86_400)
  patienceSeconds?: number | null;

  @ApiPropertyOptional({ description: 'Contacts an agent handles at once (chat); effective handle time = AHT / concurrency', default: 1, minimum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(20)
  concurrency?: number;

  @ApiPropertyOptional({
    description:
      'Open hours per ISO weekday (mon … sun) in local times HH:MM, end exclusive (24:00 allowed); a weekday left out or with [] is closed. ' +
      'Forecasting reads an interval inside them with no actuals row as missing (not zero) and forecasts 0 outside them. null (default): learnt from the recent history',
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
    example: { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], sat: [['09:00', '13:00']] },
  })
  @IsOptional()
  @IsObject()
  openingHours?: OpeningHours | null;
}

export class ChannelResponseDto {
  @ApiProperty({ description: 'Channel code (path key)', example: 'retail' })
  code: string;
  @ApiProperty({ description: 'Display name' })
  name: string;
  @ApiProperty({ description: 'Medium', enum: MEDIA })
  media: Media;
  @ApiProperty({ description: 'IANA time zone' })
  timeZone: string;
  @ApiProperty({ description: 'Interval length in minutes', enum: INTERVAL_MINUTES })
  intervalMinutes: IntervalMinutes;
  @ApiProperty({ description: 'Service level target (fraction)' })
  serviceLevelTarget: number;
  @ApiProperty({ description: 'Service level threshold (seconds)' })
  thresholdSeconds: number;
  @ApiProperty({ description: 'Maximum ASA (seconds)', nullable: true, type: Number })
  maxAsaSeconds: number | null;
  @ApiProperty({ description: 'Maximum abandon rate (fraction)', nullable: true, type: Number })
  maxAbandonRate: number | null;
  @ApiProperty({ description: 'Occupancy cap (fraction)', nullable: true, type: Number })
  maxOccupancy: number | null;
  @ApiProperty({ description: 'Occupancy floor (fraction)', nullable: true, type: Number })
  minOccupancy: number | null;
  @ApiProperty({ description: 'Response time objective (hours)', nullable: true, type: Number })
  responseTimeHours: number | null;
  @ApiProperty({ description: 'Shrinkage (fraction)' })
  shrinkage: number;
  @ApiProperty({ description: 'Mean patience (seconds)', nullable: true, type: Number })
  patienceSeconds: number | null;
  @ApiProperty({ description: 'Concurrent contacts per agent' })
  concurrency: number;
  @ApiProperty({ description: 'Open hours per ISO weekday (local HH:MM ranges); null: learnt from the history', nullable: true, type: 'object', additionalProperties: true })
  openingHours: OpeningHours | null;
  @ApiProperty({ description: 'Created (ISO 8601)' })
  createdAt: string;
  @ApiProperty({ description: 'Last changed (ISO 8601)' })
  updatedAt: string;
}

export class ChannelListDto {
  @ApiProperty({ type: [ChannelResponseDto], description: 'Channels by code' })
  data: ChannelResponseDto[];
  @ApiProperty({ description: 'Cursor of the next page; null: no more', nullable: true, type: String })
  next: string | null;
}
