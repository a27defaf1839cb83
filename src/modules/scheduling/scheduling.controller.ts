import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse, ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiParam, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { AdminOnly, ReadAccess, Roles } from '../../platform/auth/roles.js';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
import { JobDto } from '../jobs/index.js';
import { PageQueryDto } from '../listing/paging.js';
import { listingFormat, sendListing } from '../listing/send-listing.js';
import { UploadRequest, type UploadSource } from '../uploads/upload-body.js';
import {
  ACTIVITY_CSV_COLUMNS, AgentDto, AgentListDto, AgentPutDto, AgentsUploadResultDto, COVERAGE_CSV_COLUMNS, CoverageListDto, GenerateScheduleDto,
  PublishDto, PublishResultDto, ScenarioActivityListDto, ScenarioDto, ScenarioListDto, ScenarioListQueryDto, ScenarioQueryDto, SchedulingRulesDto,
} from './dto/scheduling.dto.js';
import { DEFAULT_RULES, type SchedulingRules } from './scheduling-rules.js';
import { SchedulingService } from './scheduling.service.js';

/** A listing's 200: the JSON page schema, and the CSV columns. */
const listResponse = (type: new () => object, columns: readonly string[], what: string) =>
  ApiOkResponse({
    description: `${what}: a JSON page { data, next }, or CSV (format=csv or Accept: text/csv; UTF-8, header row, streamed) with the columns ${columns.join(', ')}`,
    content: {
      'application/json': { schema: { $ref: getSchemaPath(type) } },
      'text/csv': { schema: { type: 'string', description: `Header row: ${columns.join(',')}` }, example: `${columns.join(',')}\r\n` },
    },
  });

const SCENARIO_ID = { name: 'id', description: 'Scenario id (the result of a generate job)', example: '5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d' };

@ApiTags('scheduling')
@Controller('api/v1/scheduling/rules')
export class SchedulingRulesController {
  constructor(private readonly service: SchedulingService) {}

  @Get()
  @ReadAccess()
  @ApiOperation({ summary: 'Scheduling rules: shift types and start windows, breaks, rest, days off, opening hours, late hour, penalties, solver limits (defaults until PUT)' })
  @ApiOkResponse({ type: SchedulingRulesDto })
  get(@CurrentPrincipal() p: Principal): Promise<SchedulingRules> {
    return this.service.getRules(p.tenantId);
  }

  @Put()
  @AdminOnly()
  @ApiOperation({
    summary: 'Set the scheduling rules; omitted top-level fields take their defaults',
    description: 'Lengths are whole quarter-hours; start windows are local times of the channel on the quarter-hour; a break must start after its shift starts and end before it ends, and its code must be an activity of the adherence rules.',
  })
  @ApiBody({ type: SchedulingRulesDto })
  @ApiOkResponse({ type: SchedulingRulesDto, description: 'The rules as stored (omitted fields with their defaults)' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED naming each field (shiftTypes[0].breaks[1].latestStartMinutes ...)' })
  @ApiRequestExample({ json: DEFAULT_RULES })
  put(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<SchedulingRules> {
    return this.service.putRules(p.tenantId, body);
  }
}

@ApiTags('scheduling')
@Controller('api/v1/agents')
export class AgentsController {
  constructor(private readonly service: SchedulingService) {}

  @Post()
  @Roles('scheduler')
  @ApiOperation({
    summary: 'Upload the roster: agent_id, team, channels (|-separated codes), min_weekly_hours, max_weekly_hours, available_days (mon|tue or mon-fri), available_from, available_to',
    description: 'All rows or none. An agent already stored is replaced; an agent named twice in one upload is refused naming both lines. Defaults: 0 to 40 hours a week, every day, all day.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody({ description: 'CSV (header row required, columns in any order), a multipart form with a `file` part, or JSON { rows: [...] } with camelCase fields', schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat-safe key: a second upload with the same key answers the first result (duplicate: true)' })
  @ApiCreatedResponse({ type: AgentsUploadResultDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiOkResponse({ type: AgentsUploadResultDto, description: 'The same bytes or Idempotency-Key again: the first result, duplicate: true' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'INVALID_ROWS (line, column, value, reason), EMPTY_UPLOAD' })
  @ApiRequestExample({
    csv: [
      'agent_id,team,channels,min_weekly_hours,max_weekly_hours,available_days,available_from,available_to',
      'AVI,retail,retail,20,40,mon-fri,07:00,20:00',
      'ROTH,english,english|retail,30,38.5,mon|tue|wed|thu|fri|sat,,',
    ].join('\n'),
  })
  async upload(
    @CurrentPrincipal() p: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @UploadRequest() body: UploadSource,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentsUploadResultDto> {
    const out = await this.service.uploadAgents(p.tenantId, { keyId: p.keyId, keyName: p.keyName }, body, idempotencyKey ?? null);
    response.status(out.duplicate ? 200 : 201);
    return out;
  }

  @Get()
  @ReadAccess()
  @ApiOperation({ summary: 'The scheduling roster, by agent id (JSON pages)' })
  @ApiOkResponse({ type: AgentListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<AgentListDto> {
    return this.service.listAgents(p.tenantId, q.limit, q.cursor);
  }

  @Get(':id')
  @ReadAccess()
  @ApiOperation({ summary: 'One agent of the roster with its contract data' })
  @ApiParam({ name: 'id', description: 'Agent id (agent_id of the schedules)', example: 'AVI' })
  @ApiOkResponse({ type: AgentDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'AGENT_NOT_FOUND' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<AgentDto> {
    return this.service.getAgent(p.tenantId, id);
  }

  @Put(':id')
  @Roles('scheduler')
  @ApiOperation({ summary: 'Create or replace one agent of the roster (201 created, 200 replaced)' })
  @ApiParam({ name: 'id', description: 'Agent id (agent_id of the schedules)', example: 'AVI' })
  @ApiCreatedResponse({ type: AgentDto, description: 'Created' })
  @ApiOkResponse({ type: AgentDto, description: 'Replaced' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED naming the field, UNKNOWN_CHANNELS' })
  @ApiRequestExample({
    json: { team: 'retail', channels: ['retail'], minWeeklyHours: 20, maxWeeklyHours: 40, availableDays: ['mon', 'tue', 'wed', 'thu', 'fri'], availableFrom: '07:00', availableTo: '20:00' },
    params: { id: 'AVI' },
  })
  async put(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: AgentPutDto, @Res({ passthrough: true }) response: Response): Promise<AgentDto> {
    const out = await this.service.putAgent(p.tenantId, id, body);
    response.status(out.created ? 201 : 200);
    return out.agent;
  }
}

@ApiTags('scheduling')
@Controller('api/v1/schedules/generate')
export class ScheduleGenerateController {
  constructor(private readonly service: SchedulingService) {}

  @Post()
  @HttpCode(202)
  @Roles('scheduler')
  @ApiOperation({
    summary: 'Generate a draft schedule scenario from a staffing plan: shift design, named roster, break placement (a job)',
    description:
      "Schedules the plan's agents on the phones (`agents`; shrinkage the breaks do not model — absence, unplanned meetings — is not added: staff the plan for it) over [from, to) " +
      "of the chosen channels (pooled; one time zone and interval length), with the scheduling rules, the roster of agents serving those channels (availability, hours, time off and " +
      'other bookings already on the schedule, the last shift before from for the rest rule). Answers 202 with a job (GET /api/v1/jobs/{id}) whose result is the scenario.',
  })
  @ApiAcceptedResponse({ type: JobDto, description: 'The job; its result is the scenario (GET /api/v1/schedule-scenarios/{id})' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'PLAN_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED naming the field (from after to, a range outside the plan, off the interval grid), UNKNOWN_CHANNELS' })
  @ApiRequestExample({
    json: { plan: '00000000-0000-4000-8000-000000000000', from: '1999-10-17', to: '1999-10-18', channels: ['retail'], timeLimitSeconds: 5 },
    note: 'In the example, replace plan with the id of one of your staffing plans (POST /api/v1/staffing/plans) covering the range',
  })
  generate(@CurrentPrincipal() p: Principal, @Body() body: GenerateScheduleDto): Promise<JobDto> {
    return this.service.generate(p, body);
  }
}

@ApiTags('scheduling')
@ApiExtraModels(CoverageListDto, ScenarioActivityListDto)
@Controller('api/v1/schedule-scenarios')
export class ScenariosController {
  constructor(private readonly service: SchedulingService) {}

  @Get()
  @ReadAccess()
  @ApiOperation({ summary: 'Schedule scenarios, newest first (JSON pages; plan= filters)' })
  @ApiOkResponse({ type: ScenarioListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: ScenarioListQueryDto): Promise<ScenarioListDto> {
    return this.service.listScenarios(p.tenantId, q.plan, q.limit, q.cursor);
  }

  @Get(':id')
  @ReadAccess()
  @ApiOperation({ summary: 'A schedule scenario: totals (paid hours, agent-hours under and over, intervals under, unassigned shifts), solver stages (status, bound, gap, seconds), status' })
  @ApiParam(SCENARIO_ID)
  @ApiOkResponse({ type: ScenarioDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SCENARIO_NOT_FOUND' })
  get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ScenarioDto> {
    return this.service.scenario(p.tenantId, id);
  }

  @Get(':id/coverage')
  @ReadAccess()
  @ApiOperation({ summary: 'Coverage per interval: required, on the phones, under, over, predicted service level and ASA by the plan\'s model (null where unknown)' })
  @ApiParam(SCENARIO_ID)
  @ApiProduces('application/json', 'text/csv')
  @listResponse(CoverageListDto, COVERAGE_CSV_COLUMNS, 'Coverage rows')
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SCENARIO_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (from, to)' })
  async coverage(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() q: ScenarioQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.coverage(p.tenantId, id, q, listingFormat(request, q.format)));
  }

  @Get(':id/activities')
  @ReadAccess()
  @ApiOperation({ summary: 'The activities of a scenario: agent, team, channels, activity, start, end; the CSV is the schedules upload format (POST /api/v1/schedules)' })
  @ApiParam(SCENARIO_ID)
  @ApiProduces('application/json', 'text/csv')
  @listResponse(ScenarioActivityListDto, ACTIVITY_CSV_COLUMNS, 'Activities')
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SCENARIO_NOT_FOUND' })
  async activities(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() q: ScenarioQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.activities(p.tenantId, id, q, listingFormat(request, q.format)));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('scheduler')
  @ApiOperation({
    summary: 'Publish a scenario into the schedules (adherence, headcount, reports and the dashboard read it at once)',
    description:
      'One schedules upload (one transaction, in the upload log) replacing each (agent, local day) of the scenario; bookings already stored on those days that are not shift activities ' +
      '(time off, meetings ...) are written again with the shifts. Open shifts keep their OPEN-<scenario>-<n> ids. 409 when shifts are already stored on one of its (agent, day)s, or when the ' +
      'scenario is already published, unless replace: true (publishing the same scenario again with replace answers duplicate: true).',
  })
  @ApiParam(SCENARIO_ID)
  @ApiBody({ type: PublishDto })
  @ApiOkResponse({ type: PublishResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SCENARIO_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SCHEDULES_EXIST, SCENARIO_ALREADY_PUBLISHED' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'INVALID_ROWS (an activity the adherence rules no longer list)' })
  @ApiRequestExample({ json: { replace: true }, params: { id: '5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d' }, note: 'In the example, replace id with the id of one of your scenarios (the result of a generate job)' })
  publish(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: PublishDto): Promise<PublishResultDto> {
    return this.service.publish(p, id, body.replace ?? false);
  }
}
