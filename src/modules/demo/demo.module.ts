import { Module } from '@nestjs/common';
import { ActualsModule } from '../actuals/actuals.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { ForecastsModule } from '../forecasts/forecasts.module.js';
import { ImportMappingsModule } from '../import-mappings/import-mappings.module.js';
import { DemoSeeder } from './demo.seeder.js';

@Module({ imports: [ChannelsModule, ImportMappingsModule, ActualsModule, ForecastsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
