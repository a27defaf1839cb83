import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { ImportMappingsModule } from '../import-mappings/import-mappings.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { ActualsController } from './actuals.controller.js';
import { ActualsRepository } from './actuals.repository.js';
import { ActualsService } from './actuals.service.js';

@Module({
  imports: [ChannelsModule, ImportMappingsModule, UploadsModule],
  controllers: [ActualsController],
  providers: [ActualsRepository, ActualsService],
  exports: [ActualsService],
})
export class ActualsModule {}
