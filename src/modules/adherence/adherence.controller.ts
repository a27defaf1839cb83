import { Body, Controller, Get, Headers, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ReadAccess, Roles } from '../auth/roles.js';
import { sendListing } from '../uploads/listing.js';
import type { AdherenceSettings } from './adherence-settings.js';
import { AdherenceService } from './adherence.service.js';
import type { AgentStatesResult } from './agent-states.sink.js';
import { AdherenceQueryDto, ExceptionQueryDto, HeadcountQueryDto } from './dto/adherence.dto.js';
import type { SchedulesResult } from './schedules.sink.js';

const UPLOAD_BODY = {
  description: 'CSV (text/csv, header row required, columns in any order), a multipart form with a `file` part, or JSON { rows: [...] } with camelCase fields',
  schema: { type: 'string', format: 'binary' },
};
const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'Repeat-safe key: a second upload with the same key answers the first result (duplicate: true)' };
const ROWS_ERRORS = { type: ErrorResponseDto, description: 'INVALID_ROWS (line, column, value, reason; overlapping rows name both lines), EMPTY_UPLOAD' };

@ApiTags('adherence')
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
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  async uploadSchedules(
    @CurrentPrincipal() p: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SchedulesResult & { duplicate: boolean }> {
    const out = await this.service.uploadSchedules(p.tenantId, { keyId: p.keyId, keyName: p.keyName }, request, idempotencyKey ?? null);
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
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  async uploadStates(
    @CurrentPrincipal() p: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentStatesResult & { duplicate: boolean }> {
    const out = await this.service.uploadStates(p.tenantId, { keyId: p.keyId, keyName: p.keyName }, request, idempotencyKey ?? null);
    response.status(out.duplicate ? 200 : 201);
    return out;
  }

  @Get('adherence/rules')
  @ReadAccess()
  @ApiOperation({ summary: 'Activity and state lists, state-to-activity rules, grace period, log-off rules (defaults until PUT)' })
  getRules(@CurrentPrincipal() p: Principal): Promise<AdherenceSettings> {
    return this.service.getRules(p.tenantId);
  }

  @Put('adherence/rules')
  @Roles('scheduler')
  @ApiOperation({ summary: 'Set the adherence rules; omitted fields take their defaults' })
  @ApiBody({ description: '{ activities: [{code, productive}], states: [{code, productive, loggedIn, occupancy: busy|idle|none}], satisfies: {activity: [state | "none"]}, graceSeconds, countEarlyLogOff, countLateLogOff, midnightAttribution: "shift-start" }', schema: { type: 'object' } })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  putRules(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<AdherenceSettings> {
    return this.service.putRules(p.tenantId, body);
  }

  @Get('adherence')
  @ReadAccess()
  @ApiOperation({ summary: 'Adherence and conformance by agent, team or channel and period (JSON pages or CSV)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '{ data: [{ level, key, periodStart, periodStartLocal, scheduledSeconds, adherentSeconds, adherence, productiveScheduledSeconds, workedSeconds, conformance, exceptions, earlyLogOffSeconds, lateLogOffSeconds }], next }' })
  async adherence(@CurrentPrincipal() p: Principal, @Query() q: AdherenceQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.adherence(p.tenantId, q, request));
  }

  @Get('adherence/exceptions')
  @ReadAccess()
  @ApiOperation({ summary: 'Out-of-adherence spans longer than the grace period (JSON pages or CSV)' })
  @ApiProduces('application/json', 'text/csv')
  async exceptions(@CurrentPrincipal() p: Principal, @Query() q: ExceptionQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.exceptions(p.tenantId, q, request));
  }

  @Get('staffing/headcount')
  @ReadAccess()
  @ApiOperation({ summary: 'Scheduled, staffed and required agents per channel and interval, over/under, occupancy from states' })
  @ApiProduces('application/json', 'text/csv')
  async headcount(@CurrentPrincipal() p: Principal, @Query() q: HeadcountQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.headcount(p.tenantId, q, request));
  }
}
