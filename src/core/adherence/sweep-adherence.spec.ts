import { createZoneClock } from '../time/create-zone-clock.js';
import { localDayIntervals } from '../time/local-day-intervals.js';
import { accumulateIntervalSeconds } from './accumulate-interval-seconds.js';
import type { AdherenceRules } from './adherence-rules.js';
import { closeStateEvents } from './close-state-events.js';
import type { SegmentColumns } from './segment-columns.js';
import { sortSegments } from './sort-segments.js';
import { sweepAdherence } from './sweep-adherence.js';

// The default lists. Activities: work 0, break 1, lunch 2, meeting 3, training 4,
// coaching 5, time-off 6, offline 7. States: available 0, on-contact 1, after-contact-work 2,
// outbound 3, break 4, lunch 5, meeting 6, training 7, offline 8; 9 = no state.
const W = 0, LUNCH = 2, OFFLINE_ACT = 7;
const AVAIL = 0, ONC = 1, ACW = 2, BRK = 4, LUN = 5, OFF = 8, NONE = 9;
const S = 9;

function rules(over: Partial<AdherenceRules> = {}): AdherenceRules {
  const satisfies = new Uint8Array(8 * (S + 1));
  const allow = (a: number, ...states: number[]): void => states.forEach((s) => (satisfies[a * (S + 1) + s] = 1));
  allow(W, AVAIL, ONC, ACW, 3);
  allow(1, BRK);
  allow(LUNCH, LUN);
  allow(3, 6);
  allow(4, 7);
  allow(5, 6, 7);
  allow(6, OFF, NONE);
  allow(OFFLINE_ACT, OFF, NONE);
  return {
    stateCount: S,
    satisfies,
    productiveActivity: Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0),
    productiveState: Uint8Array.of(1, 1, 1, 1, 0, 0, 0, 0, 0),
    loggedInState: Uint8Array.of(1, 1, 1, 1, 1, 1, 1, 1, 0),
    graceSeconds: 60,
    countEarlyLogOff: true,
    countLateLogOff: true,
    ...over,
  };
}

const DAY = Date.UTC(2026, 2, 2) / 1000; // Monday 2 March 2026, 00:00 UTC
const h = (hours: number, minutes = 0, seconds = 0): number => DAY + hours * 3600 + minutes * 60 + seconds;

function cols(rows: Array<[number, number, number, number]>): SegmentColumns {
  return {
    agent: Int32Array.from(rows.map((r) => r[0])),
    code: Int32Array.from(rows.map((r) => r[1])),
    start: Float64Array.from(rows.map((r) => r[2])),
    end: Float64Array.from(rows.map((r) => r[3])),
  };
}

const sum = (a: Float64Array): number => a.reduce((x, y) => x + y, 0);

// work 09-12, lunch 12-13, work 13-17: 8 scheduled hours, 7 productive.
const DAY_SHIFT = cols([
  [1, W, h(9), h(12)],
  [1, LUNCH, h(12), h(13)],
  [1, W, h(13), h(17)],
]);

describe('sweepAdherence', () => {
  it('gives 100 % adherence and conformance for an on-time day', () => {
    const states = cols([
      [1, AVAIL, h(8, 55), h(10)],
      [1, ONC, h(10), h(11, 30)],
      [1, ACW, h(11, 30), h(12)],
      [1, LUN, h(12), h(13)],
      [1, AVAIL, h(13), h(17)],
      [1, OFF, h(17), h(18)],
    ]);
    const r = sweepAdherence(DAY_SHIFT, states, rules());
    expect(sum(r.scheduledSeconds)).toBe(28_800);
    expect(sum(r.adherentSeconds)).toBe(28_800);
    expect(sum(r.workedSeconds)).toBe(25_200); // 7 productive hours
    expect(r.exceptions).toEqual([]);
    expect(sum(r.lateLogOffSeconds)).toBe(0);
  });

  it('counts a late return from lunch: 10 minutes out of adherence, one exception', () => {
    const states = cols([
      [1, AVAIL, h(9), h(12)],
      [1, LUN, h(12), h(13, 10)],
      [1, AVAIL, h(13, 10), h(17)],
    ]);
    const r = sweepAdherence(DAY_SHIFT, states, rules());
    expect(sum(r.adherentSeconds)).toBe(28_800 - 600);
    expect(sum(r.adherentSeconds) / sum(r.scheduledSeconds)).toBeCloseTo(28_200 / 28_800, 12); // 97.92 %
    expect(sum(r.workedSeconds)).toBe(25_200 - 600);
    expect(r.exceptions).toEqual([{ agent: 1, scheduleRow: 2, activity: W, state: LUN, start: h(13), end: h(13, 10) }]);
  });

  it('reports a missing log-off (state events never closed) as a late log-off exception', () => {
    // Events: available 09:00, lunch 12:00, available 13:00, then nothing; the log ends at 20:00.
    const agent = Int32Array.of(1, 1, 1);
    const at = Float64Array.of(h(9), h(12), h(13));
    const end = new Float64Array(3);
    expect(closeStateEvents(agent, at, sortSegments(agent, at, at), h(20), end)).toBeNull();
    const states: SegmentColumns = { agent, code: Int32Array.of(AVAIL, LUN, AVAIL), start: at, end };
    const r = sweepAdherence(DAY_SHIFT, states, rules());
    expect(sum(r.adherentSeconds)).toBe(28_800);
    expect(r.lateLogOffSeconds[2]).toBe(3 * 3600);
    expect(r.exceptions).toEqual([{ agent: 1, scheduleRow: 2, activity: -1, state: AVAIL, start: h(17), end: h(20) }]);
    // When late log-off does not count, the seconds are still measured but no exception is raised.
    const lenient = sweepAdherence(DAY_SHIFT, states, rules({ countLateLogOff: false }));
    expect(lenient.exceptions).toEqual([]);
    expect(lenient.lateLogOffSeconds[2]).toBe(3 * 3600);
  });

  it('excuses an early log-off only when the rules say it does not count', () => {
    const states = cols([
      [1, AVAIL, h(9), h(12)],
      [1, LUN, h(12), h(13)],
      [1, AVAIL, h(13), h(16)],
      [1, OFF, h(16), h(18)],
    ]);
    const strict = sweepAdherence(DAY_SHIFT, states, rules());
    expect(sum(strict.adherentSeconds)).toBe(28_800 - 3600);
    expect(sum(strict.earlyLogOffSeconds)).toBe(3600);
    expect(strict.exceptions).toEqual([{ agent: 1, scheduleRow: 2, activity: W, state: OFF, start: h(16), end: h(17) }]);
    const lenient = sweepAdherence(DAY_SHIFT, states, rules({ countEarlyLogOff: false }));
    expect(sum(lenient.adherentSeconds)).toBe(28_800);
    expect(lenient.exceptions).toEqual([]);
    // Conformance does not excuse it: 6 of 7 productive hours were worked.
    expect(sum(lenient.workedSeconds)).toBe(6 * 3600);
  });

  it('counts conformance regardless of when: working through lunch makes up for leaving early', () => {
    const states = cols([
      [1, AVAIL, h(9), h(16)],
      [1, OFF, h(16), h(17)],
    ]);
    const r = sweepAdherence(DAY_SHIFT, states, rules());
    expect(sum(r.workedSeconds) / 25_200).toBe(1); // conformance 100 %
    expect(sum(r.adherentSeconds)).toBe(28_800 - 3600 - 3600); // lunch and the last hour out
    expect(r.exceptions.map((e) => [e.activity, e.state, e.end - e.start])).toEqual([
      [LUNCH, AVAIL, 3600],
      [W, OFF, 3600],
    ]);
  });

  it('treats gaps in the state log as "no state", which satisfies offline only', () => {
    const schedule = cols([
      [1, W, h(9), h(10)],
      [1, OFFLINE_ACT, h(10), h(11)],
    ]);
    const r = sweepAdherence(schedule, cols([[1, AVAIL, h(9, 30), h(10)]]), rules({ countLateLogOff: false }));
    expect(Array.from(r.adherentSeconds)).toEqual([1800, 3600]);
    expect(r.exceptions).toEqual([{ agent: 1, scheduleRow: 0, activity: W, state: NONE, start: h(9), end: h(9, 30) }]);
  });

  it('attributes a shift crossing midnight to the day it starts', () => {
    // Agent 2 works 22:00-02:00 and again 22:00-02:00 the next night.
    const schedule = cols([
      [2, W, h(22), h(24)],
      [2, W, h(24), h(26)],
      [2, W, h(46), h(50)],
    ]);
    const states = cols([[2, AVAIL, h(22), h(50)]]);
    const r = sweepAdherence(schedule, states, rules({ countLateLogOff: false }));
    expect(Array.from(r.shiftStart)).toEqual([h(22), h(22), h(46)]);
    const localDay = (s: number): number => Math.floor(s / 86_400);
    expect(localDay(r.shiftStart[1])).toBe(localDay(h(22))); // 02:00 belongs to Monday
    expect(sum(r.adherentSeconds)).toBe(8 * 3600);
  });

  it.each([
    ['spring forward (23 h)', Date.UTC(2026, 2, 29), 23, 92],
    ['fall back (25 h)', Date.UTC(2026, 9, 25), 25, 100],
  ])('measures a local day of %s in Europe/Berlin in real seconds', (_name, localDayMs, hours, quarters) => {
    const berlin = createZoneClock('Europe/Berlin');
    const first = berlin.resolveLocal(localDayMs);
    const next = berlin.resolveLocal(localDayMs + 86_400_000);
    if (first.kind !== 'unique' || next.kind !== 'unique') throw new Error('midnight is unique in Berlin');
    const [s, e] = [first.utcMs / 1000, next.utcMs / 1000];
    const r = sweepAdherence(cols([[3, W, s, e]]), cols([[3, AVAIL, s, e]]), rules());
    expect(r.scheduledSeconds[0]).toBe(hours * 3600);
    expect(r.adherentSeconds[0]).toBe(hours * 3600);
    // Scheduled headcount per quarter-hour of that local day: 1 in each of 92 / 100 intervals.
    const starts = localDayIntervals(berlin, localDayMs, 15).map((ms) => ms / 1000);
    const edges = Float64Array.from([...starts, e]);
    const out = new Float64Array(starts.length);
    accumulateIntervalSeconds(Float64Array.of(s), Float64Array.of(e), Float64Array.of(1), Int32Array.of(0), edges, out);
    expect(out.length).toBe(quarters);
    expect(Array.from(out, (x) => x / 900).every((x) => x === 1)).toBe(true);
  });

  it.each([
    [59, 0],
    [60, 0],
    [61, 1],
  ])('keeps a %i s mismatch against 60 s of grace as %i exception(s), adherence lowered either way', (seconds, count) => {
    const states = cols([
      [1, AVAIL, h(9), h(12)],
      [1, LUN, h(12), h(13, 0, seconds)],
      [1, AVAIL, h(13, 0, seconds), h(17)],
    ]);
    const r = sweepAdherence(DAY_SHIFT, states, rules());
    expect(r.exceptions).toHaveLength(count);
    if (count) expect(r.exceptions[0].end - r.exceptions[0].start).toBe(61);
    expect(sum(r.adherentSeconds)).toBe(28_800 - seconds);
  });

  it('merges contiguous out-of-adherence pieces of the same activity and state across rows', () => {
    const schedule = cols([
      [1, W, h(9), h(10)],
      [1, W, h(10), h(11)],
    ]);
    const r = sweepAdherence(schedule, cols([[1, BRK, h(9, 50), h(10, 20)], [1, AVAIL, h(10, 20), h(11)], [1, AVAIL, h(9), h(9, 50)]]), rules());
    expect(r.exceptions).toEqual([{ agent: 1, scheduleRow: 0, activity: W, state: BRK, start: h(9, 50), end: h(10, 20) }]);
  });

  it('refuses overlapping state rows of one agent, naming both', () => {
    const states = cols([
      [1, AVAIL, h(9), h(12)],
      [1, LUN, h(11, 59), h(13)],
    ]);
    expect(() => sweepAdherence(DAY_SHIFT, states, rules())).toThrow('sweepAdherence requires state rows of one agent not to overlap: rows 0 and 1');
  });

  it('refuses a row that ends before it starts and an unknown state code', () => {
    expect(() => sweepAdherence(DAY_SHIFT, cols([[1, AVAIL, h(10), h(9)]]), rules())).toThrow(RangeError);
    expect(() => sweepAdherence(DAY_SHIFT, cols([[1, 12, h(9), h(10)]]), rules())).toThrow(RangeError);
  });

  it('keeps agents apart and handles agents without states', () => {
    const schedule = cols([
      [5, W, h(9), h(10)],
      [4, W, h(9), h(10)],
    ]);
    const r = sweepAdherence(schedule, cols([[5, AVAIL, h(9), h(10)]]), rules());
    expect(Array.from(r.adherentSeconds)).toEqual([3600, 0]);
    expect(r.exceptions).toEqual([{ agent: 4, scheduleRow: 1, activity: W, state: NONE, start: h(9), end: h(10) }]);
  });
});
