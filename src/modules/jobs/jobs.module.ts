import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';

/**
 * Jobs for long-running work (`202` + `GET /api/v1/jobs/{id}`), kept in PostgreSQL. Import this
 * module to run work as a job: `await jobs.start(tenantId, kind, (progress) => work(progress))`.
 */
@Module({
  controllers: [JobsController],
  providers: [JobsRepository, JobsService],
  exports: [JobsService],
})
export class JobsModule {}
