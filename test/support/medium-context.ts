import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import type { Uploader } from '../../src/modules/uploads/ingest.types.js';
import type { Principal } from '../../src/platform/auth/principal.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { createLogger, PinoNestLogger } from '../../src/platform/logging/logger.js';
import { createTestTenant, testConfig, testDatabaseUrl } from './test-app.js';

/** A tenant of a medium test: its id, and the callers a controller would hand to the services. */
export interface MediumTenant {
  tenantId: string;
  /** The principal of the tenant's API key of `role`. */
  principal(role: Role): Principal;
  /** The same key as an uploader. */
  uploader(role: Role): Uploader;
}

export interface MediumContext {
  /** The real AppModule (every service with its real repositories), not listening on HTTP. */
  app: INestApplicationContext;
  dataSource: DataSource;
  /** A new tenant with one key per role: each test file works in its own tenant. */
  newTenant(): Promise<MediumTenant>;
  close(): Promise<void>;
}

/**
 * The application context of the whole engine on the run's test database, for "medium" tests:
 * services called directly with DTO instances, on real PostgreSQL, without HTTP.
 */
export async function startMediumContext(): Promise<MediumContext> {
  const config = testConfig();
  const logger = createLogger(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, testDatabaseUrl(), logger), {
    logger: new PinoNestLogger(logger),
  });
  return {
    app,
    dataSource: app.get(DataSource),
    async newTenant() {
      const { tenantId, keys } = await createTestTenant(app);
      return {
        tenantId,
        principal: (role) => ({ tenantId, keyId: keys[role].id, keyName: keys[role].name, role }),
        uploader: (role) => ({ keyId: keys[role].id, keyName: keys[role].name }),
      };
    },
    close: () => app.close(),
  };
}
