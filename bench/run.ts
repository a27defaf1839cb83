/**
 * Runs every compiled benchmark (dist/bench/*.bench.js) in its own process, one after the other;
 * each prints one JSON line per figure. `npm run bench -- erlang` runs those whose name matches.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js') && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, [join(dir, file)], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`${file} failed with status ${result.status}\n`);
  }
}
process.exit(failed ? 1 : 0);
