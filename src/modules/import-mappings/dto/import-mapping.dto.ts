import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { UPLOAD_KINDS, type UploadKind } from '../../../core/ingest/types.js';

const FIELD_DOC =
  'Canonical column (snake_case, e.g. arrived_at) to its source: a column name, or { column | columns (first non-empty wins) | value (constant), ' +
  'dateColumn (timestamps split into a date and a time-of-day column), values (value map, e.g. {"AGENT": "answered"}) }';

/** PUT body: how to read a foreign file (the whole mapping). */
export class ImportMappingPutDto {
  @ApiPropertyOptional({ description: 'What the mapping is for', example: 'Anonymous Bank per-call export (1999)' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;

  @ApiProperty({ description: 'Upload kind the mapping reads', enum: UPLOAD_KINDS })
  @IsIn(UPLOAD_KINDS)
  kind: UploadKind;

  @ApiPropertyOptional({ description: 'Field delimiter: ",", ";", "\\t" (or "tab"), "|" or "whitespace" (runs of blanks and tabs, no quoting)', default: ',' })
  @IsOptional()
  @IsString()
  delimiter?: string;

  @ApiPropertyOptional({ description: 'Format of date columns: yyyy|yy, mm|m, dd|d and literals, e.g. yymmdd or dd/mm/yyyy' })
  @IsOptional()
  @IsString()
  dateFormat?: string;

  @ApiPropertyOptional({ description: 'Format of time-of-day columns: hh|h, mm|m, ss|s and literals, e.g. H:MM:SS' })
  @IsOptional()
  @IsString()
  timeFormat?: string;

  @ApiPropertyOptional({ description: 'Format of one-column timestamps, e.g. dd/mm/yyyy hh:mm (m before the hour is the month); absent: ISO 8601' })
  @IsOptional()
  @IsString()
  dateTimeFormat?: string;

  @ApiPropertyOptional({ description: 'Source values meaning "empty", by source column, e.g. {"q_start": ["0:00:00"]}', type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } })
  @IsOptional()
  @IsObject()
  nullValues?: Record<string, string[]>;

  @ApiPropertyOptional({ description: 'Rows to leave out: every condition of one rule must hold (source column: value, or null for empty), e.g. [{"outcome": "HANG", "q_start": null}]', type: 'array', items: { type: 'object', additionalProperties: true } })
  @IsOptional()
  @IsArray()
  skipRows?: Array<Record<string, string | null>>;

  @ApiPropertyOptional({ description: 'Calls crossing midnight: a time of day more than 12 hours before this column\'s time is on the next day', type: 'object', properties: { referenceColumn: { type: 'string' } } })
  @IsOptional()
  @IsObject()
  crossMidnight?: { referenceColumn: string };

  @ApiProperty({ description: FIELD_DOC, type: 'object', additionalProperties: true })
  @IsObject()
  fields: Record<string, unknown>;
}

export class ImportMappingResponseDto extends ImportMappingPutDto {
  @ApiProperty({ description: 'Name of the mapping (path key; use it as ?mapping=name)' })
  name: string;
  @ApiProperty({ description: 'Created (ISO 8601)' })
  createdAt: string;
  @ApiProperty({ description: 'Last replaced (ISO 8601)' })
  updatedAt: string;
}

export class ImportMappingListDto {
  @ApiProperty({ type: [ImportMappingResponseDto], description: 'Mappings by name' })
  data: ImportMappingResponseDto[];
  @ApiProperty({ description: 'Cursor of the next page; always null (a tenant has few mappings)', nullable: true, type: String })
  next: string | null;
}
