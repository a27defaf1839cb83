import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processIsAlive, processStartTicks } from './process-info.js';

/** File of the data directory naming the process that owns it. */
export const OWNER_FILE = 'wfm-engine.pid';

interface OwnerRecord {
  pid: number;
  /** Start time of the owner (clock ticks since boot): a reused pid is not the owner. */
  startTicks: string | null;
  startedAt: string;
}

/** Another live process owns the data directory: this one must not touch its database. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `WFM engine is already running on data directory ${dataDir} (PID ${ownerPid}); ` +
        'stop that process first, or give this one another WFM_DATA_DIR',
    );
    this.name = 'DataDirInUseError';
  }
}

function readOwner(file: string): OwnerRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<OwnerRecord>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, startTicks: parsed.startTicks ?? null, startedAt: parsed.startedAt ?? '' } : null;
  } catch {
    return null;
  }
}

function ownerIsAlive(owner: OwnerRecord): boolean {
  if (owner.pid === process.pid || !processIsAlive(owner.pid)) return false;
  const ticks = processStartTicks(owner.pid);
  return owner.startTicks === null || ticks === null || ticks === owner.startTicks;
}

/** A held lock of a data directory. */
export interface DataDirLock {
  /** Whether the directory was owned by a process that is gone (killed, crashed). */
  readonly tookOverFrom: number | null;
  release(): void;
}

/**
 * Makes this process the owner of `dataDir` (the file `wfm-engine.pid` in it, created
 * exclusively). A previous owner that is gone (SIGKILL, power loss) leaves the file behind: it
 * is taken over, and what that owner left running may be recovered. A live owner means the
 * engine is already running on this directory.
 *
 * @throws DataDirInUseError when a live process owns the directory
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = join(dataDir, OWNER_FILE);
  const mine: OwnerRecord = { pid: process.pid, startTicks: processStartTicks(process.pid), startedAt: new Date().toISOString() };
  let tookOverFrom: number | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine) + '\n', { flag: 'wx', mode: 0o644 });
      return {
        tookOverFrom,
        release() {
          if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner && ownerIsAlive(owner)) throw new DataDirInUseError(dataDir, owner.pid);
    tookOverFrom = owner?.pid ?? tookOverFrom;
    rmSync(file, { force: true });
  }
  throw new Error(`could not take the lock file ${file}: other processes keep taking it`);
}
