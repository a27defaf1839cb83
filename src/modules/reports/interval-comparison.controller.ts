import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess } from '../../platform/auth/roles.js';
import { CalibrationService } from './calibration.service.js';
import { CALIBRATION_COLUMNS, CalibrationListDto, CalibrationQueryDto } from './dto/calibration.dto.js';
import { INTERVAL_COMPARISON_COLUMNS, IntervalComparisonListDto, IntervalComparisonQueryDto } from './dto/interval-comparison.dto.js';
import { IntervalComparisonService } from './interval-comparison.service.js';
import { listingFormat, sendListing } from '../listing/send-listing.js';

@ApiTags('reports')
@Controller('api/v1/reports')
export class IntervalComparisonController {
  constructor(
    private readonly service: IntervalComparisonService,
    private readonly calibration: CalibrationService,
  ) {}

  @Get('interval-comparison')
  @ReadAccess()
  @ApiOperation({
    summary: 'Forecast, requirement, staffing and outcome side by side per channel and period (interval, day, ISO week or month in the channel zone); ' +
      'missing inputs are empty columns. JSON pages by cursor; CSV streamed (RFC 4180). ETag / If-None-Match. CSV columns: ' + INTERVAL_COMPARISON_COLUMNS.join(', '),
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: IntervalComparisonListDto, description: 'JSON page, or CSV with the columns above (the JSON fields in snake_case)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FORECAST_VERSION_NOT_FOUND, PLAN_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'UNKNOWN_CHANNELS' })
  async intervalComparison(@CurrentPrincipal() p: Principal, @Query() q: IntervalComparisonQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.report(p.tenantId, q, listingFormat(request, q.format)));
  }

  @Get('calibration')
  @ReadAccess()
  @ApiOperation({
    summary: 'How far the queueing models were from reality: per channel (and `*`, all channels) the mean, spread and percentiles of the ' +
      'service-level residual (achieved − predicted) under Erlang C and Erlang A over the intervals with actuals and staffed agents, and the ' +
      'patience that best explains the observed abandonment (θ = abandoned ÷ total wait; mean patience 1/θ), which Erlang A uses. ' +
      'ETag / If-None-Match. CSV columns: ' + CALIBRATION_COLUMNS.join(', '),
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: CalibrationListDto, description: 'JSON page, or CSV with the columns above (the JSON fields in snake_case)' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'UNKNOWN_CHANNELS' })
  async calibrationReport(@CurrentPrincipal() p: Principal, @Query() q: CalibrationQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.calibration.report(p.tenantId, q, listingFormat(request, q.format)));
  }
}
