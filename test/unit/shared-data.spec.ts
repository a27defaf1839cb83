import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { projectRoot } from '../../src/platform/project-root.js';
import { sharedDataDir } from '../support/shared-data-dir.js';

/**
 * The real-data gate (test/support/shared-data.ts) run for real: a child Jest runs a fixture suite
 * with one real-data test (test/unit/fixtures/real-data-gate.fixture.ts) with and without its
 * data set, in and out of CI, and its JSON report says what happened.
 */
interface Report {
  success: boolean;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: Array<{ assertionResults: Array<{ title: string; ancestorTitles: string[]; failureMessages: string[] }> }>;
}

/** Runs the fixture in a child Jest with `env`: its JSON report and what it printed. */
async function runFixture(env: Record<string, string | undefined>): Promise<Report & { stdout: string }> {
  const output = join(mkdtempSync(join(tmpdir(), 'wfm-gate-report-')), 'report.json');
  const { default: config } = (await import(join(projectRoot(), 'jest.config.js'))) as { default: { projects: Array<Record<string, unknown>> } };
  const { displayName: _name, testMatch: _match, ...common } = config.projects[0];
  const child = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', '--no-warnings', 'node_modules/jest/bin/jest.js', '--json', `--outputFile=${output}`, '--config',
      JSON.stringify({ ...common, rootDir: projectRoot(), testMatch: ['<rootDir>/test/unit/fixtures/real-data-gate.fixture.ts'] })],
    { cwd: projectRoot(), encoding: 'utf8', env: { ...process.env, CI: undefined, WFM_SHARED_DATA_DIR: undefined, WFM_REAL_DATA_LOG: undefined, ...env } },
  );
  const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
  rmSync(dirname(output), { recursive: true, force: true });
  return { ...report, stdout: child.stdout };
}

describe('the real-data gate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wfm-gate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the data in WFM_SHARED_DATA_DIR, else in ../shared/data beside the project', () => {
    const before = process.env.WFM_SHARED_DATA_DIR;
    try {
      process.env.WFM_SHARED_DATA_DIR = dir;
      expect(sharedDataDir()).toBe(dir);
      delete process.env.WFM_SHARED_DATA_DIR;
      expect(sharedDataDir()).toBe(resolve(projectRoot(), '..', 'shared', 'data'));
    } finally {
      if (before === undefined) delete process.env.WFM_SHARED_DATA_DIR;
      else process.env.WFM_SHARED_DATA_DIR = before;
    }
  });

  it('in CI, a missing data set fails the suite with a message naming the missing file', async () => {
    const report = await runFixture({ CI: 'true', WFM_SHARED_DATA_DIR: join(dir, 'nowhere') });
    expect({ success: report.success, failed: report.numFailedTests, passed: report.numPassedTests, skipped: report.numPendingTests }).toEqual({ success: false, failed: 1, passed: 0, skipped: 0 });
    const [test] = report.testResults[0].assertionResults;
    expect(test.title).toBe('has its real data (CI runs every real-data suite)');
    expect(test.failureMessages.join('\n')).toContain(`real data not found: ${join(dir, 'nowhere', 'gate-set', 'present.txt')}`);
  });

  it('outside CI, a missing data set skips the real-data tests', async () => {
    const report = await runFixture({ WFM_SHARED_DATA_DIR: join(dir, 'nowhere') });
    expect({ success: report.success, failed: report.numFailedTests, passed: report.numPassedTests, skipped: report.numPendingTests }).toEqual({ success: true, failed: 0, passed: 0, skipped: 1 });
    expect(report.stdout).toContain(`[the gate fixture: skipped, ${join(dir, 'nowhere', 'gate-set', 'present.txt')} not found`);
    // the reason is in the skipped suite's title too: what a test report shows
    expect(report.testResults[0].assertionResults[0].ancestorTitles[0]).toBe(
      `the gate fixture [skipped: ${join(dir, 'nowhere', 'gate-set', 'present.txt')} not found (set WFM_SHARED_DATA_DIR or put the data at ../shared/data)]`,
    );
  });

  it('with the data set, in CI or not, the tests run and each is counted in WFM_REAL_DATA_LOG', async () => {
    mkdirSync(join(dir, 'data', 'gate-set'), { recursive: true });
    writeFileSync(join(dir, 'data', 'gate-set', 'present.txt'), 'real');
    const log = join(dir, 'real-data.log');
    writeFileSync(log, '');
    const report = await runFixture({ CI: 'true', WFM_SHARED_DATA_DIR: join(dir, 'data'), WFM_REAL_DATA_LOG: log });
    expect({ success: report.success, failed: report.numFailedTests, passed: report.numPassedTests, skipped: report.numPendingTests }).toEqual({ success: true, failed: 0, passed: 1, skipped: 0 });
    expect(readFileSync(log, 'utf8')).toBe('the gate fixture reads its file\n');
  });
});
