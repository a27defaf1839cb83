import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiKeysService } from '../../src/modules/api-keys/api-keys.service.js';
import { DEFAULT_TENANT_ID } from '../../src/modules/tenants/tenants.repository.js';
import { createApp } from '../../src/app-factory.js';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';

export interface BenchApp {
  app: NestExpressApplication;
  baseUrl: string;
  /** Keys of the default tenant, by role. */
  adminKey: string;
  plannerKey: string;
  schedulerKey: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The whole app on a fresh throw-away database, listening on a loopback port: on the server of
 * WFM_BENCH_DATABASE_URL (or DATABASE_URL) when set, else on an embedded PostgreSQL.
 */
export async function startBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
  if (process.env.WFM_BENCH_DATABASE_URL) process.env.WFM_TEST_DATABASE_URL = process.env.WFM_BENCH_DATABASE_URL;
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', WFM_SEED_DEMO: 'false', WFM_RATE_LIMIT_ENABLED: 'false', ...env });
  const app = await createApp(config, database.url, createLogger(config));
  const keys = app.get(ApiKeysService);
  await keys.bootstrap();
  const [adminKey, plannerKey, schedulerKey] = await Promise.all(
    (['admin', 'planner', 'scheduler'] as const).map(async (role) => (await keys.create(DEFAULT_TENANT_ID, `bench ${role}`, role)).key),
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    adminKey: adminKey,
    plannerKey: plannerKey,
    schedulerKey: schedulerKey,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
