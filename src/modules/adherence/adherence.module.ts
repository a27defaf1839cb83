import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { AdherenceController } from './adherence.controller.js';
import { AdherenceRepository } from './adherence.repository.js';
import { AdherenceService } from './adherence.service.js';

/** Schedule adherence: schedules, agent states, rules, adherence and headcount reads. */
@Module({
  imports: [ChannelsModule, UploadsModule],
  controllers: [AdherenceController],
  providers: [AdherenceRepository, AdherenceService],
  exports: [AdherenceService],
})
export class AdherenceModule {}
