import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess } from '../../platform/auth/roles.js';
import { UploadListDto, UploadQueryDto, UploadResponseDto } from './dto/upload.dto.js';
import { UploadsService } from './uploads.service.js';

@ApiTags('uploads')
@Controller('api/v1/uploads')
export class UploadsController {
  constructor(private readonly service: UploadsService) {}

  @Get()
  @ReadAccess()
  @ApiOperation({ summary: 'The upload log, newest first: kind, who, when, rows, bytes, duration, outcome' })
  @ApiOkResponse({ type: UploadListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: UploadQueryDto): Promise<UploadListDto> {
    return this.service.list(p.tenantId, q.kind ?? null, q.limit ?? 1000, q.cursor ?? null);
  }

  @Get(':id')
  @ReadAccess()
  @ApiOperation({ summary: 'One upload of the log' })
  @ApiOkResponse({ type: UploadResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'UPLOAD_NOT_FOUND' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<UploadResponseDto> {
    return this.service.get(p.tenantId, id);
  }
}
