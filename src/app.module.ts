import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import { ActualsModule } from './modules/actuals/actuals.module.js';
import { AdherenceModule } from './modules/adherence/adherence.module.js';
import { ApiKeysModule } from './modules/api-keys/api-keys.module.js';
import { ApiKeyGuard } from './modules/api-keys/api-key.guard.js';
import { CasesModule } from './modules/cases/cases.module.js';
import { ChannelsModule } from './modules/channels/channels.module.js';
import { DashboardModule } from './modules/dashboard/dashboard.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { ForecastingModule } from './modules/forecasting/forecasting.module.js';
import { ForecastsModule } from './modules/forecasts/forecasts.module.js';
import { ImportMappingsModule } from './modules/import-mappings/import-mappings.module.js';
import { KpiInputsModule } from './modules/kpi-inputs/kpi-inputs.module.js';
import { KpisModule } from './modules/kpis/kpis.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { SchedulingModule } from './modules/scheduling/scheduling.module.js';
import { StaffingModule } from './modules/staffing/staffing.module.js';
import { TenantsModule } from './modules/tenants/tenants.module.js';
import { UploadsModule } from './modules/uploads/uploads.module.js';
import type { AppConfig } from './platform/config/app-config.js';
import { PlatformModule } from './platform/platform.module.js';

/** The engine: the platform plus one feature module per capability. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config, databaseUrl, logger), TenantsModule, ApiKeysModule, ChannelsModule, DashboardModule, DemoModule, StaffingModule,
        UploadsModule, ImportMappingsModule, ForecastsModule, ActualsModule, AdherenceModule, ForecastingModule, ReportsModule,
        KpisModule, CasesModule, KpiInputsModule, SchedulingModule],
      providers: [{ provide: APP_GUARD, useClass: ApiKeyGuard }],
    };
  }
}
