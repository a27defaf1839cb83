/** The jobs module's public surface: other modules start jobs and answer 202 with a JobDto. */
export { JobsModule } from './jobs.module.js';
export { JobsService } from './jobs.service.js';
export { JobDto, type JobStatus } from './dto/job.dto.js';
