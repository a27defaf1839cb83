import { Controller, Get, Headers, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UploadRequest, type UploadSource } from '../uploads/upload-body.js';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess, Roles } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
import { IntervalQueryDto } from '../listing/interval-query.js';
import { listingFormat, sendListing } from '../listing/send-listing.js';
import { ActualsService } from './actuals.service.js';
import { ContactListDto, ContactsUploadDto, IntervalActualListDto, IntervalActualsUploadDto, UploadOptionsDto } from './dto/actuals.dto.js';

const UPLOAD_BODY = {
  description: 'CSV (text/csv, header row required, columns in any order), a multipart form with a `file` part, or JSON { rows: [...] } with camelCase fields',
  schema: { type: 'string', format: 'binary' },
};
const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'Repeat-safe key: a second upload with the same key answers the first result (duplicate: true)' };

@ApiTags('actuals')
@Controller('api/v1/actuals')
export class ActualsController {
  constructor(private readonly service: ActualsService) {}

  @Post('intervals')
  @Roles('planner')
  @ApiOperation({
    summary: 'Upload interval actuals (an ACD interval report); a re-uploaded interval replaces the old one',
    description:
      'Columns: channel, interval_start, offered, answered, abandoned, answered_within_threshold, abandoned_within_threshold, ' +
      'threshold_seconds, handle_seconds, wait_seconds; optional talk_seconds, hold_seconds, acw_seconds, agents_staffed, ' +
      'agent_seconds_available. Seconds are totals over the interval. All rows or none are written.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: IntervalActualsUploadDto, description: '201 written; 200 duplicate (first result)' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'INVALID_ROWS (line, column, value, reason), UNKNOWN_CHANNELS, EMPTY_UPLOAD' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'UNSUPPORTED_MEDIA_TYPE' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'PAYLOAD_TOO_LARGE (WFM_UPLOAD_LIMIT_BYTES)' })
  @ApiRequestExample({
    csv: [
      'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds',
      'retail,1999-10-17 09:00,104,98,6,81,2,20,17640,1470',
      'retail,1999-10-17 09:30,117,110,7,86,3,20,19250,1980',
      'english,1999-10-17 09:00,13,13,0,12,0,30,2600,95',
    ].join('\n'),
  })
  async uploadIntervals(
    @CurrentPrincipal() p: Principal,
    @Query() q: UploadOptionsDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @UploadRequest() body: UploadSource,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IntervalActualsUploadDto> {
    const out = await this.service.uploadIntervals(p.tenantId, { keyId: p.keyId, keyName: p.keyName }, body, q.mapping ?? null, idempotencyKey ?? null);
    response.status(out.duplicate ? 200 : 201);
    return out;
  }

  @Post('contacts')
  @Roles('planner')
  @ApiOperation({
    summary: 'Upload a per-contact log; it is kept and aggregated into interval actuals',
    description:
      'Columns: channel, contact_id, arrived_at, outcome (answered | abandoned | ignored); optional answered_at, ended_at, abandoned_at, ' +
      'handle_seconds, wait_seconds, agent_id, contact_type (free text: cost per contact is split by it). A contact belongs to the interval in which it arrived. The upload replaces the contacts and ' +
      'interval actuals of the intervals it covers. Foreign exports: ?mapping=<saved import mapping>.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: ContactsUploadDto, description: '201 written; 200 duplicate (first result)' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'INVALID_ROWS, UNKNOWN_CHANNELS, EMPTY_UPLOAD' })
  @ApiRequestExample({
    csv: [
      'channel,contact_id,arrived_at,answered_at,ended_at,abandoned_at,handle_seconds,wait_seconds,agent_id,outcome',
      'retail,c-99001,1999-10-17 10:00:07,1999-10-17 10:00:19,1999-10-17 10:03:41,,,,AVI,answered',
      'retail,c-99002,1999-10-17 10:02:30,,,1999-10-17 10:03:10,,,,abandoned',
      'english,c-99003,1999-10-17 10:05:00,,,,195,14,ROTH,answered',
    ].join('\n'),
  })
  async uploadContacts(
    @CurrentPrincipal() p: Principal,
    @Query() q: UploadOptionsDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @UploadRequest() body: UploadSource,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContactsUploadDto> {
    const out = await this.service.uploadContacts(p.tenantId, { keyId: p.keyId, keyName: p.keyName }, body, q.mapping ?? null, idempotencyKey ?? null);
    response.status(out.duplicate ? 200 : 201);
    return out;
  }

  @Get('intervals')
  @ReadAccess()
  @ApiOperation({ summary: 'Interval actuals by channel and interval (JSON pages or streamed CSV)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: IntervalActualListDto })
  async listIntervals(@CurrentPrincipal() p: Principal, @Query() q: IntervalQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.listIntervals(p.tenantId, q, listingFormat(request, q.format)));
  }

  @Get('contacts')
  @ReadAccess()
  @ApiOperation({ summary: 'Kept per-contact rows by channel and arrival interval (JSON pages or streamed CSV)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ContactListDto })
  async listContacts(@CurrentPrincipal() p: Principal, @Query() q: IntervalQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.listContacts(p.tenantId, q, listingFormat(request, q.format)));
  }
}
