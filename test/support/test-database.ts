import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/platform/database/data-source-options.js';
import {
  dropDatabase,
  ensureDatabase,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '../../src/platform/database/embedded-database.js';

/** Where the suite's database server comes from: a given server, or an embedded one. */
export function serverUrlFromEnvironment(): string | null {
  return process.env.WFM_TEST_DATABASE_URL || process.env.DATABASE_URL || null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestDatabase {
  url: string;
  kind: 'server' | 'embedded';
  drop(): Promise<void>;
}

/**
 * A fresh database for one test run, migrated: on the server of WFM_TEST_DATABASE_URL or
 * DATABASE_URL when set, else on an embedded PostgreSQL in a temporary directory.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `wfm_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const serverUrl = serverUrlFromEnvironment();
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl: string;
  if (serverUrl) {
    adminUrl = serverUrl;
  } else {
    embedded = await startEmbeddedDatabase({
      dataDir: join(tmpdir(), name),
      port: await freePort(),
      ephemeral: true,
    });
    adminUrl = embedded.adminUrl;
  }
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize(); // runs the migrations: a broken migration fails the suite
  await dataSource.destroy();
  return {
    url,
    kind: embedded ? 'embedded' : 'server',
    async drop() {
      await dropDatabase(adminUrl, name);
      if (embedded) await embedded.stop();
    },
  };
}
