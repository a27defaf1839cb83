import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../../src/modules/api-keys/api-keys.service.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { TenantsRepository } from '../../src/modules/tenants/tenants.repository.js';
import { createApp } from '../../src/app-factory.js';
import { loadConfig, type AppConfig } from '../../src/platform/config/app-config.js';
import { createLogger } from '../../src/platform/logging/logger.js';

export const TEST_ADMIN_KEY = 'wfm_test_admin_key_0123456789abcdef';

export interface TenantKeys {
  tenantId: string;
  keys: Record<Role, string>;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** The base URL of the app listening on a loopback port (real HTTP). */
  baseUrl: string;
  dataSource: DataSource;
  /** A new tenant with one key per role: each test file works in its own tenant. */
  newTenant(): Promise<TenantKeys>;
  close(): Promise<void>;
}

export function testDatabaseUrl(): string {
  const url = process.env.WFM_TEST_DB_URL;
  if (!url) throw new Error('WFM_TEST_DB_URL is not set: run the suite with npm test (global setup)');
  return url;
}

/** The whole app on the run's database (or on `databaseUrl`, e.g. through a proxy), listening on a free loopback port. */
export async function startTestApp(env: Record<string, string> = {}, databaseUrl = testDatabaseUrl()): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.WFM_TEST_LOG_LEVEL ?? 'silent',
    LOG_FORMAT: 'json',
    WFM_ADMIN_API_KEY: TEST_ADMIN_KEY,
    WFM_DB_POOL_SIZE: '5',
    ...env,
  });
  const logger = createLogger(config);
  const app = await createApp(config, databaseUrl, logger);
  await app.get(ApiKeysService).bootstrap();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const tenants = app.get(TenantsRepository);
  const keys = app.get(ApiKeysService);
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataSource: app.get(DataSource),
    async newTenant() {
      const tenantId = randomUUID();
      await tenants.ensure(tenantId, `test-${tenantId.slice(0, 8)}`);
      const out = {} as Record<Role, string>;
      for (const role of ['admin', 'planner', 'scheduler', 'analyst'] as const) {
        out[role] = (await keys.create(tenantId, `${role} key`, role)).key;
      }
      return { tenantId, keys: out };
    },
    close: () => app.close(),
  };
}
