/**
 * The Node version is stated once and agreed on everywhere: every package of the lock file runs
 * on the oldest Node that `engines` admits (else `npm install` warns EBADENGINE, and the package
 * may not load), and the Dockerfile's Node is one that `engines` admits.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Semver {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
}
const semver = createRequire(import.meta.url)('semver') as Semver;

interface LockPackage {
  version?: string;
  engines?: { node?: string } | string[];
  optional?: boolean;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };
const oldest = semver.minVersion(pkg.engines.node)?.version ?? '';

describe('Node version', () => {
  it('runs every locked package on the oldest Node that engines admits', () => {
    expect(oldest).toMatch(/^\d+\.\d+\.\d+$/);
    const refused: string[] = [];
    for (const [path, p] of Object.entries(lock.packages)) {
      const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
      if (path === '' || !range || p.optional) continue;
      if (!semver.satisfies(oldest, range)) refused.push(`${path}@${p.version ?? '?'} needs node ${range}`);
    }
    expect(refused).toEqual([]);
  });

  it('builds and runs the Docker image on a Node that engines admits', () => {
    const froms = [...readFileSync('Dockerfile', 'utf8').matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(froms.length).toBeGreaterThan(0);
    for (const major of froms) expect(semver.satisfies(`${major}.99.0`, pkg.engines.node)).toBe(true);
    // The image's Node must be at least the oldest admitted major.
    for (const major of froms) expect(major).toBeGreaterThanOrEqual(Number(oldest.split('.')[0]));
  });
});
