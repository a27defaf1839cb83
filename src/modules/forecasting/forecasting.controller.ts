import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { Roles } from '../../platform/auth/roles.js';
import { BacktestResponseDto, ForecastBacktestDto, ForecastGenerateDto, ForecastGenerateResponseDto } from './dto/forecasting.dto.js';
import { JobDto } from '../jobs/index.js';
import { ForecastingService } from './forecasting.service.js';

@ApiTags('forecasting')
@Controller('api/v1/forecasts')
export class ForecastingController {
  constructor(private readonly service: ForecastingService) {}

  @Post('backtest')
  @Roles('planner')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rolling-origin back-test of forecasting methods on the actuals',
    description: 'At each origin (from, then every 7 days while the horizon ends by `to`) every method is re-fitted on the `historyWeeks` before it and forecasts `horizonDays`; WAPE, MAPE (actual > 0), bias and the seed accuracy (F − A) ÷ A by month, at interval and daily level. Special days and missing actuals (no row inside the open hours) are neither learnt from nor scored; `missing` lists per channel the missing days and intervals of the loaded history.',
  })
  @ApiOkResponse({ type: BacktestResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, UNKNOWN_CHANNELS' })
  backtest(@CurrentPrincipal() p: Principal, @Body() body: ForecastBacktestDto): Promise<BacktestResponseDto> {
    return this.service.backtest(p.tenantId, body);
  }

  @Post('generate')
  @Roles('planner')
  @ApiOperation({
    summary: 'Generate a forecast version from the actuals',
    description: 'Runs of up to 400,000 history intervals in all (e.g. 20 channels × 12 weeks of 15-minute history with `auto`, bands included: 4.4–5.0 s on a 2-core machine shared with other work at load 12, bench forecast-generate) answer 201 with the version; larger ones, or `async: true`, answer 202 with a job (GET /api/v1/jobs/{id}) whose result is that answer. The version has source `model:<method>` (`model:auto` when channels chose differently); each interval carries a p10 and p90 of volume; its metadata names the method, back-test WAPE, missing days and intervals per channel. Per channel, not all or nothing: a channel with too short a history gets the best method it allows (down to weekday-mean), one without a week of actuals is left out, both listed in `warnings`; 422 INSUFFICIENT_HISTORY only when no channel can be forecast.',
  })
  @ApiCreatedResponse({ type: ForecastGenerateResponseDto })
  @ApiAcceptedResponse({ type: JobDto, description: 'A job for a large run' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, UNKNOWN_CHANNELS, INSUFFICIENT_HISTORY' })
  async generate(@CurrentPrincipal() p: Principal, @Body() body: ForecastGenerateDto, @Res({ passthrough: true }) response: Response): Promise<ForecastGenerateResponseDto | JobDto> {
    const out = await this.service.generateOrStart(p.tenantId, { keyId: p.keyId, keyName: p.keyName }, body);
    response.status(out.status);
    return out.body;
  }
}
