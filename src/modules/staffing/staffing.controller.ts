import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { Roles } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
import { StaffingRequestDto } from './dto/staffing-request.dto.js';
import { StaffingResponseDto } from './dto/staffing-response.dto.js';
import { StaffingService } from './staffing.service.js';

@ApiTags('staffing')
@Controller('api/v1/staffing')
export class StaffingController {
  constructor(private readonly service: StaffingService) {}

  @Post('calculate')
  @HttpCode(200)
  @Roles('scheduler')
  @ApiOperation({
    summary: 'Required agents per interval (Erlang B, C or A), stateless',
    description:
      'For each interval: the smallest agent count meeting every goal, the goal that bound, the fractional requirement, ' +
      'scheduled agents after shrinkage, and the outcomes at that staffing. Without `goal`, every interval names a channel ' +
      'and the channel’s stored goal, shrinkage, patience and concurrency apply (request fields override them). ' +
      'Chat concurrency c is modelled as an effective handle time AHT / c.',
  })
  @ApiOkResponse({ type: StaffingResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, INVALID_INTERVALS (naming intervals[i].field), GOAL_UNREACHABLE, UNKNOWN_CHANNELS' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'TOO_MANY_INTERVALS (more than 100,000) or PAYLOAD_TOO_LARGE' })
  @ApiRequestExample({
    json: {
      model: 'erlang-c',
      intervals: [
        { start: '1999-10-17T09:00:00+02:00', channel: 'retail', volume: 100, ahtSeconds: 180 },
        { start: '1999-10-17T09:30:00+02:00', channel: 'retail', volume: 120, ahtSeconds: 175 },
        { start: '1999-10-17T09:00:00+02:00', channel: 'english', volume: 12, ahtSeconds: 200, shrinkage: 0.35 },
      ],
    },
  })
  calculate(@CurrentPrincipal() p: Principal, @Body() body: StaffingRequestDto): Promise<StaffingResponseDto> {
    return this.service.calculate(p.tenantId, body);
  }

  @Post('evaluate')
  @HttpCode(200)
  @Roles('scheduler', 'analyst')
  @ApiOperation({
    summary: 'Outcomes of a given staffing per interval (what-if)',
    description: 'Same body as calculate, but every interval carries `agents`; answers service level, ASA, wait probability, occupancy and abandon rate at that staffing.',
  })
  @ApiOkResponse({ type: StaffingResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED or INVALID_INTERVALS naming the field and interval index' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'TOO_MANY_INTERVALS' })
  @ApiRequestExample({
    json: {
      model: 'erlang-a',
      intervals: [
        { start: '1999-10-17T09:00:00+02:00', channel: 'retail', volume: 100, ahtSeconds: 180, agents: 14 },
        { start: '1999-10-17T09:30:00+02:00', channel: 'retail', volume: 120, ahtSeconds: 175, agents: 15 },
      ],
    },
  })
  evaluate(@CurrentPrincipal() p: Principal, @Body() body: StaffingRequestDto): Promise<StaffingResponseDto> {
    return this.service.evaluate(p.tenantId, body);
  }
}
