import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess, Roles } from '../../platform/auth/roles.js';
import { ApiRequestExample } from '../../platform/http/openapi-examples.js';
import { ImportMappingListDto, ImportMappingPutDto, ImportMappingResponseDto } from './dto/import-mapping.dto.js';
import { ImportMappingsService } from './import-mappings.service.js';

@ApiTags('import-mappings')
@Controller('api/v1/import-mappings')
export class ImportMappingsController {
  constructor(private readonly service: ImportMappingsService) {}

  @Get()
  @ReadAccess()
  @ApiOperation({ summary: 'List the saved import mappings' })
  @ApiOkResponse({ type: ImportMappingListDto })
  async list(@CurrentPrincipal() p: Principal): Promise<ImportMappingListDto> {
    return { data: await this.service.list(p.tenantId), next: null };
  }

  @Get(':name')
  @ReadAccess()
  @ApiOperation({ summary: 'One import mapping' })
  @ApiOkResponse({ type: ImportMappingResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'IMPORT_MAPPING_NOT_FOUND' })
  get(@CurrentPrincipal() p: Principal, @Param('name') name: string): Promise<ImportMappingResponseDto> {
    return this.service.get(p.tenantId, name);
  }

  @Put(':name')
  @Roles('planner')
  @ApiOperation({ summary: 'Create or replace an import mapping (201 created, 200 replaced); upload with ?mapping=name' })
  @ApiOkResponse({ type: ImportMappingResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED naming each problem by its JSON path' })
  @ApiRequestExample({
    params: { name: 'acd-semicolon' },
    json: {
      description: 'ACD export with ; and day-first dates',
      kind: 'contacts',
      delimiter: ';',
      dateTimeFormat: 'dd/mm/yyyy hh:mm:ss',
      nullValues: { Agent: ['-'] },
      skipRows: [{ Result: 'TEST' }],
      fields: {
        channel: { column: 'Queue', values: { PS: 'retail', PE: 'english' } },
        contact_id: 'Id',
        arrived_at: 'Start',
        handle_seconds: 'Talk',
        wait_seconds: 'Wait',
        agent_id: 'Agent',
        outcome: { column: 'Result', values: { OK: 'answered', LOST: 'abandoned' } },
      },
    },
  })
  async put(
    @CurrentPrincipal() p: Principal,
    @Param('name') name: string,
    @Body() body: ImportMappingPutDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportMappingResponseDto> {
    const { mapping, created } = await this.service.put(p.tenantId, name, body);
    response.status(created ? 201 : 200);
    return mapping;
  }

  @Delete(':name')
  @Roles('planner')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an import mapping' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'IMPORT_MAPPING_NOT_FOUND' })
  delete(@CurrentPrincipal() p: Principal, @Param('name') name: string): Promise<void> {
    return this.service.delete(p.tenantId, name);
  }
}
