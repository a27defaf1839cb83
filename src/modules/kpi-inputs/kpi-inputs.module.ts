import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { KpiInputsController } from './kpi-inputs.controller.js';
import { KpiInputsRepository } from './kpi-inputs.repository.js';
import { KpiInputsService } from './kpi-inputs.service.js';

/** KPI inputs: nine CSV/JSON uploads through one table-driven sink. */
@Module({
  imports: [ChannelsModule, UploadsModule, CasesModule],
  controllers: [KpiInputsController],
  providers: [KpiInputsRepository, KpiInputsService],
})
export class KpiInputsModule {}
