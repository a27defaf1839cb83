import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformFile } from '@swc/core';

/**
 * The app as `npm start` runs it, in its own process: `src` and `migrations` compiled to
 * JavaScript (by swc, as the test suite's TypeScript is, in a few seconds rather than tsc's
 * minute) under `.test-build/`, then `node <build>/src/main.js` on its own data directory and
 * ports. Used by the tests that kill processes.
 */
const ROOT = process.cwd();

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Compiles the app into a fresh folder of `.test-build/`; answers the folder (remove it when done). */
export async function compileApp(): Promise<string> {
  const outDir = join(ROOT, '.test-build', `${process.pid}-${randomBytes(3).toString('hex')}`);
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'migrations'))];
  await Promise.all(
    files.map(async (file) => {
      const { code } = await transformFile(file, {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'es6' },
        sourceMaps: false,
      });
      const target = join(outDir, relative(ROOT, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }),
  );
  return outDir;
}

export interface AppProcess {
  child: ChildProcess;
  /** Everything the process wrote (stdout and stderr). */
  output(): string;
  baseUrl: string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts `node <build>/src/main.js` with `env` on top of a quiet test environment. */
export function spawnApp(buildDir: string, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, [join(buildDir, 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      TZ: 'UTC',
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      WFM_SEED_DEMO: 'false',
      KPI_SCHEDULE_ENABLED: 'false',
      WFM_RATE_LIMIT_ENABLED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString('utf8')));
  const exited = new Promise<number | string>((r) => child.once('exit', (code, signal) => r(code ?? signal ?? -1)));
  return { child, output: () => output, baseUrl: `http://127.0.0.1:${env.PORT}`, exited };
}

/** Polls `GET /health` until it answers `status` (within `timeoutMs`); answers the statuses seen. */
export async function waitForHealth(app: AppProcess, status: number, timeoutMs: number): Promise<number[]> {
  const seen: number[] = [];
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void app.exited.then(() => (ended = true));
  while (Date.now() < deadline && !ended) {
    const got = await fetch(`${app.baseUrl}/health`, { signal: AbortSignal.timeout(4000) }).then((r) => r.status, () => 0);
    if (seen[seen.length - 1] !== got) seen.push(got);
    if (got === status) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`GET /health never answered ${status} (saw ${seen.join(', ')}); app output:\n${app.output().slice(-4000)}`);
}

/** The folders where the cluster of `dataDir` may live (its own `pg`, or the root stand-in). */
export function clusterDirsOf(dataDir: string): string[] {
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return [join(resolve(dataDir), 'pg'), ...['/var/lib/wfm-engine', '/var/tmp/wfm-engine', '/tmp/wfm-engine'].map((r) => join(r, 'clusters', key, 'pg'))];
}

/** The postmaster PID written in the cluster of `dataDir`, or null. */
export function postmasterPid(dataDir: string): number | null {
  for (const dir of clusterDirsOf(dataDir)) {
    const file = join(dir, 'postmaster.pid');
    if (existsSync(file)) return Number(readFileSync(file, 'utf8').split('\n')[0]) || null;
  }
  return null;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills what a test left running on `dataDir` (apps by handle, the postmaster by PID) and removes its files. */
export async function cleanUp(dataDir: string, apps: AppProcess[]): Promise<void> {
  for (const app of apps) {
    if (app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
  }
  const pid = postmasterPid(dataDir);
  if (pid && alive(pid)) {
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  for (const dir of clusterDirsOf(dataDir).slice(1)) rmSync(dirname(dir), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
