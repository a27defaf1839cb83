import './resolve-ts.cjs';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from './test-database.js';

declare global {
  var wfmTestDatabase: TestDatabase | undefined;
  /** The real-data log this run made (and removes at teardown), when none was given. */
  var wfmRealDataLog: string | undefined;
}

/**
 * One fresh, migrated database per test run; workers find it in WFM_TEST_DB_URL. Real-data
 * tests count themselves in WFM_REAL_DATA_LOG (test/support/shared-data.ts): the file given
 * (by .ci/run), else a temporary one the teardown sums up and removes.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const database = await createTestDatabase();
  globalThis.wfmTestDatabase = database;
  process.env.WFM_TEST_DB_URL = database.url;
  process.env.WFM_TEST_DB_KIND = database.kind;
  if (!process.env.WFM_REAL_DATA_LOG) {
    const log = join(tmpdir(), `wfm-real-data-${process.pid}-${randomBytes(4).toString('hex')}.log`);
    writeFileSync(log, '');
    process.env.WFM_REAL_DATA_LOG = log;
    globalThis.wfmRealDataLog = log;
  }
  process.stdout.write(`\n[test database: ${database.kind}, ${new URL(database.url).pathname.slice(1)}]\n`);
}
