import { validateImportMapping } from './validate-import-mapping.js';

const BANK = {
  kind: 'contacts',
  delimiter: 'whitespace',
  dateFormat: 'yymmdd',
  timeFormat: 'H:MM:SS',
  nullValues: { q_start: ['0:00:00'], q_exit: ['0:00:00'], ser_start: ['0:00:00'], ser_exit: ['0:00:00'], server: ['NO_SERVER'] },
  skipRows: [{ outcome: 'HANG', q_start: null }],
  crossMidnight: { referenceColumn: 'vru_entry' },
  fields: {
    channel: { column: 'type', values: { PS: 'retail', PE: 'english' } },
    contact_id: 'call_id',
    arrived_at: { columns: ['q_start', 'vru_exit'], dateColumn: 'date' },
    answered_at: { column: 'ser_start', dateColumn: 'date' },
    ended_at: { column: 'ser_exit', dateColumn: 'date' },
    handle_seconds: 'ser_time',
    wait_seconds: 'q_time',
    agent_id: 'server',
    outcome: { column: 'outcome', values: { AGENT: 'answered', HANG: 'abandoned', PHANTOM: 'ignored' } },
  },
};

describe('validateImportMapping', () => {
  it('accepts the bank mapping and normalises column shorthands', () => {
    const { spec, issues } = validateImportMapping(BANK);
    expect(issues).toEqual([]);
    expect(spec?.fields.contact_id).toEqual({ column: 'call_id' });
  });

  it('lists every problem with its path', () => {
    const { spec, issues } = validateImportMapping({
      kind: 'contacts', delimiter: '::', colour: 1, dateFormat: 'yyy', crossMidnight: { referenceColumn: 'x' },
      fields: { channel: 'type', contact: 'id', arrived_at: { column: 'a', value: 'b', dateColumn: 'd' }, outcome: { column: 'o', values: { A: 1 } } },
    });
    expect(spec).toBeNull();
    expect(issues.map((i) => i.field)).toEqual([
      'colour', 'delimiter', 'dateFormat', 'crossMidnight', 'fields.contact', 'fields.arrived_at',
      'fields.arrived_at.dateColumn', 'fields.outcome.values', 'fields.contact_id',
    ]);
  });
});
