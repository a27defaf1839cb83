import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions, initializeMigrated } from './database/data-source-options.js';
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
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(databaseUrl, config.databasePoolSize), migrationsRun: false, autoLoadEntities: true }),
          // Migrations run under a lock: instances started together on one database take turns.
          dataSourceFactory: (options) => initializeMigrated(new DataSource(options as DataSourceOptions)),
        }),
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
