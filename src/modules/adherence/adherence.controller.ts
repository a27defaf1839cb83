import { Body, Controller, Get, Headers, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UploadRequest, type UploadSource } from '../uploads/upload-body.js';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess, Roles } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
import { listingFormat, sendListing } from '../listing/send-listing.js';
import { DEFAULT_SETTINGS, type AdherenceSettings } from './adherence-settings.js';
import { AdherenceService } from './adherence.service.js';
import type { AgentStatesResult } from './agent-states.sink.js';
import {
  ADHERENCE_CSV_COLUMNS, AdherenceListDto, AdherenceQueryDto, AdherenceSettingsDto, AgentStatesUploadResultDto, EXCEPTION_CSV_COLUMNS, ExceptionListDto,
  ExceptionQueryDto, HEADCOUNT_CSV_COLUMNS, HeadcountListDto, HeadcountQueryDto, SchedulesUploadResultDto,
} from './dto/adherence.dto.js';
import type { SchedulesResult } from './schedules.sink.js';

const UPLOAD_BODY = {
  description: 'CSV (text/csv, header row required, columns in any order), a multipart form with a `file` part, or JSON { rows: [...] } with camelCase fields',
  schema: { type: 'string', format: 'binary' },
};
const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'Repeat-safe key: a second upload with the same key answers the first result (duplicate: true)' };
/** A read's 200: the JSON page schema, and the CSV columns (header row, RFC 4180). */
const listResponse = (type: new () => object, columns: readonly string[], what: string) =>
  ApiOkResponse({
    description: `${what}: a JSON page { data, next }, or CSV (format=csv or Accept: text/csv; UTF-8, header row, streamed) with the columns ${columns.join(', ')}`,
    content: {
      'application/json': { schema: { $ref: getSchemaPath(type) } },
      'text/csv': { schema: { type: 'string', description: `Header row: ${columns.join(',')}; then one row per JSON item, fields in the same order` }, example: `${columns.join(',')}\r\n` },
    },
  });
const ROWS_ERRORS = { type: ErrorResponseDto, description: 'INVALID_ROWS (line, column, value, reason; overlapping rows name both lines), EMPTY_UPLOAD' };

@ApiTags('adherence')
@ApiExtraModels(AdherenceListDto, ExceptionListDto, HeadcountListDto)
@Controller('api/v1')
export class AdherenceController {
  constructor(private readonly service: AdherenceService) {}

  @Post('schedules')
  @Roles('scheduler')
  @ApiOperation({
    summary: 'Upload schedules: agent_id, team, channels (|-separated codes), activity, start, end',
    description: 'All rows or none. A re-upload of an agent\'s day (the local day its shift starts) replaces it; overlapping activities of one agent are refused naming both lines.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: SchedulesUploadResultDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiOkResponse({ type: SchedulesUploadResultDto, description: 'The same bytes or Idempotency-Key again: the first result, duplicate: true' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  @ApiRequestExample({
    csv: [
      'agent_id,team,channels,activity,start,end',
      'AVI,retail,retail,work,1999-10-17T08:00:00+02:00,1999-10-17T12:00:00+02:00',
      'AVI,retail,retail,lunch,1999-10-17T12:00:00+02:00,1999-10-17T12:30:00+02:00',
      'AVI,retail,retail,work,1999-10-17T12:30:00+02:00,1999-10-17T16:00:00+02:00',
      'ROTH,english,english|retail,work,1999-10-17T09:00:00+02:00,1999-10-17T17:00:00+02:00',
    ].join('\n'),
  })
  async uploadSchedules(
    @CurrentPrincipal() p: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @UploadRequest() body: UploadSource,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SchedulesResult & { duplicate: boolean }> {
    const out = await this.service.uploadSchedules(p.tenantId, { keyId: p.keyId, keyName: p.keyName }, body, idempotencyKey ?? null);
    response.status(out.duplicate ? 200 : 201);
    return out;
  }

  @Post('agent-states')
  @Roles('scheduler')
  @ApiOperation({
    summary: 'Upload agent states from the ACD: agent_id, state, start, end, or agent_id, state, at (events)',
    description: 'Instants with an offset. Events are closed by the agent\'s next event, the last by the latest event of the upload. Replaces each agent\'s stored states over the span the upload covers.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: AgentStatesUploadResultDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiOkResponse({ type: AgentStatesUploadResultDto, description: 'The same bytes or Idempotency-Key again: the first result, duplicate: true' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  @ApiRequestExample({
    csv: [
      'agent_id,state,start,end',
      'AVI,available,1999-10-17T08:02:00+02:00,1999-10-17T08:05:00+02:00',
      'AVI,on-contact,1999-10-17T08:05:00+02:00,1999-10-17T08:09:40+02:00',
      'AVI,after-contact-work,1999-10-17T08:09:40+02:00,1999-10-17T08:10:30+02:00',
      'AVI,available,1999-10-17T08:10:30+02:00,1999-10-17T12:00:00+02:00',
      'AVI,lunch,1999-10-17T12:00:00+02:00,1999-10-17T12:35:00+02:00',
    ].join('\n'),
  })
  async uploadStates(
    @CurrentPrincipal() p: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @UploadRequest() body: UploadSource,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentStatesResult & { duplicate: boolean }> {
    const out = await this.service.uploadStates(p.tenantId, { keyId: p.keyId, keyName: p.keyName }, body, idempotencyKey ?? null);
    response.status(out.duplicate ? 200 : 201);
    return out;
  }

  @Get('adherence/rules')
  @ReadAccess()
  @ApiOperation({ summary: 'Activity and state lists, state-to-activity rules, grace period, log-off rules (defaults until PUT)' })
  @ApiOkResponse({ type: AdherenceSettingsDto })
  getRules(@CurrentPrincipal() p: Principal): Promise<AdherenceSettings> {
    return this.service.getRules(p.tenantId);
  }

  @Put('adherence/rules')
  @Roles('scheduler')
  @ApiOperation({ summary: 'Set the adherence rules; omitted fields take their defaults' })
  @ApiBody({ description: '{ activities: [{code, productive}], states: [{code, productive, loggedIn, occupancy: busy|idle|none}], satisfies: {activity: [state | "none"]}, graceSeconds, countEarlyLogOff, countLateLogOff, midnightAttribution: "shift-start" }', schema: { type: 'object' } })
  @ApiOkResponse({ type: AdherenceSettingsDto, description: 'The rules as stored (omitted fields with their defaults)' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiRequestExample({ json: DEFAULT_SETTINGS })
  putRules(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<AdherenceSettings> {
    return this.service.putRules(p.tenantId, body);
  }

  @Get('adherence')
  @ReadAccess()
  @ApiOperation({ summary: 'Adherence and conformance by agent, team or channel and period (JSON pages or CSV)' })
  @ApiProduces('application/json', 'text/csv')
  @listResponse(AdherenceListDto, ADHERENCE_CSV_COLUMNS, 'Adherence rows')
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (from, to, level, granularity)' })
  async adherence(@CurrentPrincipal() p: Principal, @Query() q: AdherenceQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.adherence(p.tenantId, q, listingFormat(request, q.format)));
  }

  @Get('adherence/exceptions')
  @ReadAccess()
  @ApiOperation({ summary: 'Out-of-adherence spans longer than the grace period (JSON pages or CSV)' })
  @ApiProduces('application/json', 'text/csv')
  @listResponse(ExceptionListDto, EXCEPTION_CSV_COLUMNS, 'Exceptions')
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (from, to, minSeconds)' })
  async exceptions(@CurrentPrincipal() p: Principal, @Query() q: ExceptionQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.exceptions(p.tenantId, q, listingFormat(request, q.format)));
  }

  @Get('staffing/headcount')
  @ReadAccess()
  @ApiOperation({ summary: 'Scheduled, staffed and required agents per channel and interval, over/under, occupancy from states' })
  @ApiProduces('application/json', 'text/csv')
  @listResponse(HeadcountListDto, HEADCOUNT_CSV_COLUMNS, 'Headcount rows')
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (from, to), UNKNOWN_CHANNELS' })
  async headcount(@CurrentPrincipal() p: Principal, @Query() q: HeadcountQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.headcount(p.tenantId, q, listingFormat(request, q.format)));
  }
}
