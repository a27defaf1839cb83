import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { ForecastsModule } from '../forecasts/forecasts.module.js';
import { CalendarController } from './calendar.controller.js';
import { ForecastAccuracyService } from './forecast-accuracy.service.js';
import { ForecastingController } from './forecasting.controller.js';
import { ForecastingRepository } from './forecasting.repository.js';
import { ForecastingService } from './forecasting.service.js';
import { JobsModule } from './jobs.module.js';
import { ReportsController } from './reports.controller.js';
import { SpecialDaysService } from './special-days.service.js';

/** Forecasting engine: back-tests, generated forecast versions the special-days calendar and the forecast-accuracy report, and jobs for long runs (JobsModule, kept in PostgreSQL; issue 5). */
@Module({
  imports: [ChannelsModule, ForecastsModule, JobsModule],
  controllers: [ForecastingController, CalendarController, ReportsController],
  providers: [ForecastingRepository, ForecastingService, SpecialDaysService, ForecastAccuracyService],
  exports: [JobsModule],
})
export class ForecastingModule {}
