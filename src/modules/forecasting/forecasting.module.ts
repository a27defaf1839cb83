import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { ForecastsModule } from '../forecasts/forecasts.module.js';
import { CalendarController } from './calendar.controller.js';
import { ForecastAccuracyService } from './forecast-accuracy.service.js';
import { ForecastingController } from './forecasting.controller.js';
import { ForecastingRepository } from './forecasting.repository.js';
import { ForecastingService } from './forecasting.service.js';
import { JobsController } from './jobs.controller.js';
import { JobsService } from './jobs.service.js';
import { ReportsController } from './reports.controller.js';
import { SpecialDaysService } from './special-days.service.js';

/** Forecasting engine: back-tests, generated forecast versions the special-days calendar and the forecast-accuracy report, and in-process jobs for long runs (issue 5). */
@Module({
  imports: [ChannelsModule, ForecastsModule],
  controllers: [ForecastingController, CalendarController, ReportsController, JobsController],
  providers: [ForecastingRepository, ForecastingService, SpecialDaysService, ForecastAccuracyService, JobsService],
})
export class ForecastingModule {}
