import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { HealthController } from './health/health.controller.js';
import { RateLimits } from './http/rate-limits.js';
import { Lifecycle } from './lifecycle/lifecycle.service.js';
import { LOGGER } from './logging/logger.js';
import { MetricsService } from './metrics/metrics.service.js';

/** Configuration, logger, database, health, metrics and the shutdown state: available to every module. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, databaseUrl: string, logger: Logger): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, config.databasePoolSize), autoLoadEntities: true }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        MetricsService,
        Lifecycle,
        RateLimits,
      ],
      exports: [APP_CONFIG, LOGGER, MetricsService, Lifecycle, RateLimits],
    };
  }
}
