import { existsSync, readFileSync, rmSync } from 'node:fs';
import { sharedDataDir } from './shared-data-dir.js';

/** Drops the run's database (and stops the embedded server if one was started); says how many tests ran on real data. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.wfmTestDatabase?.drop();
  const log = process.env.WFM_REAL_DATA_LOG;
  if (log && existsSync(log)) {
    const ran = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '').length;
    process.stdout.write(`\n[real data: ${ran} tests ran against ${sharedDataDir()}]\n`);
  }
  if (globalThis.wfmRealDataLog) rmSync(globalThis.wfmRealDataLog, { force: true });
}
