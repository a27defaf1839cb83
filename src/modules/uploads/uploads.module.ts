import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { IngestRunner } from './ingest-runner.js';
import { UploadEvents } from './upload-events.js';
import { UploadsController } from './uploads.controller.js';
import { UploadsRepository } from './uploads.repository.js';
import { UploadsService } from './uploads.service.js';

/** The upload log and the streaming ingestion machinery used by forecasts and actuals. */
@Module({
  imports: [ChannelsModule],
  controllers: [UploadsController],
  providers: [UploadsRepository, UploadsService, IngestRunner, UploadEvents],
  exports: [IngestRunner, UploadsService, UploadEvents],
})
export class UploadsModule {}
