import { Module } from '@nestjs/common';
import { ActualsModule } from '../actuals/actuals.module.js';
import { AdherenceModule } from '../adherence/adherence.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { ForecastsModule } from '../forecasts/forecasts.module.js';
import { ImportMappingsModule } from '../import-mappings/import-mappings.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { StaffingModule } from '../staffing/staffing.module.js';
import { DemoSeeder } from './demo.seeder.js';

/** The demo seeder: it loads the demo through the services of the modules it imports. */
@Module({
  imports: [ChannelsModule, ImportMappingsModule, ActualsModule, ForecastsModule, AdherenceModule, StaffingModule, SchedulingModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
