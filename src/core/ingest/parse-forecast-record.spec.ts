import { createZoneClock } from '../time/create-zone-clock.js';
import { FORECAST_COLUMNS, parseForecastRecord, type ForecastValues } from './parse-forecast-record.js';
import { resolveColumns } from './resolve-columns.js';
import type { RowIssue } from './types.js';

const grid = { clock: createZoneClock('Europe/Berlin'), intervalMinutes: 30, thresholdSeconds: 20 };

describe('parseForecastRecord', () => {
  const { positions } = resolveColumns(['channel', 'interval_start', 'volume', 'aht_seconds', 'shrinkage'], FORECAST_COLUMNS);
  const read = (row: string[]): { ok: boolean; out: ForecastValues; issues: RowIssue[] } => {
    const out = {} as ForecastValues;
    const issues: RowIssue[] = [];
    return { ok: parseForecastRecord(row, positions, grid, out, issues), out, issues };
  };

  it('reads a row', () => {
    expect(read(['retail', '2026-03-02 09:30', '120.5', '180', '0.3'])).toEqual({
      ok: true, issues: [],
      out: { intervalStartMs: Date.UTC(2026, 2, 2, 8, 30), volume: 120.5, ahtSeconds: 180, shrinkage: 0.3, volumeP10: null, volumeP90: null },
    });
    expect(read(['retail', '2026-03-02 09:30', '0', '0', '']).out.shrinkage).toBeNull();
  });

  it('refuses numbers no plan can staff: volume above 10^8, AHT above a day, shrinkage above 0.99, a load above 10^6 Erlangs', () => {
    expect(read(['retail', '2026-03-02 09:30', '1e19', '180', '']).issues).toEqual([{ column: 'volume', value: '1e19', reason: 'must be at most 100000000 contacts per interval' }]);
    expect(read(['retail', '2026-03-02 09:30', '100', '1e19', '']).issues).toEqual([{ column: 'aht_seconds', value: '1e19', reason: 'must be at most 86400 seconds (a day)' }]);
    expect(read(['retail', '2026-03-02 09:30', '100', '180', '0.995']).issues).toEqual([{ column: 'shrinkage', value: '0.995', reason: 'must be at most 0.99' }]);
    expect(read(['retail', '2026-03-02 09:30', '100000000', '86400', '']).issues).toEqual([
      { column: 'aht_seconds', value: '86400', reason: 'makes a load (volume × aht_seconds ÷ interval seconds) of 4.80e+9 Erlangs; at most 1000000 can be staffed' },
    ]);
    expect(read(['retail', '2026-03-02 09:30', '100000000', '18', '']).ok).toBe(true);
  });

  it('lists every problem of the row', () => {
    const { ok, issues } = read(['retail', '2026-03-02 09:10', '-4', 'x', '30']);
    expect(ok).toBe(false);
    expect(issues.map((i) => [i.column, i.value, i.reason.slice(0, 20)])).toEqual([
      ['interval_start', '2026-03-02 09:10', 'is not on the 30-min'],
      ['volume', '-4', 'must be a finite num'],
      ['aht_seconds', 'x', 'must be a finite num'],
      ['shrinkage', '30', 'must be a fraction >'],
    ]);
  });

  it('reads an optional prediction band, both edges or neither, p10 at most p90', () => {
    const banded = resolveColumns(['channel', 'interval_start', 'volume', 'aht_seconds', 'volume_p10', 'volume_p90'], FORECAST_COLUMNS).positions;
    const run = (row: string[]): { ok: boolean; out: ForecastValues; issues: RowIssue[] } => {
      const out = {} as ForecastValues;
      const issues: RowIssue[] = [];
      return { ok: parseForecastRecord(row, banded, grid, out, issues), out, issues };
    };
    expect(run(['retail', '2026-03-02 09:30', '100', '180', '82.5', '119']).out).toMatchObject({ volume: 100, volumeP10: 82.5, volumeP90: 119 });
    expect(run(['retail', '2026-03-02 09:30', '100', '180', '', '']).out).toMatchObject({ volumeP10: null, volumeP90: null });
    expect(run(['retail', '2026-03-02 09:30', '100', '180', '90', '']).issues.map((i) => i.column)).toEqual(['volume_p90']);
    expect(run(['retail', '2026-03-02 09:30', '100', '180', '120', '80']).issues).toEqual([{ column: 'volume_p90', value: '80', reason: 'must be at least volume_p10' }]);
  });
});
