import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { AdminOnly, ReadAccess } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
import { ChannelsService, toChannelResponse } from './channels.service.js';
import { ChannelListDto, ChannelPutDto, ChannelResponseDto } from './dto/channel.dto.js';

@ApiTags('channels')
@Controller('api/v1/channels')
export class ChannelsController {
  constructor(private readonly service: ChannelsService) {}

  @Get()
  @ReadAccess()
  @ApiOperation({ summary: 'List channels with their service goals' })
  @ApiOkResponse({ type: ChannelListDto })
  async list(@CurrentPrincipal() p: Principal): Promise<ChannelListDto> {
    return { data: (await this.service.list(p.tenantId)).map(toChannelResponse), next: null };
  }

  @Get(':code')
  @ReadAccess()
  @ApiOperation({ summary: 'One channel' })
  @ApiOkResponse({ type: ChannelResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CHANNEL_NOT_FOUND' })
  async get(@CurrentPrincipal() p: Principal, @Param('code') code: string): Promise<ChannelResponseDto> {
    return toChannelResponse(await this.service.get(p.tenantId, code));
  }

  @Put(':code')
  @AdminOnly()
  @ApiOperation({ summary: 'Create or replace a channel (200 replaced, 201 created)' })
  @ApiOkResponse({ type: ChannelResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED naming the field' })
  @ApiRequestExample({
    params: { code: 'retail' },
    json: {
      name: 'Retail banking (queue PS)', media: 'voice-inbound', timeZone: 'Asia/Jerusalem', intervalMinutes: 30,
      serviceLevelTarget: 0.8, thresholdSeconds: 20, maxAbandonRate: 0.05, shrinkage: 0.3, patienceSeconds: 300,
    },
  })
  async put(
    @CurrentPrincipal() p: Principal,
    @Param('code') code: string,
    @Body() body: ChannelPutDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChannelResponseDto> {
    const { channel, created } = await this.service.put(p.tenantId, code, body);
    response.status(created ? 201 : 200);
    return toChannelResponse(channel);
  }

  @Delete(':code')
  @AdminOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a channel that holds no data' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CHANNEL_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CHANNEL_IN_USE' })
  delete(@CurrentPrincipal() p: Principal, @Param('code') code: string): Promise<void> {
    return this.service.delete(p.tenantId, code);
  }
}
