import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { AdminOnly, ReadAccess } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
import { JobDto } from '../jobs/index.js';
import { listingFormat, sendListing } from '../listing/send-listing.js';
import { KpiCatalogueDto, KpiListDto, KpiQueryDto, KpiRecomputeQueryDto, KpiRecomputeResultDto } from './dto/kpis.dto.js';
import { KpisService } from './kpis.service.js';

@ApiTags('kpis')
@Controller('api/v1/kpis')
export class KpisController {
  constructor(private readonly service: KpisService) {}

  @Get()
  @ReadAccess()
  @ApiOperation({
    summary: 'KPI values per channel (and `*`, all channels) and period: day, ISO week or month (stored rollups) or interval (computed on read). ' +
      'Values are recomputed from summed numerators and denominators. Split rows (cost per contact by contact type) with `dimension=contact-type`; by default only the rows over everything. ' +
      'CSV columns: channel, period_start, period_start_local, granularity, family, kpi, unit, numerator, denominator, value, detail, computed_at, dimension',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: KpiListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FORECAST_VERSION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (naming the field), UNKNOWN_CHANNELS' })
  async list(@CurrentPrincipal() p: Principal, @Query() q: KpiQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendListing(request, response, await this.service.list(p.tenantId, q, listingFormat(request, q.format)));
  }

  @Get('catalogue')
  @ReadAccess()
  @ApiOperation({ summary: 'Every KPI: code, name, family, formula in words, unit, direction, inputs, granularities, and whether this tenant has data for it' })
  @ApiOkResponse({ type: KpiCatalogueDto })
  catalogue(@CurrentPrincipal() p: Principal): Promise<KpiCatalogueDto> {
    return this.service.catalogue(p.tenantId);
  }

  @Post('recompute')
  @AdminOnly()
  @ApiOperation({
    summary: 'Recompute the stored KPI rollups of [from, to), widened to whole days, weeks and months in every zone of the tenant',
    description: 'Ranges of up to 92 days answer 200 with the counts; longer ones answer 202 with a job (GET /api/v1/jobs/{id}) whose result is those counts.',
  })
  @ApiOkResponse({ type: KpiRecomputeResultDto })
  @ApiAcceptedResponse({ type: JobDto, description: 'A job for a range longer than 92 days' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (naming from or to)' })
  @ApiRequestExample({ params: { from: '1999-10-01', to: '1999-11-01' } })
  async recompute(@CurrentPrincipal() p: Principal, @Query() q: KpiRecomputeQueryDto, @Res({ passthrough: true }) response: Response): Promise<KpiRecomputeResultDto | JobDto> {
    const out = await this.service.recomputeOrStart(p.tenantId, q.from, q.to);
    response.status(out.status);
    return out.body;
  }
}
