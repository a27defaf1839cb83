import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess } from '../../platform/auth/roles.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardRangeDto, DashboardRangeQueryDto } from './dto/dashboard-range.dto.js';

@ApiTags('dashboard')
@Controller('api/v1/dashboard')
export class DashboardController {
  constructor(private readonly service: DashboardService) {}

  @Get('range')
  @ReadAccess()
  @ApiOperation({ summary: "A channel's dashboard range as local midnights; default: the most recent 7 days with actuals" })
  @ApiOkResponse({ type: DashboardRangeDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CHANNEL_NOT_FOUND' })
  range(@CurrentPrincipal() p: Principal, @Query() q: DashboardRangeQueryDto): Promise<DashboardRangeDto> {
    return this.service.range(p.tenantId, q, Date.now());
  }
}
