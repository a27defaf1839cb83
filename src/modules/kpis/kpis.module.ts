import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AdherenceModule } from '../adherence/adherence.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { AdherenceKpiSource } from './adherence.source.js';
import { BuiltInKpiSource } from './built-in.source.js';
import { KpiScheduler } from './kpi-scheduler.js';
import { KpiSourceRegistry } from './kpi-source-registry.js';
import { KpiSumsRepository } from './kpi-sums.repository.js';
import { KpisController } from './kpis.controller.js';
import { KpisRepository } from './kpis.repository.js';
import { KpisService } from './kpis.service.js';

/**
 * KPI rollups: the seven KPI families per channel and period, kept current (after
 * every upload, nightly, on demand). Other modules add KPIs by registering a KpiSource with the
 * exported KpiSourceRegistry in their `onModuleInit`.
 */
@Module({
  imports: [ScheduleModule.forRoot(), ChannelsModule, UploadsModule, JobsModule, AdherenceModule],
  controllers: [KpisController],
  providers: [KpiSourceRegistry, KpiSumsRepository, KpisRepository, BuiltInKpiSource, AdherenceKpiSource, KpisService, KpiScheduler],
  exports: [KpiSourceRegistry],
})
export class KpisModule {}
