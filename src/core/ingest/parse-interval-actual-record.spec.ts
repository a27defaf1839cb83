import { createZoneClock } from '../time/create-zone-clock.js';
import { INTERVAL_ACTUAL_COLUMNS, parseIntervalActualRecord, type IntervalActualValues } from './parse-interval-actual-record.js';
import { resolveColumns } from './resolve-columns.js';
import type { RowIssue } from './types.js';

const grid = { clock: createZoneClock('Europe/Berlin'), intervalMinutes: 30, thresholdSeconds: 20 };

describe('parseIntervalActualRecord', () => {
  const header = INTERVAL_ACTUAL_COLUMNS.slice(0, 10).map((c) => c.name).concat(['agents_staffed']);
  const { positions } = resolveColumns(header, INTERVAL_ACTUAL_COLUMNS);
  const read = (row: string[]): { ok: boolean; out: IntervalActualValues; issues: RowIssue[] } => {
    const out = {} as IntervalActualValues;
    const issues: RowIssue[] = [];
    return { ok: parseIntervalActualRecord(row, positions, grid, out, issues), out, issues };
  };

  it('reads counts, seconds and optional columns', () => {
    const { ok, out } = read(['retail', '2026-03-02T09:30:00+01:00', '100', '90', '5', '80', '3', '20', '18000.5', '900', '12.5']);
    expect(ok).toBe(true);
    expect(out).toEqual({
      intervalStartMs: Date.UTC(2026, 2, 2, 8, 30), offered: 100, answered: 90, abandoned: 5, answeredWithinThreshold: 80,
      abandonedWithinThreshold: 3, thresholdSeconds: 20, handleSeconds: 18000.5, waitSeconds: 900, talkSeconds: null,
      holdSeconds: null, acwSeconds: null, agentsStaffed: 12.5, agentSecondsAvailable: null,
    });
  });

  it('checks counts are whole and consistent', () => {
    expect(read(['retail', '2026-03-02 09:30', '10', '9', '2', '5', '0', '20', '1', '1', '']).issues[0]).toEqual({
      column: 'offered', value: '10', reason: 'answered (9) + abandoned (2) exceed offered (10)',
    });
    expect(read(['retail', '2026-03-02 09:30', '10', '5', '2', '6', '3', '20', '1', '1', '']).issues.map((i) => i.column)).toEqual([
      'answered_within_threshold', 'abandoned_within_threshold',
    ]);
    expect(read(['retail', '2026-03-02 09:30', '10.5', '-1', '', '0', '0', '20', '1', '-1', '']).issues.map((i) => i.column)).toEqual([
      'offered', 'answered', 'abandoned', 'wait_seconds',
    ]);
  });
});
