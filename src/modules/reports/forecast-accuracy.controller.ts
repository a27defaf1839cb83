import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess } from '../../platform/auth/roles.js';
import { listingFormat, sendListing } from '../listing/send-listing.js';
import { FORECAST_ACCURACY_COLUMNS, ForecastAccuracyListDto, ForecastAccuracyQueryDto } from './dto/forecast-accuracy.dto.js';
import { ForecastAccuracyService } from './forecast-accuracy.service.js';

@ApiTags('reports')
@Controller('api/v1/reports')
export class ForecastAccuracyController {
  constructor(private readonly service: ForecastAccuracyService) {}

  @Get('forecast-accuracy')
  @ReadAccess()
  @ApiOperation({
    // The operation id of the first release (generated clients name their method after it).
    operationId: 'ReportsController_forecastAccuracy',
    summary: 'Forecast against actual (offered) for any stored version, with the seed variance (F − A) ÷ A per row and the shares of intervals and months within ±5%. ' +
      'JSON pages by cursor (with a per-channel summary); CSV streamed (RFC 4180). ETag / If-None-Match. CSV columns: ' + FORECAST_ACCURACY_COLUMNS.join(', '),
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ForecastAccuracyListDto, description: 'JSON page, or CSV with the columns above (the row fields in snake_case)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FORECAST_VERSION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'UNKNOWN_CHANNELS' })
  async forecastAccuracy(@CurrentPrincipal() p: Principal, @Query() q: ForecastAccuracyQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.report(p.tenantId, q, listingFormat(request, q.format)));
  }
}
