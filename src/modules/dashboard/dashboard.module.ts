import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';
import { WebController } from './web.controller.js';

/** The planner's dashboard: the page at GET /, its assets, and the range it opens on. */
@Module({ imports: [ChannelsModule], controllers: [WebController, DashboardController], providers: [DashboardService, DashboardRepository] })
export class DashboardModule {}
