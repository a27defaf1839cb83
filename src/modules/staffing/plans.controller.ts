import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess, Roles } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
import { IntervalQueryDto } from '../listing/interval-query.js';
import { PageQueryDto } from '../listing/paging.js';
import { listingFormat, sendListing } from '../listing/send-listing.js';
import { PlanCreateDto, PlanIntervalListDto, PlanListDto, PlanResponseDto } from './dto/plan.dto.js';
import { PlansService } from './plans.service.js';

@ApiTags('staffing')
@Controller('api/v1/staffing/plans')
export class PlansController {
  constructor(private readonly service: PlansService) {}

  @Post()
  @Roles('scheduler')
  @ApiOperation({
    summary: 'Staff a stored forecast version: the requirement of every interval of every channel, stored as a plan',
    description: "Each channel's stored goal, shrinkage, patience and concurrency apply unless the body overrides them; a forecast row's own shrinkage wins over both.",
  })
  @ApiCreatedResponse({ type: PlanResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FORECAST_VERSION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED or GOAL_UNREACHABLE naming the channel and interval' })
  @ApiRequestExample({
    json: {
      forecastVersionId: '00000000-0000-4000-8000-000000000000',
      label: 'Week of 17 October 1999, Erlang C at each channel goal',
      model: 'erlang-c',
      channels: ['retail', 'english'],
    },
    note: 'In the example, replace forecastVersionId with the id of one of your forecast versions (the id POST /api/v1/forecasts answers, or one of GET /api/v1/forecasts)',
  })
  create(@CurrentPrincipal() p: Principal, @Body() body: PlanCreateDto): Promise<PlanResponseDto> {
    return this.service.create(p, body);
  }

  @Get()
  @ReadAccess()
  @ApiOperation({ summary: 'Staffing plans, newest first' })
  @ApiOkResponse({ type: PlanListDto })
  list(@CurrentPrincipal() p: Principal, @Query() query: PageQueryDto): Promise<PlanListDto> {
    return this.service.list(p.tenantId, query.limit, query.cursor);
  }

  @Get(':id')
  @ReadAccess()
  @ApiOperation({ summary: 'One staffing plan with its settings and totals' })
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'PLAN_NOT_FOUND' })
  get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<PlanResponseDto> {
    return this.service.get(p.tenantId, id);
  }

  @Get(':id/intervals')
  @ReadAccess()
  @ApiOperation({ summary: 'The intervals of a plan (JSON pages, or CSV with format=csv or Accept: text/csv)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PlanIntervalListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'PLAN_NOT_FOUND' })
  async intervals(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: IntervalQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await sendListing(request, response, await this.service.intervals(p.tenantId, id, query, listingFormat(request, query.format)));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('scheduler')
  @ApiOperation({ summary: 'Delete a staffing plan (frees its forecast version for deletion)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'PLAN_NOT_FOUND' })
  delete(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.service.delete(p.tenantId, id);
  }
}
