import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsNumber, Max, Min, ValidateNested } from 'class-validator';

import { IfPresent } from '../../../platform/http/if-present.js';
import { SERVICE_LEVEL_DEFINITIONS, type ServiceLevelDefinition } from '../../../core/queueing/service-level-definition.js';
import { MAX_AGENTS, MAX_DURATION_SECONDS, MAX_SHRINKAGE, MAX_TRAFFIC_ERLANGS, MAX_VOLUME_PER_INTERVAL } from '../../../core/staffing/staffing-limits.js';
import { STAFFING_MODELS, type StaffingModel } from '../../../core/staffing/staffing-types.js';

/** Largest number of intervals in one calculate or evaluate request. */
export const MAX_INTERVALS_PER_REQUEST = 100_000;

/** The limits every number of a request keeps to, for the OpenAPI description. */
const LIMITS =
  `Limits: volume <= ${MAX_VOLUME_PER_INTERVAL} per interval, ahtSeconds, patienceSeconds, thresholdSeconds and maxAsaSeconds <= ${MAX_DURATION_SECONDS} (a day), ` +
  `shrinkage <= ${MAX_SHRINKAGE}, agents <= ${MAX_AGENTS}, and the load volume × ahtSeconds ÷ concurrency ÷ interval seconds <= ${MAX_TRAFFIC_ERLANGS} Erlangs per interval ` +
  '(422 INVALID_INTERVALS naming the interval)';

const finite = { allowNaN: false, allowInfinity: false } as const;

export class StaffingGoalDto {
  @ApiPropertyOptional({ description: 'Service level target: fraction in (0, 1] of contacts answered within thresholdSeconds', example: 0.8 })
  @IfPresent()
  @IsNumber(finite)
  @Min(Number.MIN_VALUE)
  @Max(1)
  serviceLevelTarget?: number;

  @ApiPropertyOptional({ description: 'Service level threshold t in seconds (a wait <= t counts as within)', example: 20, maximum: MAX_DURATION_SECONDS })
  @IfPresent()
  @IsNumber(finite)
  @Min(0)
  @Max(MAX_DURATION_SECONDS)
  thresholdSeconds?: number;

  @ApiPropertyOptional({ description: 'Maximum average speed of answer (seconds, answered contacts)', example: 30, maximum: MAX_DURATION_SECONDS })
  @IfPresent()
  @IsNumber(finite)
  @Min(0)
  @Max(MAX_DURATION_SECONDS)
  maxAsaSeconds?: number;

  @ApiPropertyOptional({ description: 'Maximum abandon rate, abandoned / (abandoned + answered); Erlang A only', example: 0.05 })
  @IfPresent()
  @IsNumber(finite)
  @Min(0)
  @Max(1)
  maxAbandonRate?: number;

  @ApiPropertyOptional({ description: 'Occupancy cap, fraction in (0, 1]', example: 0.85 })
  @IfPresent()
  @IsNumber(finite)
  @Min(Number.MIN_VALUE)
  @Max(1)
  maxOccupancy?: number;

  @ApiPropertyOptional({ description: 'Occupancy floor: staffing below it is flagged with warning min-occupancy (over-staffed)', example: 0.6 })
  @IfPresent()
  @IsNumber(finite)
  @Min(0)
  @Max(1)
  minOccupancy?: number;

  @ApiPropertyOptional({ description: 'Maximum blocking probability (Erlang B: lines for a grade of service)', example: 0.01 })
  @IfPresent()
  @IsNumber(finite)
  @Min(Number.MIN_VALUE)
  @Max(1)
  maxBlocking?: number;
}

/** One interval of a request. Validated by the service in one pass (fast for 100,000 rows). */
export class StaffingIntervalDto {
  @ApiPropertyOptional({ description: 'Interval start (ISO 8601 with offset); echoed back', example: '2026-03-02T09:00:00Z' })
  start?: string;

  @ApiPropertyOptional({ description: "Channel code; echoed back. Without a request goal, the channel's stored goal, shrinkage, patience and concurrency apply", example: 'sales' })
  channel?: string;

  @ApiProperty({ description: `Contacts offered in the interval (finite, >= 0, <= ${MAX_VOLUME_PER_INTERVAL})`, example: 100, minimum: 0, maximum: MAX_VOLUME_PER_INTERVAL })
  volume: number;

  @ApiProperty({ description: `Average handle time in seconds (finite, > 0 when volume > 0, <= ${MAX_DURATION_SECONDS}); the load volume × ahtSeconds ÷ concurrency ÷ interval seconds must stay <= ${MAX_TRAFFIC_ERLANGS} Erlangs`, example: 180, minimum: 0, maximum: MAX_DURATION_SECONDS })
  ahtSeconds: number;

  @ApiPropertyOptional({ description: `Shrinkage of this interval, fraction in [0, ${MAX_SHRINKAGE}]; overrides the request shrinkage`, example: 0.25, minimum: 0, maximum: MAX_SHRINKAGE })
  shrinkage?: number;

  @ApiPropertyOptional({ description: `Agents on the phones (evaluate only): integer >= 0, <= ${MAX_AGENTS}`, example: 14, minimum: 0, maximum: MAX_AGENTS })
  agents?: number;
}

@ApiExtraModels(StaffingIntervalDto)
export class StaffingRequestDto {
  @ApiPropertyOptional({ description: 'Queueing model', enum: STAFFING_MODELS, default: 'erlang-c' })
  @IfPresent()
  @IsIn(STAFFING_MODELS)
  model?: StaffingModel;

  @ApiPropertyOptional({ description: 'Interval length in minutes', default: 30, example: 30 })
  @IfPresent()
  @IsNumber(finite)
  @Min(1)
  @Max(1440)
  intervalMinutes?: number;

  @ApiPropertyOptional({ description: 'Service goal; omitted: each interval uses the stored goal of its channel', type: StaffingGoalDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => StaffingGoalDto)
  goal?: StaffingGoalDto;

  @ApiPropertyOptional({ description: 'Service-level definition (coincide under Erlang C)', enum: SERVICE_LEVEL_DEFINITIONS, default: 'answered-or-abandoned-within/offered' })
  @IfPresent()
  @IsIn(SERVICE_LEVEL_DEFINITIONS)
  serviceLevelDefinition?: ServiceLevelDefinition;

  @ApiPropertyOptional({ description: `Shrinkage for every interval without its own, fraction in [0, ${MAX_SHRINKAGE}]`, example: 0.3, minimum: 0, maximum: MAX_SHRINKAGE })
  @IfPresent()
  @IsNumber(finite)
  @Min(0)
  @Max(MAX_SHRINKAGE)
  shrinkage?: number;

  @ApiPropertyOptional({ description: 'Mean patience in seconds before abandoning (required for Erlang A)', example: 120, maximum: MAX_DURATION_SECONDS })
  @IfPresent()
  @IsNumber(finite)
  @Min(Number.MIN_VALUE)
  @Max(MAX_DURATION_SECONDS)
  patienceSeconds?: number;

  @ApiPropertyOptional({ description: 'Contacts an agent handles at once (chat): effective handle time = AHT / concurrency', default: 1 })
  @IfPresent()
  @IsNumber(finite)
  @Min(1)
  @Max(100)
  concurrency?: number;

  @ApiProperty({ description: `Intervals, at most ${MAX_INTERVALS_PER_REQUEST} (more: 413 TOO_MANY_INTERVALS). ${LIMITS}`, type: [StaffingIntervalDto] })
  @IsArray()
  intervals: StaffingIntervalDto[];
}
