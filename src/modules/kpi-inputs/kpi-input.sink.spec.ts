import type { RowIssue } from '../../core/ingest/types.js';
import { createZoneClock } from '../../core/time/create-zone-clock.js';
import { BinaryCopyWriter } from '../uploads/binary-copy-writer.js';
import type { ResolvedChannel } from '../uploads/ingest.types.js';
import { KPI_INPUT_SPECS } from './kpi-input-kinds.js';
import { KpiInputSink } from './kpi-input.sink.js';
import type { KpiInputsRepository } from './kpi-inputs.repository.js';

const berlin = createZoneClock('Europe/Berlin');
const mail: ResolvedChannel = { id: 7, code: 'mail', grid: { clock: berlin, intervalMinutes: 30, thresholdSeconds: 60 } };
const sinkOf = (kind: keyof typeof KPI_INPUT_SPECS): KpiInputSink =>
  new KpiInputSink(KPI_INPUT_SPECS[kind], {} as KpiInputsRepository, new Map([['mail', mail]]), createZoneClock('UTC'), { priorities: new Set(['P1']) }, 'csv');

/** Feeds one row (fields in the spec's column order) and returns the problems. */
function accept(kind: keyof typeof KPI_INPUT_SPECS, fields: string[]): RowIssue[] {
  const sink = sinkOf(kind);
  const issues: RowIssue[] = [];
  const positions = Int32Array.from(sink.columns.map((_, i) => (i < fields.length ? i : -1)));
  const ok = sink.accept(fields, positions, mail, 2, new BinaryCopyWriter(() => true), issues);
  expect(ok).toBe(issues.length === 0);
  return issues;
}

describe('KpiInputSink.accept (one spec-driven reader for nine kinds)', () => {
  it('accepts good rows of each type', () => {
    expect(accept('cases', ['C1', 'mail', 'P1', '2026-03-29 03:30', '', '', '2026-03-29T02:00:00Z', 'billing'])).toEqual([]);
    expect(accept('costs', ['actual', '2026-03-01', '2026-04-01', '', 'staff', '', '-12.50', 'EUR'])).toEqual([]);
    expect(accept('fcr-outcomes', ['k1', '', '2026-03-01', 'Y'])).toEqual([]);
    expect(accept('customer-counts', ['2026-01-01', '2026-02-01', 'mail', '0'])).toEqual([]);
  });
  it('names the column, value and reason of each problem', () => {
    // 02:30 on 2026-03-29 does not exist in Berlin (clocks move from 02:00 to 03:00); cross-field
    // rules (the priority) run only on rows whose fields all parse
    const gap = accept('cases', ['C1', 'mail', 'P2', '2026-03-29 02:30', '', '', '', '']);
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ column: 'created_at', value: '2026-03-29 02:30' });
    expect(gap[0].reason).toContain('does not exist in Europe/Berlin');
    expect(accept('cases', ['C1', 'mail', 'P2', '2026-03-29 03:30', '2026-03-29T01:00:00Z', '', '', ''])).toEqual([
      { column: 'priority', value: 'P2', reason: 'must be a priority of the response policy: P1 (PUT /api/v1/cases/objectives)' },
      // 03:30 CEST is 01:30Z: a response at 01:00Z is before the creation
      { column: 'first_response_at', value: '2026-03-29T01:00:00Z', reason: 'must not be before created_at' },
    ]);
    expect(accept('costs', ['actual', '2026-03-01', '2026-04-01', 'fax', 'staff', '', '1,5', 'eur'])).toEqual([
      { column: 'channel', value: 'fax', reason: 'is not a channel of the tenant' },
      { column: 'amount', value: '1,5', reason: 'must be a decimal number such as 1250.50 (point, no thousands separator)' },
      { column: 'currency', value: 'eur', reason: 'must be an ISO 4217 currency code such as EUR' },
    ]);
    expect(accept('customer-counts', ['2026-01-01', '2026-01-01', '', '-3'])).toEqual([{ column: 'customers', value: '-3', reason: 'must be a whole number >= 0' }]);
    expect(accept('customer-counts', ['2026-01-01', '2026-01-01', '', '3'])).toEqual([{ column: 'period_end', value: '2026-01-01', reason: 'must be after period_start (the period is [period_start, period_end))' }]);
    expect(accept('quality-evaluations', ['k', 'a', '2026-03-01', '11', '10'])).toEqual([{ column: 'score', value: '11', reason: 'must be between 0 and max_score' }]);
    expect(accept('outbound-attempts', ['t', '', '', '', 'true'])).toEqual([{ column: 'attempted_at', value: '', reason: 'is required' }]);
  });
});
