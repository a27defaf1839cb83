import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ReadAccess } from '../auth/roles.js';
import { JobDto } from './dto/job.dto.js';
import { JobsService } from './jobs.service.js';

@ApiTags('jobs')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':id')
  @ReadAccess()
  @ApiOperation({ summary: 'A long-running job: status, progress 0..1, then result or error' })
  @ApiOkResponse({ type: JobDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'JOB_NOT_FOUND' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): JobDto {
    return this.jobs.get(p.tenantId, id);
  }
}
