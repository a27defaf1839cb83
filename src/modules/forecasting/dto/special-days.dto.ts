import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsNumber, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsCivilDate } from '../../../platform/http/is-civil-date.js';

export const SPECIAL_DAY_KINDS = ['closed', 'holiday', 'event'] as const;
export type SpecialDayKind = (typeof SPECIAL_DAY_KINDS)[number];

export class SpecialDayDto {
  @ApiProperty({ description: 'Local date of the channel(s), YYYY-MM-DD', example: '2026-12-25' })
  @IsCivilDate({ message: 'date must be a date YYYY-MM-DD that exists, in the years 1900–2200' })
  date!: string;

  @ApiPropertyOptional({ description: 'Channel code; omitted for every channel of the tenant' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  channel?: string;

  @ApiProperty({ description: 'What the day is', example: 'Christmas' })
  @IsString()
  @Length(1, 200)
  label!: string;

  @ApiProperty({ description: '`closed` forecasts 0; `holiday` forecasts volumeFactor × normal (default 0); `event` volumeFactor × normal (default 1). All are excluded from training.', enum: SPECIAL_DAY_KINDS })
  @IsIn(SPECIAL_DAY_KINDS)
  kind!: SpecialDayKind;

  @ApiPropertyOptional({ description: 'Volume factor of a holiday or event (fraction of a normal day, ≥ 0, at most 10)', minimum: 0, maximum: 10 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(10)
  volumeFactor?: number;
}

export class SpecialDaysPutDto {
  @ApiProperty({ type: [SpecialDayDto], description: 'Days to create or replace (natural key: date and channel)' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(5000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SpecialDayDto)
  days!: SpecialDayDto[];
}

export class SpecialDaysQueryDto {
  @ApiPropertyOptional({ description: 'First date (inclusive), default 0001-01-01' })
  @IsOptional()
  @IsCivilDate({ message: 'from must be a date YYYY-MM-DD that exists, in the years 1900–2200' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last date (exclusive), default 9999-12-31' })
  @IsOptional()
  @IsCivilDate({ message: 'to must be a date YYYY-MM-DD that exists, in the years 1900–2200' })
  to?: string;
}

export class SpecialDayResponseDto {
  @ApiProperty({ description: 'Local date YYYY-MM-DD' }) date!: string;
  @ApiProperty({ description: 'Channel code, or null for every channel', nullable: true, type: String }) channel!: string | null;
  @ApiProperty({ description: 'Label' }) label!: string;
  @ApiProperty({ description: 'Kind', enum: SPECIAL_DAY_KINDS }) kind!: SpecialDayKind;
  @ApiProperty({ description: 'Volume factor, or null for the kind default', nullable: true, type: Number }) volumeFactor!: number | null;
}

export class SpecialDayListDto {
  @ApiProperty({ type: [SpecialDayResponseDto], description: 'Special days by date then channel' }) data!: SpecialDayResponseDto[];
  @ApiProperty({ description: 'Always null: the calendar is one page', nullable: true, type: String }) next!: string | null;
}
