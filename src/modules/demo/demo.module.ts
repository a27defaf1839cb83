import { Module } from '@nestjs/common';
import { ActualsModule } from '../actuals/actuals.module.js';
import { AdherenceModule } from '../adherence/adherence.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { ForecastsModule } from '../forecasts/forecasts.module.js';
import { ImportMappingsModule } from '../import-mappings/import-mappings.module.js';
import { PlansRepository } from '../staffing/plans.repository.js';
import { PlansService } from '../staffing/plans.service.js';
import { DemoSeeder } from './demo.seeder.js';

/** The demo seeder; it makes its staffing plan through its own PlansService (the staffing module exports none). */
@Module({
  imports: [ChannelsModule, ImportMappingsModule, ActualsModule, ForecastsModule, AdherenceModule],
  providers: [DemoSeeder, PlansService, PlansRepository],
  exports: [DemoSeeder],
})
export class DemoModule {}
