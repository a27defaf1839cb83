import { Module } from '@nestjs/common';
import { AdherenceModule } from '../adherence/adherence.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { ForecastsModule } from '../forecasts/forecasts.module.js';
import { ForecastAccuracyController } from './forecast-accuracy.controller.js';
import { ForecastAccuracyService } from './forecast-accuracy.service.js';
import { CalibrationService } from './calibration.service.js';
import { IntervalComparisonService } from './interval-comparison.service.js';
import { IntervalReader } from './interval-reader.js';
import { IntervalComparisonController } from './interval-comparison.controller.js';
import { ReportsRepository } from './reports.repository.js';

/** Cross-module reports: the interval comparison of forecast, requirement, staffing and outcome, and the queueing-model calibration. */
@Module({
  imports: [ChannelsModule, ForecastsModule, AdherenceModule],
  controllers: [IntervalComparisonController, ForecastAccuracyController],
  providers: [ReportsRepository, IntervalReader, IntervalComparisonService, CalibrationService, ForecastAccuracyService],
})
export class ReportsModule {}
