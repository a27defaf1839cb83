import { Controller, Headers, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.js';
import type { KpiInputKind } from '../uploads/ingest.types.js';
import { KpiInputUploadResponseDto } from './dto/kpi-inputs.dto.js';
import { KPI_INPUT_SPECS } from './kpi-input-kinds.js';
import { KpiInputsService } from './kpi-inputs.service.js';

const UPLOAD_BODY = {
  description: 'CSV (text/csv, header row required, columns in any order), a multipart form with a `file` part, or JSON { rows: [...] } with camelCase fields',
  schema: { type: 'string', format: 'binary' },
};
const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'Repeat-safe key: a second upload with the same key answers the first result (duplicate: true)' };
const ROWS_ERRORS = { type: ErrorResponseDto, description: 'INVALID_ROWS (line, column, value, reason; a repeated natural key names both lines), EMPTY_UPLOAD; nothing is written' };

/** The columns of a kind for the OpenAPI description: required ones, then optional ones. */
function columnsOf(kind: KpiInputKind): string {
  const f = KPI_INPUT_SPECS[kind].fields;
  const optional = f.filter((c) => !c.required).map((c) => c.name);
  return `Columns: ${f.filter((c) => c.required).map((c) => c.name).join(', ')}${optional.length ? `; optional: ${optional.join(', ')}` : ''}.`;
}

/** POST uploads of the KPI inputs (issue 7): all rows or none, idempotent, logged in uploads. */
@ApiTags('kpi-inputs')
@Controller('api/v1')
export class KpiInputsController {
  constructor(private readonly service: KpiInputsService) {}

  @Post('cases')
  @Roles('planner')
  @ApiOperation({ summary: 'Upload cases (deferred contacts: e-mail, web forms, social, tickets)', description: `${columnsOf('cases')} A case_id already stored is replaced (its channel, priority and times). Priorities must be those of the response policy. Wall-clock times are read in the channel's zone.` })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: KpiInputUploadResponseDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  uploadCases(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('cases', p, key, request, response);
  }

  @Post('cases/updates')
  @Roles('planner')
  @ApiOperation({ summary: 'Upload status updates of cases', description: `${columnsOf('case-updates')} Each (case_id, updated_at) once; the case must exist. Wall-clock times are read in the business calendar's zone.` })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: KpiInputUploadResponseDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  uploadCaseUpdates(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('case-updates', p, key, request, response);
  }

  @Post('quality-evaluations')
  @Roles('planner')
  @ApiOperation({ summary: 'Upload quality evaluations', description: `${columnsOf('quality-evaluations')} 0 ≤ score ≤ max_score. Evaluations have no natural key: a corrected file is a new upload (the same bytes twice are a duplicate).` })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: KpiInputUploadResponseDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  uploadQualityEvaluations(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('quality-evaluations', p, key, request, response);
  }

  @Post('surveys')
  @Roles('planner')
  @ApiOperation({ summary: 'Upload survey responses (kind csat, effort, esat or engagement)', description: `${columnsOf('surveys')} scale_min < scale_max and the score on the scale. Responses have no natural key (the same bytes twice are a duplicate).` })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: KpiInputUploadResponseDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  uploadSurveys(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('surveys', p, key, request, response);
  }

  @Post('fcr-outcomes')
  @Roles('planner')
  @ApiOperation({ summary: 'Upload first-contact-resolution outcomes', description: `${columnsOf('fcr-outcomes')} A contact_id already stored is replaced.` })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: KpiInputUploadResponseDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  uploadFcrOutcomes(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('fcr-outcomes', p, key, request, response);
  }

  @Post('costs')
  @Roles('planner')
  @ApiOperation({ summary: 'Upload costs, budgets and attributed revenue (kind actual, budget or revenue) for [period_start, period_end)', description: `${columnsOf('costs')} An entry of the same kind, period, channel (empty: all channels), category and contact type is replaced. Amounts are exact decimals.` })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: KpiInputUploadResponseDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  uploadCosts(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('costs', p, key, request, response);
  }

  @Post('workforce-events')
  @Roles('planner')
  @ApiOperation({ summary: 'Upload headcount events (hired, left; voluntary for leavers)', description: `${columnsOf('workforce-events')} An (agent_id, date, event) already stored is replaced.` })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: KpiInputUploadResponseDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  uploadWorkforceEvents(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('workforce-events', p, key, request, response);
  }

  @Post('customer-counts')
  @Roles('planner')
  @ApiOperation({ summary: 'Upload customer counts for [period_start, period_end) (channel empty: all channels)', description: `${columnsOf('customer-counts')} A count of the same period and channel is replaced.` })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: KpiInputUploadResponseDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  uploadCustomerCounts(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('customer-counts', p, key, request, response);
  }

  @Post('outbound-attempts')
  @Roles('planner')
  @ApiOperation({ summary: 'Upload outbound attempts (target, attempt time, whether the right party was reached)', description: `${columnsOf('outbound-attempts')} A (target_id, attempted_at) already stored is replaced. Wall-clock times are read in the channel's zone (no channel: the business calendar's).` })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: KpiInputUploadResponseDto, description: 'Stored (200 with duplicate: true for a repeat)' })
  @ApiUnprocessableEntityResponse(ROWS_ERRORS)
  uploadOutboundAttempts(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('outbound-attempts', p, key, request, response);
  }

  private async upload(kind: KpiInputKind, p: Principal, key: string | undefined, request: Request, response: Response): Promise<KpiInputUploadResponseDto> {
    const out = await this.service.upload(kind, p.tenantId, { keyId: p.keyId, keyName: p.keyName }, request, key ?? null);
    response.status(out.duplicate ? 200 : 201);
    return out;
  }
}
