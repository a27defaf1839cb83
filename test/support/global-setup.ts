import './resolve-ts.cjs';
import { createTestDatabase, type TestDatabase } from './test-database.js';

declare global {
  var wfmTestDatabase: TestDatabase | undefined;
}

/** One fresh, migrated database per test run; workers find it in WFM_TEST_DB_URL. */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const database = await createTestDatabase();
  globalThis.wfmTestDatabase = database;
  process.env.WFM_TEST_DB_URL = database.url;
  process.env.WFM_TEST_DB_KIND = database.kind;
  process.stdout.write(`\n[test database: ${database.kind}, ${new URL(database.url).pathname.slice(1)}]\n`);
}
