import type { Channel } from '../channels/channel.js';
import type { ChannelsService } from '../channels/channels.service.js';
import type { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';

function serviceWith(timeZone: string, span: { first: Date | null; last: Date | null; intervals: number }): DashboardService {
  const channel = { id: 7, code: 'c1', timeZone, intervalMinutes: 30, serviceLevelTarget: 0.8 } as Channel;
  const channels = { get: (_tenant: string, code: string) => (code === 'c1' ? Promise.resolve(channel) : Promise.reject(new Error('unknown'))) } as unknown as ChannelsService;
  const repository = { actualsSpan: () => Promise.resolve(span) } as unknown as DashboardRepository;
  return new DashboardService(channels, repository);
}

const NOW = Date.UTC(2026, 2, 2, 12); // Monday 2 March 2026, 12:00 UTC

describe('DashboardService.range', () => {
  it('defaults to the 7 local days ending with the last day that has actuals', async () => {
    // 1999-10-16T21:30Z is 23:30 on Saturday 16 October in Israel (UTC+2): the week is 10-16 October.
    const s = serviceWith('Asia/Jerusalem', { first: new Date('1999-10-03T04:30:00Z'), last: new Date('1999-10-16T21:30:00Z'), intervals: 500 });
    expect(await s.range('t', { channel: 'c1' }, NOW)).toEqual({
      channel: 'c1', timeZone: 'Asia/Jerusalem', intervalMinutes: 30, serviceLevelTarget: 0.8,
      firstActualStart: '1999-10-03T04:30:00Z', lastActualStart: '1999-10-16T21:30:00Z', actualIntervals: 500,
      from: '1999-10-10T00:00:00+02:00', to: '1999-10-17T00:00:00+02:00', firstDay: '1999-10-10', lastDay: '1999-10-16',
    });
  });

  it('cuts days at local midnight across a clock change', async () => {
    // Berlin moved to summer time on Sunday 29 March 2026: the week starts at +01:00 and ends at +02:00.
    const s = serviceWith('Europe/Berlin', { first: new Date('2026-01-05T08:00:00Z'), last: new Date('2026-03-31T10:00:00Z'), intervals: 9 });
    const r = await s.range('t', { channel: 'c1' }, NOW);
    expect([r.from, r.to, r.firstDay, r.lastDay]).toEqual(['2026-03-25T00:00:00+01:00', '2026-04-01T00:00:00+02:00', '2026-03-25', '2026-03-31']);
  });

  it('without actuals ends with today; takes given days, keeping at least one', async () => {
    const s = serviceWith('UTC', { first: null, last: null, intervals: 0 });
    const r = await s.range('t', { channel: 'c1' }, NOW);
    expect([r.from, r.to, r.firstActualStart, r.lastActualStart]).toEqual(['2026-02-24T00:00:00Z', '2026-03-03T00:00:00Z', null, null]);
    const given = await s.range('t', { channel: 'c1', from: '2026-01-01', to: '2026-02-01' }, NOW);
    expect([given.from, given.to, given.firstDay, given.lastDay]).toEqual(['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-01-01', '2026-01-31']);
    const empty = await s.range('t', { channel: 'c1', from: '2026-01-05', to: '2026-01-05' }, NOW);
    expect([empty.firstDay, empty.lastDay]).toEqual(['2026-01-04', '2026-01-04']);
  });

  it('refuses a date that does not exist', async () => {
    await expect(serviceWith('UTC', { first: null, last: null, intervals: 0 }).range('t', { channel: 'c1', from: '2026-02-30' }, NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
