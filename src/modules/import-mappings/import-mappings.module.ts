import { Module } from '@nestjs/common';
import { ImportMappingsController } from './import-mappings.controller.js';
import { ImportMappingsRepository } from './import-mappings.repository.js';
import { ImportMappingsService } from './import-mappings.service.js';

@Module({
  controllers: [ImportMappingsController],
  providers: [ImportMappingsRepository, ImportMappingsService],
  exports: [ImportMappingsService],
})
export class ImportMappingsModule {}
