import { createRecordMapper } from './create-record-mapper.js';
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
const HEADER = 'vru+line call_id customer_id priority type date vru_entry vru_exit vru_time q_start q_exit q_time outcome ser_start ser_exit ser_time server'.split(' ');

describe('createRecordMapper', () => {
  const mapper = createRecordMapper(validateImportMapping(BANK).spec!, HEADER);
  const map = (line: string): unknown => {
    const out: string[] = [];
    const r = mapper.map(line.split(/\s+/), out);
    return r === 'ok' ? out : r;
  };

  it('produces the canonical columns it maps', () => {
    expect(mapper.issues).toEqual([]);
    expect(mapper.header).toEqual(['channel', 'contact_id', 'arrived_at', 'answered_at', 'ended_at', 'handle_seconds', 'wait_seconds', 'agent_id', 'outcome']);
  });

  it('maps a queued answered call', () => {
    expect(map('AA0101 46087 0 0 PS 991001 7:15:55 7:16:08 13 7:16:08 7:16:30 22 AGENT 7:16:30 7:17:10 40 BASCH')).toEqual([
      'retail', '46087', '1999-10-01T07:16:08', '1999-10-01T07:16:30', '1999-10-01T07:17:10', '40', '22', 'BASCH', 'answered',
    ]);
  });

  it('falls back to the VRU exit for calls that never queued, and rolls times past midnight', () => {
    expect(map('AA0104 34391 0 0 PE 991011 23:59:39 23:59:39 0 0:00:00 0:00:00 0 AGENT 0:00:04 0:00:46 42 AVI')).toEqual([
      'english', '34391', '1999-10-11T23:59:39', '1999-10-12T00:00:04', '1999-10-12T00:00:46', '42', '0', 'AVI', 'answered',
    ]);
  });

  it('skips hang-ups that never reached the queue, keeps queued ones as abandoned', () => {
    const out: string[] = [];
    expect(mapper.map('AA0101 46086 0 0 PS 991001 0:24:58 0:25:12 14 0:00:00 0:00:00 0 HANG 0:00:00 0:00:00 0 NO_SERVER'.split(' '), out)).toBe('skip');
    expect(map('AA0105 47153 3 1 PS 991015 8:50:18 8:50:02 -16 8:50:02 8:50:25 23 HANG 0:00:00 0:00:00 0 NO_SERVER')).toEqual([
      'retail', '47153', '1999-10-15T08:50:02', '', '', '0', '23', '', 'abandoned',
    ]);
  });

  it('names the source column of a bad value', () => {
    expect(map('AA0101 1 0 0 PS 991301 7:15:55 7:16:08 13 7:16:08 7:16:30 22 AGENT 7:16:30 7:17:10 40 BASCH')).toEqual({
      column: 'date', value: '991301', reason: 'must be a date in the format yymmdd',
    });
    expect(map('AA0101 1 0 0 PS 991001 7:15:55 7:16:08 13 7h16 7:16:30 22 AGENT 7:16:30 7:17:10 40 BASCH')).toMatchObject({ column: 'q_start', value: '7h16' });
  });

  it('reports mapped columns the file lacks', () => {
    expect(createRecordMapper(validateImportMapping(BANK).spec!, HEADER.filter((h) => h !== 'server')).issues).toEqual([
      { column: 'server', reason: 'column named by the mapping is not in the file' },
    ]);
  });
});
