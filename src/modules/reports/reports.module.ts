import { Module } from '@nestjs/common';
import { AdherenceModule } from '../adherence/adherence.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { ForecastsModule } from '../forecasts/forecasts.module.js';
import { IntervalComparisonService } from './interval-comparison.service.js';
import { IntervalComparisonController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';

/** Cross-module reports (issue 8): the interval comparison of forecast, requirement, staffing and outcome. */
@Module({
  imports: [ChannelsModule, ForecastsModule, AdherenceModule],
  controllers: [IntervalComparisonController],
  providers: [ReportsRepository, IntervalComparisonService],
})
export class ReportsModule {}
