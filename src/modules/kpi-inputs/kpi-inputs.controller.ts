import { applyDecorators, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { UploadRequest, type UploadSource } from '../uploads/upload-body.js';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { Roles } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
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
  @ApiRequestExample({
    csv: [
      'case_id,channel,priority,created_at,first_response_at,auto_reply_at,resolved_at,contact_type',
      'INC0010001,it-service-desk,P2,1999-10-11T08:12:00Z,1999-10-11T08:31:00Z,1999-10-11T08:12:05Z,1999-10-11T14:02:00Z,incident',
      'INC0010002,it-service-desk,P3,1999-10-11T09:40:00Z,1999-10-11T12:05:00Z,1999-10-11T09:40:04Z,,request',
    ].join('\n'),
  })
  uploadCases(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('cases', p, key, body, response);
  }

  @KpiInputUpload('cases/updates', 'case-updates', 'Upload status updates of cases',
    'Each (case_id, updated_at) once; the case must exist. Wall-clock times are read in the business calendar\'s zone.')
  @ApiRequestExample({
    csv: [
      'case_id,updated_at',
      'INC0010001,1999-10-11T09:15:00Z',
      'INC0010002,1999-10-12T10:00:00Z',
    ].join('\n'),
  })
  uploadCaseUpdates(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('case-updates', p, key, body, response);
  }

  @KpiInputUpload('quality-evaluations', 'quality-evaluations', 'Upload quality evaluations',
    '0 ≤ score ≤ max_score. Evaluations have no natural key: a corrected file is a new upload (the same bytes twice are a duplicate).')
  @ApiRequestExample({
    csv: [
      'contact_id,agent_id,date,score,max_score,channel',
      '46520,STEREN,1999-10-10,42,50,retail',
      '46521,STEREN,1999-10-10,38,50,retail',
    ].join('\n'),
  })
  uploadQualityEvaluations(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('quality-evaluations', p, key, body, response);
  }

  @KpiInputUpload('surveys', 'surveys', 'Upload survey responses (kind csat, effort, esat or engagement)',
    'scale_min < scale_max and the score on the scale. Responses have no natural key (the same bytes twice are a duplicate).')
  @ApiRequestExample({
    csv: [
      'kind,date,channel,agent,score,scale_min,scale_max',
      'csat,1999-10-10,retail,STEREN,5,1,5',
      'csat,1999-10-10,retail,ROTH,4,1,5',
      'effort,1999-10-11,english,,2,1,7',
    ].join('\n'),
  })
  uploadSurveys(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('surveys', p, key, body, response);
  }

  @KpiInputUpload('fcr-outcomes', 'fcr-outcomes', 'Upload first-contact-resolution outcomes',
    'A contact_id already stored is replaced.')
  @ApiRequestExample({
    csv: [
      'contact_id,channel,date,resolved_first_time',
      '46520,retail,1999-10-10,true',
      '46521,retail,1999-10-10,false',
    ].join('\n'),
  })
  uploadFcrOutcomes(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('fcr-outcomes', p, key, body, response);
  }

  @KpiInputUpload('costs', 'costs', 'Upload costs, budgets and attributed revenue (kind actual, budget or revenue) for [period_start, period_end)',
    'An entry of the same kind, period, channel (empty: all channels), category and contact type is replaced. Amounts are exact decimals.')
  @ApiRequestExample({
    csv: [
      'kind,period_start,period_end,channel,category,contact_type,amount,currency',
      'actual,1999-10-01,1999-11-01,retail,salaries,,412500.00,ILS',
      'budget,1999-10-01,1999-11-01,retail,salaries,,400000.00,ILS',
      'actual,1999-10-01,1999-11-01,,telephony,,38250.50,ILS',
    ].join('\n'),
  })
  uploadCosts(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('costs', p, key, body, response);
  }

  @KpiInputUpload('workforce-events', 'workforce-events', 'Upload headcount events (hired, left; voluntary for leavers)',
    'An (agent_id, date, event) already stored is replaced.')
  @ApiRequestExample({
    csv: [
      'agent_id,date,event,voluntary,team',
      'DANA,1999-10-11,hired,,retail',
      'KAZAV,1999-10-15,left,true,retail',
    ].join('\n'),
  })
  uploadWorkforceEvents(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('workforce-events', p, key, body, response);
  }

  @KpiInputUpload('customer-counts', 'customer-counts', 'Upload customer counts for [period_start, period_end) (channel empty: all channels)',
    'A count of the same period and channel is replaced.')
  @ApiRequestExample({
    csv: [
      'period_start,period_end,channel,customers',
      '1999-10-01,1999-11-01,,250000',
      '1999-10-01,1999-11-01,stocks,18000',
    ].join('\n'),
  })
  uploadCustomerCounts(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('customer-counts', p, key, body, response);
  }

  @KpiInputUpload('outbound-attempts', 'outbound-attempts', 'Upload outbound attempts (target, attempt time, whether the right party was reached)',
    'A (target_id, attempted_at) already stored is replaced. Wall-clock times are read in the channel\'s zone (no channel: the business calendar\'s).')
  @ApiRequestExample({
    csv: [
      'target_id,attempted_at,channel,agent_id,right_party',
      '34117721,1999-10-17T10:05:00+02:00,callback,AVI,true',
      '34117722,1999-10-17T10:09:30+02:00,callback,AVI,false',
    ].join('\n'),
  })
  uploadOutboundAttempts(@CurrentPrincipal() p: Principal, @Headers('idempotency-key') key: string | undefined, @UploadRequest() body: UploadSource, @Res({ passthrough: true }) response: Response): Promise<KpiInputUploadResponseDto> {
    return this.upload('outbound-attempts', p, key, body, response);
  }

  private async upload(kind: KpiInputKind, p: Principal, key: string | undefined, body: UploadSource, response: Response): Promise<KpiInputUploadResponseDto> {
    const out = await this.service.upload(kind, p.tenantId, { keyId: p.keyId, keyName: p.keyName }, body, key ?? null);
    response.status(out.duplicate ? 200 : 201);
    return out;
  }
}
