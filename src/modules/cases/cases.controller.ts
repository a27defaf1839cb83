import { Body, Controller, Get, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess, Roles } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
import { listingFormat, sendListing } from '../listing/send-listing.js';
import { DEFAULT_CALENDAR, type BusinessCalendarSettings } from './business-calendar-settings.js';
import { CasesService } from './cases.service.js';
import { BusinessCalendarDto, ComplianceListDto, ComplianceQueryDto, ResponsePolicyDto } from './dto/cases.dto.js';
import { DEFAULT_POLICY, type ResponsePolicy } from './response-policy.js';

const INVALID = { type: ErrorResponseDto, description: 'VALIDATION_FAILED naming each bad field by its path' };

@ApiTags('cases')
@Controller('api/v1')
export class CasesController {
  constructor(private readonly service: CasesService) {}

  @Get('cases/objectives')
  @ReadAccess()
  @ApiOperation({ summary: 'Response-time objectives by priority (the seed\'s default policy until a PUT)' })
  @ApiOkResponse({ type: ResponsePolicyDto })
  getObjectives(@CurrentPrincipal() p: Principal): Promise<ResponsePolicy> {
    return this.service.getPolicy(p.tenantId);
  }

  @Put('cases/objectives')
  @Roles('planner')
  @ApiOperation({ summary: 'Set the response-time objectives: per priority initial response, update cadence and resolution (amount, unit, clock; null for none)' })
  @ApiBody({ type: ResponsePolicyDto })
  @ApiOkResponse({ type: ResponsePolicyDto })
  @ApiUnprocessableEntityResponse(INVALID)
  @ApiRequestExample({ json: DEFAULT_POLICY })
  putObjectives(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<ResponsePolicy> {
    return this.service.putPolicy(p.tenantId, body);
  }

  @Get('calendar/business-hours')
  @ReadAccess()
  @ApiOperation({ summary: 'The business calendar of business-hour objectives (Monday–Friday 09:00–17:00 UTC until a PUT)' })
  @ApiOkResponse({ type: BusinessCalendarDto })
  getCalendar(@CurrentPrincipal() p: Principal): Promise<BusinessCalendarSettings> {
    return this.service.getCalendar(p.tenantId);
  }

  @Put('calendar/business-hours')
  @Roles('planner')
  @ApiOperation({ summary: 'Set the business calendar: time zone, working weekdays, opening and closing time, holidays' })
  @ApiBody({ type: BusinessCalendarDto })
  @ApiOkResponse({ type: BusinessCalendarDto })
  @ApiUnprocessableEntityResponse(INVALID)
  @ApiRequestExample({ json: DEFAULT_CALENDAR })
  putCalendar(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<BusinessCalendarSettings> {
    return this.service.putCalendar(p.tenantId, body);
  }

  @Get('cases/compliance')
  @ReadAccess()
  @ApiOperation({
    summary: 'Deferred-contact compliance per channel, priority and period (JSON pages or CSV, ETag)',
    description: 'Cases created in [from, to) (required), judged at asOf (default now): met shares of initial response, agent response, automatic reply, update cadence and resolution (met ÷ due), open cases, resolution-time p50/p90/p95 in seconds.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ComplianceListDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, UNKNOWN_CHANNELS' })
  async compliance(@CurrentPrincipal() p: Principal, @Query() q: ComplianceQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.compliance(p.tenantId, q, listingFormat(request, q.format)));
  }
}
