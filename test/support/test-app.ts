import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import type { ApiKeyCreatedDto } from '../../src/modules/api-keys/dto/api-key.dto.js';
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

/** The configuration of an app under test: silent logs (WFM_TEST_LOG_LEVEL), the test admin key, a pool of 5, no rate limits. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.WFM_TEST_LOG_LEVEL ?? 'silent',
    LOG_FORMAT: 'json',
    WFM_ADMIN_API_KEY: TEST_ADMIN_KEY,
    WFM_DB_POOL_SIZE: '5',
    WFM_RATE_LIMIT_ENABLED: 'false',
    ...env,
  });
}

/** A new tenant of a running app (HTTP or not) with one API key per role. */
export async function createTestTenant(app: INestApplicationContext): Promise<{ tenantId: string; keys: Record<Role, ApiKeyCreatedDto> }> {
  const tenantId = randomUUID();
  await app.get(TenantsRepository).ensure(tenantId, `test-${tenantId.slice(0, 8)}`);
  const keys = {} as Record<Role, ApiKeyCreatedDto>;
  for (const role of ['admin', 'planner', 'scheduler', 'analyst'] as const) {
    keys[role] = await app.get(ApiKeysService).create(tenantId, `${role} key`, role);
  }
  return { tenantId, keys };
}

/**
 * The whole app on the run's database (or on `databaseUrl`, e.g. through a proxy), listening on
 * a free loopback port; `destination` receives its log lines (JSON) when given.
 */
export async function startTestApp(env: Record<string, string> = {}, databaseUrl = testDatabaseUrl(), destination?: NodeJS.WritableStream): Promise<TestApp> {
  const config = testConfig(env);
  const logger = createLogger(config, destination);
  const app = await createApp(config, databaseUrl, logger);
  await app.get(ApiKeysService).bootstrap();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataSource: app.get(DataSource),
    async newTenant() {
      const { tenantId, keys } = await createTestTenant(app);
      const out = {} as Record<Role, string>;
      for (const [role, created] of Object.entries(keys) as Array<[Role, ApiKeyCreatedDto]>) out[role] = created.key;
      return { tenantId, keys: out };
    },
    close: () => app.close(),
  };
}
