import { Module } from '@nestjs/common';
import { AdherenceModule } from '../adherence/adherence.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { JobsModule } from '../jobs/index.js';
import { StaffingModule } from '../staffing/staffing.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { ScheduleSolver } from './schedule-solver.js';
import { SCHEDULE_SOLVER } from './schedule-solver.port.js';
import { AgentsController, ScenariosController, ScheduleGenerateController, SchedulingRulesController } from './scheduling.controller.js';
import { SchedulingRepository } from './scheduling.repository.js';
import { SchedulingService } from './scheduling.service.js';

/** Schedules from the requirement: rules, roster, generation (ScheduleSolver, a worker), scenarios and publication. */
@Module({
  imports: [ChannelsModule, StaffingModule, AdherenceModule, JobsModule, UploadsModule],
  controllers: [SchedulingRulesController, AgentsController, ScheduleGenerateController, ScenariosController],
  providers: [SchedulingRepository, SchedulingService, ScheduleSolver, { provide: SCHEDULE_SOLVER, useExisting: ScheduleSolver }],
  exports: [SchedulingService],
})
export class SchedulingModule {}
