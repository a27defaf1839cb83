import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { ForecastsModule } from '../forecasts/forecasts.module.js';
import { PlansController } from './plans.controller.js';
import { PlansRepository } from './plans.repository.js';
import { PlansService } from './plans.service.js';
import { StaffingController } from './staffing.controller.js';
import { StaffingRunner } from './staffing-runner.js';
import { StaffingService } from './staffing.service.js';

@Module({
  imports: [ChannelsModule, ForecastsModule],
  controllers: [StaffingController, PlansController],
  providers: [StaffingService, PlansService, PlansRepository, StaffingRunner],
  exports: [StaffingService, PlansService],
})
export class StaffingModule {}
