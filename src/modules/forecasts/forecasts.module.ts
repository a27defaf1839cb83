import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { ImportMappingsModule } from '../import-mappings/import-mappings.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { ForecastsController } from './forecasts.controller.js';
import { ForecastsRepository } from './forecasts.repository.js';
import { ForecastsService } from './forecasts.service.js';

/** Forecast versions; exports ForecastsService (getVersion, readIntervals, createVersion) to staffing and forecasting. */
@Module({
  imports: [ChannelsModule, ImportMappingsModule, UploadsModule],
  controllers: [ForecastsController],
  providers: [ForecastsRepository, ForecastsService],
  exports: [ForecastsService],
})
export class ForecastsModule {}
