import { Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UploadRequest, type UploadSource } from '../uploads/upload-body.js';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { AdminOnly, ReadAccess, Roles } from '../../platform/auth/roles.js';
import { IntervalQueryDto } from '../listing/interval-query.js';
import { listingFormat, sendListing } from '../listing/send-listing.js';
import { ForecastIntervalListDto, ForecastListQueryDto, ForecastUploadDto, ForecastUploadOptionsDto, ForecastVersionDto, ForecastVersionListDto } from './dto/forecast.dto.js';
import { ForecastsService } from './forecasts.service.js';

@ApiTags('forecasts')
@Controller('api/v1/forecasts')
export class ForecastsController {
  constructor(private readonly service: ForecastsService) {}

  @Post()
  @Roles('planner')
  @ApiOperation({
    summary: 'Upload a forecast: creates a new immutable version',
    description:
      'CSV columns channel, interval_start, volume, aht_seconds, optional shrinkage, optional volume_p10 and volume_p90 (a prediction band, both or neither) (header required, any order); a multipart form with a ' +
      '`file` part (and an optional `label` field); or JSON { label, rows: [{ channel, intervalStart, volume, ahtSeconds, shrinkage?, volumeP10?, volumeP90? }] }. ' +
      'interval_start is on the channel grid: with an offset it is taken as is, without one it is local time of the channel.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody({ description: 'The forecast file or JSON', schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat-safe key: a second upload with the same key answers the first version (duplicate: true)' })
  @ApiCreatedResponse({ type: ForecastUploadDto, description: '201 created; 200 duplicate (the first version)' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'INVALID_ROWS (line, column, value, reason), UNKNOWN_CHANNELS, EMPTY_UPLOAD' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'UNSUPPORTED_MEDIA_TYPE' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'PAYLOAD_TOO_LARGE' })
  async upload(
    @CurrentPrincipal() p: Principal,
    @Query() q: ForecastUploadOptionsDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @UploadRequest() body: UploadSource,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ForecastUploadDto> {
    const out = await this.service.upload(p.tenantId, { keyId: p.keyId, keyName: p.keyName }, body, { label: q.label ?? null, mapping: q.mapping ?? null }, idempotencyKey ?? null);
    response.status(out.duplicate ? 200 : 201);
    return out;
  }

  @Get()
  @ReadAccess()
  @ApiOperation({ summary: 'Forecast versions, newest first' })
  @ApiOkResponse({ type: ForecastVersionListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: ForecastListQueryDto): Promise<ForecastVersionListDto> {
    return this.service.list(p.tenantId, q.channel ?? null, q.limit ?? 1000, q.cursor ?? null);
  }

  @Get(':id')
  @ReadAccess()
  @ApiOperation({ summary: 'One forecast version' })
  @ApiOkResponse({ type: ForecastVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FORECAST_VERSION_NOT_FOUND' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ForecastVersionDto> {
    return this.service.getVersionDto(p.tenantId, id);
  }

  @Get(':id/intervals')
  @ReadAccess()
  @ApiOperation({ summary: 'The intervals of a version (JSON pages or streamed CSV), with period_start and period_start_local' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ForecastIntervalListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FORECAST_VERSION_NOT_FOUND' })
  async intervals(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: IntervalQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.listIntervals(p.tenantId, id, q, listingFormat(request, q.format)));
  }

  @Delete(':id')
  @AdminOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a forecast version that no staffing plan uses' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FORECAST_VERSION_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'FORECAST_IN_USE' })
  delete(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<void> {
    return this.service.delete(p.tenantId, id);
  }
}
