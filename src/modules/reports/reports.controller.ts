import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ReadAccess } from '../auth/roles.js';
import { sendListing } from '../uploads/listing.js';
import { IntervalComparisonListDto, IntervalComparisonQueryDto } from './dto/interval-comparison.dto.js';
import { IntervalComparisonService } from './interval-comparison.service.js';

@ApiTags('reports')
@Controller('api/v1/reports')
export class IntervalComparisonController {
  constructor(private readonly service: IntervalComparisonService) {}

  @Get('interval-comparison')
  @ReadAccess()
  @ApiOperation({
    summary: 'Forecast, requirement, staffing and outcome side by side per channel and period (interval, day, ISO week or month in the channel zone); ' +
      'missing inputs are empty columns. CSV columns: channel, period_start, period_start_local, forecast_volume, actual_offered, volume_variance_pct, ' +
      'forecast_aht_seconds, actual_aht_seconds, aht_variance_pct, required_agents, required_agents_fractional, scheduled_agents, staffed_agents, ' +
      'staffing_gap, service_level_goal, service_level_achieved, service_level_predicted, service_level_residual, asa_seconds, abandon_rate, occupancy',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: IntervalComparisonListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FORECAST_VERSION_NOT_FOUND, PLAN_NOT_FOUND' })
  async intervalComparison(@CurrentPrincipal() p: Principal, @Query() q: IntervalComparisonQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.report(p.tenantId, q, request));
  }
}
