import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../platform/errors/error-response.dto.js';
import { CurrentPrincipal, type Principal } from '../../platform/auth/principal.js';
import { ReadAccess } from '../../platform/auth/roles.js';
import { JobDto } from './dto/job.dto.js';
import { JobsService } from './jobs.service.js';

@ApiTags('jobs')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':id')
  @ReadAccess()
  @ApiOperation({
    summary: 'A long-running job: status, progress 0..1, then result or error',
    description: 'Jobs are kept in the database for 7 days after they finish, whichever instance ran them. A job whose process stopped before it finished is failed with JOB_INTERRUPTED (503 in its error body): start it again.',
  })
  @ApiOkResponse({ type: JobDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'MALFORMED_REQUEST (the id is not a UUID)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'JOB_NOT_FOUND' })
  get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<JobDto> {
    return this.jobs.get(p.tenantId, id);
  }
}
