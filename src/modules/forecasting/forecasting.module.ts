import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { ForecastsModule } from '../forecasts/forecasts.module.js';
import { CalendarController } from './calendar.controller.js';
import { ForecastingController } from './forecasting.controller.js';
import { ForecastingRepository } from './forecasting.repository.js';
import { ForecastingService } from './forecasting.service.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { SpecialDaysService } from './special-days.service.js';

/** Forecasting engine: back-tests, generated forecast versions and the special-days calendar; long runs go through JobsModule. */
@Module({
  imports: [ChannelsModule, ForecastsModule, JobsModule],
  controllers: [ForecastingController, CalendarController],
  providers: [ForecastingRepository, ForecastingService, SpecialDaysService],
})
export class ForecastingModule {}
