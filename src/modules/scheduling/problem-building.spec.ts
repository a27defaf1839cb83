import { createZoneClock } from '../../core/time/create-zone-clock.js';
import { buildCandidates, buildHorizon, requiredAgents, rosterAgents } from './problem-building.js';
import { DEFAULT_RULES, parseSchedulingRules, type SchedulingRules } from './scheduling-rules.js';

const berlin = createZoneClock('Europe/Berlin');
const at = (iso: string): number => Date.parse(iso);
const ALL = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function rules(windows: Array<[string, string]>, extra: Partial<SchedulingRules> = {}): SchedulingRules {
  return {
    ...DEFAULT_RULES,
    shiftTypes: [{ code: 'T', lengthMinutes: 240, startStepMinutes: 30, startWindows: Object.fromEntries(ALL.map((d) => [d, windows])), breaks: [] }],
    ...extra,
  };
}

describe('buildHorizon', () => {
  it('cuts local days: a spring-forward week has 7 days and 7 × 48 − 2 half-hours', () => {
    const h = buildHorizon(at('2026-03-22T23:00:00Z'), at('2026-03-29T22:00:00Z'), 30, berlin);
    expect(h.dayCount).toBe(7);
    expect(h.intervalCount).toBe(7 * 48 - 2);
  });
});

describe('buildCandidates', () => {
  it('turns local start windows into minutes from the horizon start across the spring-forward change (Europe/Berlin, 29 March 2026)', () => {
    const h = buildHorizon(at('2026-03-22T23:00:00Z'), at('2026-03-29T22:00:00Z'), 30, berlin);
    const { shiftTypes, candidates } = buildCandidates(h, rules([['01:00', '03:00']], { lateHour: '05:30' }));
    expect(shiftTypes).toEqual([{ code: 'T', lengthMinutes: 240, breaks: [] }]);
    // Five starts a day (01:00 … 03:00); on Sunday 02:00 and 02:30 do not exist.
    expect(candidates.type.length).toBe(6 * 5 + 3);
    const sunday = [...candidates.startMinutes].filter((_, i) => candidates.day[i] === 6);
    // Sunday midnight is 8640 minutes after the start; 01:00 and 01:30 CET, then 03:00 CEST = 01:00 UTC.
    expect(sunday).toEqual([8640 + 60, 8640 + 90, 8640 + 120]);
    expect([...candidates.startMinutes].slice(0, 5)).toEqual([60, 90, 120, 150, 180]);
    expect([...candidates.late].slice(0, 5)).toEqual([0, 0, 1, 1, 1]);
    expect([...candidates.weekend].filter((w, i) => w === 1 && candidates.day[i] < 5)).toEqual([]);
    expect([...candidates.weekend].filter((w) => w === 1)).toHaveLength(5 + 3);
  });

  it('starts a repeated autumn time at its earlier instant, and drops shifts leaving the horizon', () => {
    // Sunday 25 October 2026: 02:00–03:00 happens twice in Europe/Berlin.
    const h = buildHorizon(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'), 30, berlin);
    expect(h.dayCount).toBe(1);
    const { candidates } = buildCandidates(h, rules([['02:30', '02:30'], ['21:00', '21:00']]));
    // 02:30 CEST = 00:30 UTC = 150 minutes; 21:00 + 4 h leaves the day.
    expect([...candidates.startMinutes]).toEqual([150]);
  });

  it('keeps shifts inside the opening hours of the rules when they are set', () => {
    const h = buildHorizon(at('2026-03-01T23:00:00Z'), at('2026-03-02T23:00:00Z'), 30, berlin);
    const open = rules([['06:00', '12:00']], { openingHours: { mon: [['08:00', '14:00']] } });
    const { candidates } = buildCandidates(h, open);
    // Starts 08:00 … 10:00 end by 14:00.
    expect([...candidates.startMinutes]).toEqual([480, 510, 540, 570, 600]);
  });
});

describe('requiredAgents', () => {
  const h = buildHorizon(at('2026-03-01T23:00:00Z'), at('2026-03-02T23:00:00Z'), 30, berlin);
  it('sums the channels per interval and leaves intervals no plan holds NaN (missing, not zero)', () => {
    const req = requiredAgents(h, [
      [{ startMs: at('2026-03-02T08:00:00Z'), agents: 3 }, { startMs: at('2026-03-02T08:30:00Z'), agents: 0 }],
      [{ startMs: at('2026-03-02T08:00:00Z'), agents: 2 }],
    ], DEFAULT_RULES);
    expect(req.length).toBe(48);
    expect(req[18]).toBe(5);
    expect(req[19]).toBe(0);
    expect(req[20]).toBeNaN();
    expect(req[0]).toBeNaN();
  });

  it('needs 0 outside the opening hours of the rules', () => {
    const req = requiredAgents(h, [[{ startMs: at('2026-03-02T08:00:00Z'), agents: 3 }]], { ...DEFAULT_RULES, openingHours: { mon: [['08:00', '20:00']] } });
    expect(req[0]).toBe(0);
    expect(req[18]).toBe(3);
    expect(req[20]).toBeNaN();
    expect(req[47]).toBe(0);
  });
});

describe('rosterAgents', () => {
  // Monday 2 to Monday 9 March 2026, Europe/Berlin (CET, +01:00).
  const h = buildHorizon(at('2026-03-01T23:00:00Z'), at('2026-03-08T23:00:00Z'), 30, berlin);

  it('maps weekdays to available days, the daily window and bookings to blocked minutes, the last shift to the rest rule', () => {
    const [a, b] = rosterAgents(h, [
      { agentId: 'A', minWeeklyMinutes: 600, maxWeeklyMinutes: 2400, availableDays: ['mon', 'wed'], availableFromMinutes: 7 * 60, availableToMinutes: 21 * 60 },
      { agentId: 'B', minWeeklyMinutes: 0, maxWeeklyMinutes: 2400, availableDays: [...ALL], availableFromMinutes: null, availableToMinutes: null },
    ], [
      { agentId: 'B', startMs: at('2026-03-01T14:00:00Z'), endMs: at('2026-03-01T22:00:00Z'), shift: true },
      { agentId: 'B', startMs: at('2026-03-01T20:00:00Z'), endMs: at('2026-03-02T11:00:00Z'), shift: false },
      { agentId: 'B', startMs: at('2026-03-04T08:00:00Z'), endMs: at('2026-03-04T16:00:00Z'), shift: true },
      { agentId: 'B', startMs: at('2026-03-06T23:00:00Z'), endMs: at('2026-03-07T23:00:00Z'), shift: false },
    ]);
    expect([...a.availableDays]).toEqual([1, 0, 1, 0, 0, 0, 0]);
    // Monday: before 07:00 and from 21:00; Wednesday likewise (2 × 1440 later).
    expect(a.blockedMinutes).toEqual([[0, 420], [1260, 1440], [2880, 3300], [4140, 4320]]);
    expect(a.lastShiftEndMinutes).toBeNull();
    expect(a).toMatchObject({ id: 'A', minWeeklyMinutes: 600, maxWeeklyMinutes: 2400 });
    expect([...b.availableDays]).toEqual([1, 1, 1, 1, 1, 1, 1]);
    // Time off clamped to the horizon; a day off (Saturday) blocked whole; shifts inside the horizon are not blocked (a publication replaces them).
    expect(b.blockedMinutes).toEqual([[0, 720], [7200, 8640]]);
    expect(b.lastShiftEndMinutes).toBe(-60);
  });
});

describe('parseSchedulingRules', () => {
  const activities = new Set(['work', 'break', 'lunch']);
  it('fills omitted fields with the defaults, and the defaults pass their own checks', () => {
    expect(parseSchedulingRules({}, activities)).toEqual(DEFAULT_RULES);
    expect(parseSchedulingRules(JSON.parse(JSON.stringify(DEFAULT_RULES)), activities)).toEqual(DEFAULT_RULES);
  });

  it('names every bad field: lengths off the quarter-hour, a break outside its shift, an unknown activity', () => {
    const run = (): unknown => parseSchedulingRules({
      shiftTypes: [{ code: 'S', lengthMinutes: 245, startWindows: { mon: [['07:00', '06:00']] }, breaks: [{ code: 'nap', lengthMinutes: 30, earliestStartMinutes: 0, latestStartMinutes: 300, paid: true }] }],
      lateHour: '25:00',
      extra: 1,
    }, activities);
    expect(run).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    try {
      run();
    } catch (e) {
      const fields = ((e as { details: { errors: Array<{ field: string }> } }).details.errors).map((x) => x.field);
      expect(fields).toEqual(expect.arrayContaining([
        'extra', 'shiftTypes[0].lengthMinutes', 'shiftTypes[0].startWindows.mon[0]', 'shiftTypes[0].breaks[0].code',
        'shiftTypes[0].breaks[0].earliestStartMinutes', 'shiftTypes[0].breaks[0].latestStartMinutes', 'lateHour',
      ]));
    }
  });
});
