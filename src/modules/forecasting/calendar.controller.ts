import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess, Roles } from '../../platform/auth/roles.js';
import { SpecialDayListDto, SpecialDaysPutDto, SpecialDaysQueryDto } from './dto/special-days.dto.js';
import { SpecialDaysService } from './special-days.service.js';

@ApiTags('calendar')
@Controller('api/v1/calendar/special-days')
export class CalendarController {
  constructor(private readonly service: SpecialDaysService) {}

  @Put()
  @Roles('planner')
  @ApiOperation({ summary: 'Create or replace special days (closed, holiday, event), per channel or for all channels' })
  @ApiOkResponse({ type: SpecialDayListDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, UNKNOWN_CHANNELS' })
  put(@CurrentPrincipal() p: Principal, @Body() body: SpecialDaysPutDto): Promise<SpecialDayListDto> {
    return this.service.put(p.tenantId, body);
  }

  @Get()
  @ReadAccess()
  @ApiOperation({ summary: 'Special days in [from, to)' })
  @ApiOkResponse({ type: SpecialDayListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: SpecialDaysQueryDto): Promise<SpecialDayListDto> {
    return this.service.list(p.tenantId, q.from, q.to);
  }
}
