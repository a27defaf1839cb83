import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess, Roles } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
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
  @ApiRequestExample({
    json: {
      days: [
        { date: '1999-10-18', channel: 'stocks', label: 'Quarterly results of the bank', kind: 'event', volumeFactor: 1.5 },
        { date: '1999-12-31', label: 'Millennium eve', kind: 'holiday', volumeFactor: 0.4 },
      ],
    },
  })
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
