import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSharedDataDir, sharedDataDir } from './shared-data-dir.js';

/*
 * The real-data suites' gate. The data sets live where sharedDataDir() says (WFM_SHARED_DATA_DIR,
 * else ../shared/data beside the clone). A suite whose files are absent skips its real-data
 * tests with a note on stdout, except in CI (`CI` set to anything but `false` or `0`), where it
 * fails with a test that says what is missing: CI must never pass with the real-data proofs
 * silently skipped. Each real-data test that runs appends its name to the file
 * `WFM_REAL_DATA_LOG` (set by the global setup, or by `.ci/run`), so a run can say how many
 * tests ran against real data.
 */

/** Whether this run is CI, where an absent data set is a failure, not a skip. */
export function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

export interface RealData {
  /** The data set's folder. */
  dir: string;
  /** Whether every file the suite named is there. */
  present: boolean;
  /** The absolute path of a file of the data set. */
  file(name: string): string;
  /**
   * `describe` for the real-data tests: runs them when the files are present (each test that
   * runs is counted in WFM_REAL_DATA_LOG); skips them with a note on stdout when absent; in CI
   * replaces them with one failing test naming the missing files.
   */
  describe(title: string, body: () => void): void;
}

/** One data set of the shared folder (`anonymous-bank-1999`, …) and the files a suite reads of it. */
export function realData(dataSet: string, files: readonly string[]): RealData {
  const dir = join(sharedDataDir(), dataSet);
  const missing = files.map((f) => join(dir, f)).filter((f) => !existsSync(f));
  const present = missing.length === 0;
  return {
    dir,
    present,
    file: (name) => join(dir, name),
    describe(title, body) {
      if (present) {
        describe(title, () => {
          afterEach(() => {
            const log = process.env.WFM_REAL_DATA_LOG;
            if (log) appendFileSync(log, `${expect.getState().currentTestName ?? title}\n`);
          });
          body();
        });
      } else if (inCi()) {
        describe(title, () => {
          it('has its real data (CI runs every real-data suite)', () => {
            throw new Error(
              `real data not found: ${missing.join(', ')}. CI (CI=${process.env.CI}) must run the real-data suites: ` +
                `put the shared data at ${defaultSharedDataDir()} or set WFM_SHARED_DATA_DIR to its folder`,
            );
          });
        });
      } else {
        const reason = `${missing.join(', ')} not found (set WFM_SHARED_DATA_DIR or put the data at ../shared/data)`;
        process.stdout.write(`\n[${title}: skipped, ${reason}]\n`);
        describe.skip(`${title} [skipped: ${reason}]`, body);
      }
    },
  };
}
