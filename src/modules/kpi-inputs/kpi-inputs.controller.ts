import { applyDecorators, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { UploadRequest, type UploadSource } from '../uploads/upload-body.js';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { Roles } from '../../platform/auth/roles.js';
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

/**
 * One KPI-input upload route: POST `path` for the planner role, with the upload body, the
 * Idempotency-Key header, the responses, and a description that lists the kind's columns
 * followed by `notes`.
 */
function KpiInputUpload(path: string, kind: KpiInputKind, summary: string, notes: string): MethodDecorator {
  return applyDecorators(
    Post(path),
    Roles('planner'),
    ApiOperation({ summary, description: `${columnsOf(kind)} ${notes}` }),
    ApiConsumes('text/csv', 'multipart/form-data', 'application/json'),
    ApiBody(UPLOAD_BODY),
    ApiHeader(IDEMPOTENCY),
    ApiCreatedResponse({ type: KpiInputUploadResponseDto, description: 'Stored (200 with duplicate: true for a repeat)' }),
    ApiUnprocessableEntityResponse(ROWS_ERRORS),
  );
}

/** POST uploads of the KPI inputs: all rows or none, idempotent, logged in uploads. */
@ApiTags('kpi-inputs')
@Controller('api/v1')
export class KpiInputsController {
  constructor(private readonly service: KpiInputsService) {}

  @KpiInputUpload('cases', 'cases', 'Upload cases (deferred contacts: e-mail, web forms, social, tickets)',
    'A case_id already stored is replaced (its channel, priority and times). Priorities must be those of the response policy. Wall-clock times are read in the channel\'s zone.')
  uploadCases(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('cases', p, key, body, response);
  }

  @KpiInputUpload('cases/updates', 'case-updates', 'Upload status updates of cases',
    'Each (case_id, updated_at) once; the case must exist. Wall-clock times are read in the business calendar\'s zone.')
  uploadCaseUpdates(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('case-updates', p, key, body, response);
  }

  @KpiInputUpload('quality-evaluations', 'quality-evaluations', 'Upload quality evaluations',
    '0 ≤ score ≤ max_score. Evaluations have no natural key: a corrected file is a new upload (the same bytes twice are a duplicate).')
  uploadQualityEvaluations(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('quality-evaluations', p, key, body, response);
  }

  @KpiInputUpload('surveys', 'surveys', 'Upload survey responses (kind csat, effort, esat or engagement)',
    'scale_min < scale_max and the score on the scale. Responses have no natural key (the same bytes twice are a duplicate).')
  uploadSurveys(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('surveys', p, key, body, response);
  }

  @KpiInputUpload('fcr-outcomes', 'fcr-outcomes', 'Upload first-contact-resolution outcomes',
    'A contact_id already stored is replaced.')
  uploadFcrOutcomes(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('fcr-outcomes', p, key, body, response);
  }

  @KpiInputUpload('costs', 'costs', 'Upload costs, budgets and attributed revenue (kind actual, budget or revenue) for [period_start, period_end)',
    'An entry of the same kind, period, channel (empty: all channels), category and contact type is replaced. Amounts are exact decimals.')
  uploadCosts(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('costs', p, key, body, response);
  }

  @KpiInputUpload('workforce-events', 'workforce-events', 'Upload headcount events (hired, left; voluntary for leavers)',
    'An (agent_id, date, event) already stored is replaced.')
  uploadWorkforceEvents(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('workforce-events', p, key, body, response);
  }

  @KpiInputUpload('customer-counts', 'customer-counts', 'Upload customer counts for [period_start, period_end) (channel empty: all channels)',
    'A count of the same period and channel is replaced.')
  uploadCustomerCounts(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('customer-counts', p, key, body, response);
  }

  @KpiInputUpload('outbound-attempts', 'outbound-attempts', 'Upload outbound attempts (target, attempt time, whether the right party was reached)',
    'A (target_id, attempted_at) already stored is replaced. Wall-clock times are read in the channel\'s zone (no channel: the business calendar\'s).')
  uploadOutboundAttempts(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('outbound-attempts', p, key, body, response);
  }

  private async upload(kind: KpiInputKind, p: Principal, key: string | undefined, body: UploadSource, response: Response): Promise<KpiInputUploadResponseDto> {
    const out = await this.service.upload(kind, p.tenantId, { keyId: p.keyId, keyName: p.keyName }, body, key ?? null);
    response.status(out.duplicate ? 200 : 201);
    return out;
  }
}
