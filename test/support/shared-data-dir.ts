import { resolve } from 'node:path';
import { projectRoot } from '../../src/platform/project-root.js';

/** The default place of the shared data: a folder `shared/data` beside the clone. */
export function defaultSharedDataDir(): string {
  return resolve(projectRoot(), '../shared/data');
}

/**
 * Where the real data sets live (the Anonymous Bank 1999, the ServiceNow incidents 2016: too
 * large to commit, so outside the clone), for the real-data suites (test/support/shared-data.ts)
 * and the benches alike: `WFM_SHARED_DATA_DIR` when set (CI on a clone that does not sit beside
 * the shared folder), else `<projectRoot>/../shared/data` (a user's clone beside it).
 * No test framework here: the benches import it.
 */
export function sharedDataDir(): string {
  const given = process.env.WFM_SHARED_DATA_DIR;
  return given ? resolve(given) : defaultSharedDataDir();
}
