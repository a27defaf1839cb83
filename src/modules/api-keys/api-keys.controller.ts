import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { AdminOnly } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyCreateDto, ApiKeyCreatedDto, ApiKeyListDto } from './dto/api-key.dto.js';

@ApiTags('api-keys')
@Controller('api/v1/api-keys')
@AdminOnly()
export class ApiKeysController {
  constructor(private readonly service: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the secret is shown once in the answer' })
  @ApiCreatedResponse({ type: ApiKeyCreatedDto })
  @ApiRequestExample({ json: { name: 'power-bi', role: 'analyst' } })
  create(@CurrentPrincipal() principal: Principal, @Body() body: ApiKeyCreateDto): Promise<ApiKeyCreatedDto> {
    return this.service.create(principal.tenantId, body.name, body.role);
  }

  @Get()
  @ApiOperation({ summary: "List the tenant's API keys (never the secrets)" })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(@CurrentPrincipal() principal: Principal): Promise<ApiKeyListDto> {
    return { data: await this.service.list(principal.tenantId), next: null };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'API_KEY_NOT_FOUND' })
  revoke(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.service.revoke(principal.tenantId, id);
  }
}
