import { plainToInstance } from 'class-transformer';
import { ActualsService } from '../../src/modules/actuals/actuals.service.js';
import { AdherenceService } from '../../src/modules/adherence/adherence.service.js';
import { AdherenceQueryDto, ExceptionQueryDto, HeadcountQueryDto, type AdherenceRowDto, type ExceptionDto, type HeadcountDto } from '../../src/modules/adherence/dto/adherence.dto.js';
import { ChannelsService } from '../../src/modules/channels/channels.service.js';
import { ChannelPutDto } from '../../src/modules/channels/dto/channel.dto.js';
import { ForecastsService } from '../../src/modules/forecasts/forecasts.service.js';
import type { Listing } from '../../src/modules/listing/send-listing.js';
import { PlanCreateDto } from '../../src/modules/staffing/dto/plan.dto.js';
import { PlansService } from '../../src/modules/staffing/plans.service.js';
import { jsonRowsSource } from '../../src/modules/uploads/upload-body.js';
import { DomainError } from '../../src/platform/errors/domain-error.js';
import { startMediumContext, type MediumContext, type MediumTenant } from '../support/medium-context.js';

/*
 * AdherenceService on PostgreSQL without HTTP: schedules and agent states uploaded through the
 * service (typed JSON rows), then adherence, exceptions and headcount read back. Default rules
 * (work is satisfied by available, on-contact, after-contact-work, outbound; break by break;
 * grace 60 s). Definitions: Cleveland, "Call Center Management on Fast Forward" (3rd ed.),
 * ch. 9 (adherence = in-adherence ÷ scheduled time; conformance = worked ÷ scheduled productive
 * time), the occupancy from volume of ch. 6 ((answered × AHT) ÷ (agents × interval seconds)).
 * Monday 2 March 2026, UTC, half-hours; every figure below is counted by hand from these rows.
 *
 *           09:00      09:30      10:00      10:30      11:00      11:30      12:00
 * a1 plan   work ──────────────────────────────────────┤break 15 ├work ───────┤      (voice)
 * a1 state  avail 40 ·on-contact 40 ·break 10·avail 30 ·break 20 ·on-contact 40┤
 * a2 plan   work ──────────────┤                                                     (voice|chat)
 * a2 state  on-contact 30·avail 20·meeting 10┤
 *
 * a1: scheduled 3 h = 10,800 s; out of adherence 10:20-10:30 (600 s) and 11:15-11:20 (300 s):
 *     adherent 9,900 s, adherence 11/12; productive scheduled 9,900 s, worked (productive
 *     states) 40 + 40 + 30 + 40 min = 9,000 s, conformance 10/11; 2 exceptions (both > 60 s).
 * a2: scheduled 3,600 s; meeting 09:50-10:00 out (600 s): adherent 3,000, adherence 5/6;
 *     worked 3,000 of 3,600 productive; 1 exception.
 * By channel, a2 counts half on voice and half on chat.
 */
const Z = (hhmm: string): string => `2026-03-02T${hhmm}:00Z`;
const MONDAY_MS = Date.UTC(2026, 2, 2);

const SCHEDULES = [
  { agentId: 'a1', team: 'red', channels: 'voice', activity: 'work', start: Z('09:00'), end: Z('11:00') },
  { agentId: 'a1', team: 'red', channels: 'voice', activity: 'break', start: Z('11:00'), end: Z('11:15') },
  { agentId: 'a1', team: 'red', channels: 'voice', activity: 'work', start: Z('11:15'), end: Z('12:00') },
  { agentId: 'a2', team: 'blue', channels: 'voice|chat', activity: 'work', start: Z('09:00'), end: Z('10:00') },
];
const STATES = [
  { agentId: 'a1', state: 'available', start: Z('09:00'), end: Z('09:40') },
  { agentId: 'a1', state: 'on-contact', start: Z('09:40'), end: Z('10:20') },
  { agentId: 'a1', state: 'break', start: Z('10:20'), end: Z('10:30') },
  { agentId: 'a1', state: 'available', start: Z('10:30'), end: Z('11:00') },
  { agentId: 'a1', state: 'break', start: Z('11:00'), end: Z('11:20') },
  { agentId: 'a1', state: 'on-contact', start: Z('11:20'), end: Z('12:00') },
  { agentId: 'a2', state: 'on-contact', start: Z('09:00'), end: Z('09:30') },
  { agentId: 'a2', state: 'available', start: Z('09:30'), end: Z('09:50') },
  { agentId: 'a2', state: 'meeting', start: Z('09:50'), end: Z('10:00') },
];

/** The rows of a JSON listing. */
function rowsOf<T>(listing: Listing): T[] {
  if (listing.type !== 'json') throw new Error(`expected a JSON listing, got ${listing.type}`);
  return listing.body.data as T[];
}

/** Rounded to 12 significant digits (NaN stays NaN), so that 2400 / 1800 and 4 / 3 compare equal. */
const round12 = (values: ArrayLike<number>): number[] => Array.from(values, (x) => Number(x.toPrecision(12)));

describe('adherence service (medium: real repositories, PostgreSQL, no HTTP)', () => {
  let ctx: MediumContext;
  let tenant: MediumTenant;
  let adherence: AdherenceService;
  const day = { from: '2026-03-02', to: '2026-03-03' };

  beforeAll(async () => {
    ctx = await startMediumContext();
    tenant = await ctx.newTenant();
    adherence = ctx.app.get(AdherenceService);
    const channels = ctx.app.get(ChannelsService);
    for (const code of ['voice', 'chat']) {
      await channels.put(tenant.tenantId, code, plainToInstance(ChannelPutDto, { name: code, media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, serviceLevelTarget: 0.8, thresholdSeconds: 20 }));
    }
    const schedules = await adherence.uploadSchedules(tenant.tenantId, tenant.uploader('scheduler'), jsonRowsSource(SCHEDULES), null);
    expect(schedules).toMatchObject({ kind: 'schedules', rows: 4, agents: 2, agentDays: 2, duplicate: false });
    const states = await adherence.uploadStates(tenant.tenantId, tenant.uploader('scheduler'), jsonRowsSource(STATES), null);
    expect(states).toMatchObject({ kind: 'agent-states', form: 'segments', rows: 9, agents: 2, segments: 9, duplicate: false });
  });
  afterAll(() => ctx.close());

  it('adherence and conformance by agent, team and channel for the day', async () => {
    const byAgent = rowsOf<AdherenceRowDto>(await adherence.adherence(tenant.tenantId, plainToInstance(AdherenceQueryDto, { ...day, level: 'agent' }), 'json'));
    const common = { level: 'agent', periodStart: '2026-03-02T00:00:00Z', periodStartLocal: '2026-03-02T00:00:00+00:00', earlyLogOffSeconds: 0, lateLogOffSeconds: 0 };
    expect(byAgent).toEqual([
      { ...common, key: 'a1', scheduledSeconds: 10_800, adherentSeconds: 9900, adherence: 9900 / 10_800, productiveScheduledSeconds: 9900, workedSeconds: 9000, conformance: 9000 / 9900, exceptions: 2 },
      { ...common, key: 'a2', scheduledSeconds: 3600, adherentSeconds: 3000, adherence: 3000 / 3600, productiveScheduledSeconds: 3600, workedSeconds: 3000, conformance: 3000 / 3600, exceptions: 1 },
    ]);
    const byTeam = rowsOf<AdherenceRowDto>(await adherence.adherence(tenant.tenantId, plainToInstance(AdherenceQueryDto, { ...day, level: 'team' }), 'json'));
    expect(byTeam.map((r) => [r.key, r.scheduledSeconds, r.adherentSeconds])).toEqual([['blue', 3600, 3000], ['red', 10_800, 9900]]);
    const byChannel = rowsOf<AdherenceRowDto>(await adherence.adherence(tenant.tenantId, plainToInstance(AdherenceQueryDto, { ...day, level: 'channel' }), 'json'));
    // chat: half of a2 (1800 s, 1500 adherent); voice: a1 plus the other half of a2
    expect(byChannel.map((r) => [r.key, r.scheduledSeconds, r.adherentSeconds, r.exceptions])).toEqual([['chat', 1800, 1500, 0.5], ['voice', 12_600, 11_400, 2.5]]);
  });

  it('adherenceByChannel gives the same seconds by day as typed values', async () => {
    const daily = await adherence.adherenceByChannel(tenant.tenantId, MONDAY_MS, MONDAY_MS + 86_400_000, 'day');
    expect(daily).toEqual([
      { channel: 'chat', periodStartMs: MONDAY_MS, adherentSeconds: 1500, scheduledSeconds: 1800 },
      { channel: 'voice', periodStartMs: MONDAY_MS, adherentSeconds: 11_400, scheduledSeconds: 12_600 },
    ]);
  });

  // A row cut at the interval grid may start inside an interval (a1's 11:15 work after a
  // 15-minute break): it joins the 11:00 half-hour, not a period of its own.
  it('adherenceByChannel by interval sums every piece into the half-hour that holds it', async () => {
    const half = (k: number): number => MONDAY_MS + 9 * 3_600_000 + k * 1_800_000;
    const intervals = await adherence.adherenceByChannel(tenant.tenantId, MONDAY_MS, MONDAY_MS + 86_400_000, 'interval');
    // voice 09:00: a1 1800 + a2 900, all adherent; 09:30: a2's meeting (10 min) halves to 300 s out;
    // 10:00: a1's 10 min break out; 11:00: break 11:00-11:15 kept, 5 min late back; chat: a2's halves.
    expect(intervals.map((r) => [r.channel, r.periodStartMs, r.adherentSeconds, r.scheduledSeconds])).toEqual([
      ['chat', half(0), 900, 900], ['chat', half(1), 600, 900],
      ['voice', half(0), 2700, 2700], ['voice', half(1), 2400, 2700], ['voice', half(2), 1200, 1800],
      ['voice', half(3), 1800, 1800], ['voice', half(4), 1500, 1800], ['voice', half(5), 1800, 1800],
    ]);
  });

  it('lists the exceptions longer than the grace period; grace does not change adherent seconds', async () => {
    const exceptions = rowsOf<ExceptionDto>(await adherence.exceptions(tenant.tenantId, plainToInstance(ExceptionQueryDto, day), 'json'));
    expect(exceptions).toEqual([
      { agentId: 'a1', team: 'red', activity: 'work', state: 'break', start: Z('10:20'), end: Z('10:30'), durationSeconds: 600 },
      { agentId: 'a1', team: 'red', activity: 'work', state: 'break', start: Z('11:15'), end: Z('11:20'), durationSeconds: 300 },
      { agentId: 'a2', team: 'blue', activity: 'work', state: 'meeting', start: Z('09:50'), end: Z('10:00'), durationSeconds: 600 },
    ]);
    await adherence.putRules(tenant.tenantId, { graceSeconds: 400 });
    try {
      const graced = rowsOf<ExceptionDto>(await adherence.exceptions(tenant.tenantId, plainToInstance(ExceptionQueryDto, day), 'json'));
      expect(graced.map((e) => e.durationSeconds)).toEqual([600, 600]);
      const a1 = rowsOf<AdherenceRowDto>(await adherence.adherence(tenant.tenantId, plainToInstance(AdherenceQueryDto, { ...day, level: 'agent' }), 'json'))[0];
      expect(a1).toMatchObject({ key: 'a1', adherentSeconds: 9900, exceptions: 1 });
    } finally {
      await adherence.putRules(tenant.tenantId, {});
    }
  });

  describe('headcount', () => {
    beforeAll(async () => {
      // A plan for voice 09:00 and 09:30 (10 contacts × 180 s per half-hour: A = 1 Erlang, 80/20).
      // Erlang C by hand: C(2, 1) = 1/3, SL = 1 − e^{−20/180}/3 = 0.702 < 0.8;
      // C(3, 1) = (1/6 · 3/2) ÷ (1 + 1 + 1/2 + 1/4) = 1/11, SL = 1 − e^{−40/180}/11 = 0.927: 3 agents.
      const { version } = await ctx.app.get(ForecastsService).createVersion(tenant.tenantId, {
        label: 'headcount', source: 'upload',
        rows: [{ channel: 'voice', intervalStart: Z('09:00'), volume: 10, ahtSeconds: 180 }, { channel: 'voice', intervalStart: Z('09:30'), volume: 10, ahtSeconds: 180 }],
      });
      await ctx.app.get(PlansService).create(tenant.principal('scheduler'), plainToInstance(PlanCreateDto, { forecastVersionId: version.id }));
      // Interval actuals of voice 09:00 and 09:30 (for the occupancy from volume).
      const actual = (start: string, answered: number, handleSeconds: number) => ({
        channel: 'voice', intervalStart: start, offered: answered, answered, abandoned: 0, answeredWithinThreshold: answered,
        abandonedWithinThreshold: 0, thresholdSeconds: 20, handleSeconds, waitSeconds: 0,
      });
      await ctx.app.get(ActualsService).uploadIntervals(tenant.tenantId, tenant.uploader('planner'), jsonRowsSource([actual(Z('09:00'), 20, 2400), actual(Z('09:30'), 16, 2400)]), null, null);
    });

    /*
     * Per half-hour (agent-seconds ÷ 1800; a2 counts 1/2 on each of its channels):
     *            scheduled (work)         staffed (productive states)    busy s   idle s
     * voice 09:00  1800 + 900 → 1.5      a1 1800 + a2 900 → 1.5           900     1800
     * voice 09:30  1800 + 900 → 1.5      a1 1800 + a2 600 → 4/3          1200     600 + 600
     * voice 10:00  1800 → 1              a1 1200 → 2/3                   1200        0
     * voice 10:30  1800 → 1              1800 → 1                           0     1800
     * voice 11:00  900 (11:15-11:30) → ½ 600 (11:20-11:30) → 1/3          600        0
     * voice 11:30  1800 → 1              1800 → 1                        1800        0
     * chat  09:00  900 → ½               900 → ½                          900        0
     * chat  09:30  900 → ½               600 → 1/3                          0      600
     */
    it('headcountColumns: scheduled, staffed, required, busy and idle per interval, as columns', async () => {
      const all = await ctx.app.get(ChannelsService).list(tenant.tenantId);
      const chosen = all.filter((c) => c.code === 'voice' || c.code === 'chat').sort((a, b) => (a.code < b.code ? -1 : 1));
      const hc = await adherence.headcountColumns(tenant.tenantId, all, chosen, MONDAY_MS + 9 * 3_600_000, MONDAY_MS + 12 * 3_600_000);
      expect(hc).toMatchObject({ schedules: 4, states: 9 });
      const [chat, voice] = hc.channels;
      expect([chat.channel.code, chat.length, voice.channel.code, voice.length, voice.intervalSeconds]).toEqual(['chat', 6, 'voice', 6, 1800]);
      expect(Array.from(voice.startMs)).toEqual([0, 1, 2, 3, 4, 5].map((k) => MONDAY_MS + 9 * 3_600_000 + k * 1_800_000));
      expect(round12(voice.scheduledAgents)).toEqual(round12([1.5, 1.5, 1, 1, 0.5, 1]));
      expect(round12(voice.staffedAgents)).toEqual(round12([1.5, 4 / 3, 2 / 3, 1, 1 / 3, 1]));
      expect(round12(voice.busySeconds)).toEqual([900, 1200, 1200, 0, 600, 1800]);
      expect(round12(voice.idleSeconds)).toEqual([1800, 1200, 0, 1800, 0, 0]);
      expect(round12(voice.requiredAgents)).toEqual([3, 3, NaN, NaN, NaN, NaN]);
      expect(round12(voice.answered)).toEqual([20, 16, NaN, NaN, NaN, NaN]);
      expect(round12(voice.handleSeconds)).toEqual([2400, 2400, NaN, NaN, NaN, NaN]);
      expect(round12(chat.scheduledAgents)).toEqual([0.5, 0.5, 0, 0, 0, 0]);
      expect(round12(chat.staffedAgents)).toEqual(round12([0.5, 1 / 3, 0, 0, 0, 0]));
      expect(round12(chat.busySeconds)).toEqual([900, 0, 0, 0, 0, 0]);
      expect(round12(chat.idleSeconds)).toEqual([0, 600, 0, 0, 0, 0]);
      expect(round12(chat.requiredAgents)).toEqual([NaN, NaN, NaN, NaN, NaN, NaN]);
    });

    it('headcount listing: over/under against the plan, occupancy from states and from volume', async () => {
      const rows = rowsOf<HeadcountDto>(await adherence.headcount(tenant.tenantId, plainToInstance(HeadcountQueryDto, { from: Z('09:00'), to: Z('10:30'), channel: ['voice'] }), 'json'));
      expect(rows.map((r) => r.periodStart)).toEqual([Z('09:00'), Z('09:30'), Z('10:00')]);
      const [r0, r1, r2] = rows;
      expect(r0).toMatchObject({ channel: 'voice', periodStartLocal: '2026-03-02T09:00:00+00:00', scheduled: 1.5, required: 3, scheduledOverUnder: -1.5, answered: 20 });
      expect(r0.staffedOverUnder).toBeCloseTo(1.5 - 3, 12);
      expect(r0.occupancy).toBeCloseTo(900 / 2700, 12); // busy ÷ (busy + idle)
      expect(r0.volumeOccupancy).toBeCloseTo(2400 / (1.5 * 1800), 12); // 20 × 120 s ÷ (1.5 agents × 1800 s)
      expect(r1.occupancy).toBeCloseTo(0.5, 12);
      expect(r1.staffedOverUnder).toBeCloseTo(4 / 3 - 3, 12);
      expect(r1.volumeOccupancy).toBeCloseTo(2400 / ((4 / 3) * 1800), 12); // = 1
      expect(r2).toMatchObject({ required: null, scheduledOverUnder: null, staffedOverUnder: null, answered: null, volumeOccupancy: null, occupancy: 1 });
    });

    it('refuses an unknown channel with DomainError UNKNOWN_CHANNELS', async () => {
      const error = await adherence.headcount(tenant.tenantId, plainToInstance(HeadcountQueryDto, { ...day, channel: ['voice', 'fax'] }), 'json').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'UNKNOWN_CHANNELS', details: { unknown: ['fax'] } });
    });
  });
});
