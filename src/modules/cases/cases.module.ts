import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { KpisModule } from '../kpis/kpis.module.js';
import { CaseComplianceKpiSource } from './case-compliance.kpi-source.js';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';

/** Deferred contacts: response-time objectives, the business calendar, compliance and its KPIs. */
@Module({
  imports: [ChannelsModule, KpisModule],
  controllers: [CasesController],
  providers: [CasesRepository, CasesService, CaseComplianceKpiSource],
  exports: [CasesService],
})
export class CasesModule {}
