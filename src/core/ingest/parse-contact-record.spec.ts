import { createZoneClock } from '../time/create-zone-clock.js';
import { CONTACT_COLUMNS, parseContactRecord, type ContactValues } from './parse-contact-record.js';
import { resolveColumns } from './resolve-columns.js';
import type { RowIssue } from './types.js';

const grid = { clock: createZoneClock('Europe/Berlin'), intervalMinutes: 30, thresholdSeconds: 20 };

describe('parseContactRecord', () => {
  const { positions } = resolveColumns(CONTACT_COLUMNS.map((c) => c.name), CONTACT_COLUMNS);
  const read = (row: Record<string, string>): { ok: boolean; out: ContactValues; issues: RowIssue[] } => {
    const fields = CONTACT_COLUMNS.map((c) => row[c.name] ?? '');
    const out = {} as ContactValues;
    const issues: RowIssue[] = [];
    return { ok: parseContactRecord(fields, positions, grid, out, issues), out, issues };
  };

  it('reads a contact and bins it into the interval of its arrival', () => {
    const { ok, out } = read({
      channel: 'retail', contact_id: 'c1', arrived_at: '2026-03-02 09:59:59', answered_at: '2026-03-02 10:00:11',
      ended_at: '2026-03-02 10:03:11', agent_id: 'ann', outcome: 'answered', contact_type: ' PS ',
    });
    expect(ok).toBe(true);
    expect(out).toMatchObject({
      contactId: 'c1', arrivedMs: Date.UTC(2026, 2, 2, 8, 59, 59), waitSeconds: 12, handleSeconds: 180, agentId: 'ann', contactType: 'PS',
      intervalStartMs: Date.UTC(2026, 2, 2, 8, 30), outcome: 'answered', abandonedMs: null,
    });
  });

  it('prefers given figures, derives abandoned waits', () => {
    expect(read({ channel: 'r', contact_id: 'c', arrived_at: '2026-03-02 09:00', handle_seconds: '100', wait_seconds: '7', outcome: 'answered' }).out)
      .toMatchObject({ handleSeconds: 100, waitSeconds: 7, contactType: null });
    expect(read({ channel: 'r', contact_id: 'c', arrived_at: '2026-03-02 09:00', abandoned_at: '2026-03-02 09:00:42', outcome: 'abandoned' }).out)
      .toMatchObject({ waitSeconds: 42, handleSeconds: null });
    expect(read({ channel: 'r', contact_id: 'c', arrived_at: '2026-03-02 09:00', outcome: 'ignored' }).ok).toBe(true);
  });

  it('says what is missing or wrong', () => {
    expect(read({ channel: 'r', contact_id: '', arrived_at: '2026-10-25 02:30', outcome: 'hung up' }).issues.map((i) => i.column)).toEqual([
      'contact_id', 'arrived_at', 'outcome',
    ]);
    expect(read({ channel: 'r', contact_id: 'c', arrived_at: '2026-03-02 09:00', outcome: 'answered' }).issues.map((i) => i.column)).toEqual([
      'wait_seconds', 'handle_seconds',
    ]);
    expect(read({ channel: 'r', contact_id: 'c', arrived_at: '2026-03-02 09:00', answered_at: '2026-03-02 08:59', ended_at: '2026-03-02 09:05', outcome: 'answered' }).issues)
      .toEqual([{ column: 'answered_at', value: '2026-03-02 08:59', reason: 'is before arrived_at' }]);
  });
});
