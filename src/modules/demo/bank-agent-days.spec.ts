import { agentDaysFromCalls, bankCallsOfAgents } from './bank-agent-days.js';
import type { ImportMappingPutDto } from '../import-mappings/index.js';

const MAPPING = { fields: { channel: { column: 'type', values: { PS: 'retail', PE: 'english', IN: 'internet', NE: 'stocks' } } } } as unknown as ImportMappingPutDto;
const HEADER = 'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver';

/** One record of the bank's export: the fields the derivation reads, the rest filler. */
function call(type: string, date: string, vruEntry: string, outcome: string, serStart: string, serSeconds: number, server: string): string {
  return ['AA0101', '1', '0', '0', type, date, vruEntry, vruEntry, '0', '0:00:00', '0:00:00', '0', outcome, serStart, '0:00:00', String(serSeconds), server].join('\t');
}

describe('schedules and agent states derived from the bank calls', () => {
  // Local times are Israel Standard Time, UTC+2 (offset 120 minutes): 09:10 local is 07:10Z.
  const text = [
    HEADER,
    call('PS', '991010', '9:00:00', 'AGENT', '9:10:00', 300, 'ANNA'), // 07:10:00Z-07:15:00Z
    call('PE', '991010', '9:12:00', 'AGENT', '9:14:00', 120, 'ANNA'), // 07:14:00Z-07:16:00Z, overlaps: merged
    call('PS', '991010', '10:39:00', 'AGENT', '10:40:00', 60, 'ANNA'), // 08:40:00Z-08:41:00Z
    call('NE', '991010', '23:58:00', 'AGENT', '0:01:00', 100, 'ANNA'), // next day 00:01 local = 22:01:00Z-22:02:40Z
    call('PS', '991010', '9:30:00', 'HANG', '0:00:00', 0, 'NO_SERVER'), // abandoned: no agent
    call('PS', '991010', '9:31:00', 'AGENT', '9:32:00', 50, 'NO_SERVER'), // no agent named
    call('XX', '991010', '9:33:00', 'AGENT', '9:34:00', 50, 'ANNA'), // a queue the mapping does not name
    call('PS', '991010', '9:35:00', 'AGENT', '9:36:00', 0, 'ANNA'), // no service time
    call('IN', '991011', '7:59:00', 'AGENT', '8:00:00', 1800, 'BEN'), // 06:00:00Z-06:30:00Z
  ].join('\n');

  it('keeps the served calls, in UTC, the next day for a service start 12 h before the VRU entry', () => {
    const calls = bankCallsOfAgents(text, MAPPING, 120);
    expect(calls.map((c) => [c.agent, c.channel, c.day, new Date(c.startMs).toISOString(), new Date(c.endMs).toISOString()])).toEqual([
      ['ANNA', 'retail', '991010', '1999-10-10T07:10:00.000Z', '1999-10-10T07:15:00.000Z'],
      ['ANNA', 'english', '991010', '1999-10-10T07:14:00.000Z', '1999-10-10T07:16:00.000Z'],
      ['ANNA', 'retail', '991010', '1999-10-10T08:40:00.000Z', '1999-10-10T08:41:00.000Z'],
      ['ANNA', 'stocks', '991010', '1999-10-10T22:01:00.000Z', '1999-10-10T22:02:40.000Z'],
      ['BEN', 'internet', '991011', '1999-10-11T06:00:00.000Z', '1999-10-11T06:30:00.000Z'],
    ]);
  });

  it('merges overlapping calls, fills the gaps of a day with available, and rounds the shift out to the half-hour grid', () => {
    const { schedules, states } = agentDaysFromCalls(bankCallsOfAgents(text, MAPPING, 120), 30);
    // Hand derivation: ANNA's day 991010 runs 07:10Z-22:02:40Z, so 07:00Z-22:30Z, on retail (2 calls; english and
    // stocks 1 each); BEN's call is on the grid already.
    expect(schedules).toEqual([
      { agentId: 'ANNA', team: 'bank', channels: 'retail', activity: 'work', start: '1999-10-10T07:00:00Z', end: '1999-10-10T22:30:00Z' },
      { agentId: 'BEN', team: 'bank', channels: 'internet', activity: 'work', start: '1999-10-11T06:00:00Z', end: '1999-10-11T06:30:00Z' },
    ]);
    expect(states).toEqual([
      { agentId: 'ANNA', state: 'on-contact', start: '1999-10-10T07:10:00Z', end: '1999-10-10T07:16:00Z' },
      { agentId: 'ANNA', state: 'available', start: '1999-10-10T07:16:00Z', end: '1999-10-10T08:40:00Z' },
      { agentId: 'ANNA', state: 'on-contact', start: '1999-10-10T08:40:00Z', end: '1999-10-10T08:41:00Z' },
      { agentId: 'ANNA', state: 'available', start: '1999-10-10T08:41:00Z', end: '1999-10-10T22:01:00Z' },
      { agentId: 'ANNA', state: 'on-contact', start: '1999-10-10T22:01:00Z', end: '1999-10-10T22:02:40Z' },
      { agentId: 'BEN', state: 'on-contact', start: '1999-10-11T06:00:00Z', end: '1999-10-11T06:30:00Z' },
    ]);
  });

  it('never starts a shift before the same agent\'s previous shift ends', () => {
    // Day 1 ends 00:10 local (22:10Z, rounded up to 22:30Z); day 2 starts 00:20 local (22:20Z, rounded down to 22:00Z).
    const calls = bankCallsOfAgents([HEADER, call('PS', '991010', '23:00:00', 'AGENT', '0:05:00', 300, 'CY'), call('PS', '991011', '0:19:00', 'AGENT', '0:20:00', 1200, 'CY')].join('\n'), MAPPING, 120);
    const { schedules } = agentDaysFromCalls(calls, 30);
    expect(schedules.map((s) => [s.start, s.end])).toEqual([
      ['1999-10-10T22:00:00Z', '1999-10-10T22:30:00Z'],
      ['1999-10-10T22:30:00Z', '1999-10-10T23:00:00Z'],
    ]);
  });
});
