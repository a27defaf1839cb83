import { createZoneClock } from '../time/create-zone-clock.js';
import { classifyObjectiveInto } from './classify-objective-into.js';
import { compileBusinessCalendar } from './compile-business-calendar.js';
import { BREACHED, MET, NOT_APPLICABLE, PENDING } from './compliance-status.js';
import { nearestRankPercentile } from './nearest-rank-percentile.js';
import { objectiveDeadlinesInto } from './objective-deadlines-into.js';
import { updateCadenceInto } from './update-cadence-into.js';

// Expected statuses worked out by hand from the instants (2026-03-06 is a Friday, 2026-03-09 a Monday).
const H = 3600;
const utc = (d: number, h: number, m = 0, s = 0): number => Date.UTC(2026, 2, d, h, m, s);
const office = compileBusinessCalendar(createZoneClock('UTC'), [1, 2, 3, 4, 5], 540, 1020, []);
const col = (...v: number[]): Float64Array => Float64Array.from(v);

describe('objectiveDeadlinesInto', () => {
  it('adds elapsed time on the 24×7 clock and business time on the business clock', () => {
    const out = new Float64Array(3);
    objectiveDeadlinesInto(col(utc(6, 16), utc(7, 10), NaN), 2 * H, null, out);
    expect([...out]).toEqual([utc(6, 18), utc(7, 12), NaN]);
    objectiveDeadlinesInto(col(utc(6, 16), utc(7, 10), NaN), 2 * H, office, out);
    expect([...out]).toEqual([utc(9, 10), utc(9, 11), NaN]);
    expect(() => objectiveDeadlinesInto(col(1), 0, null, out)).toThrow(RangeError);
  });
});

describe('classifyObjectiveInto', () => {
  const asOf = utc(6, 16, 30);
  it('24×7: met at the deadline exactly, breached a second later, open cases pending or breached at the evaluation instant', () => {
    const start = col(utc(6, 16), utc(6, 16), utc(6, 16), utc(6, 16, 20), NaN, utc(6, 16));
    const event = col(utc(6, 16, 15), utc(6, 16, 15, 1), NaN, NaN, utc(6, 17), NaN);
    const objective = col(900, 900, 900, 900, 900, NaN);
    const out = new Int8Array(6);
    classifyObjectiveInto(start, event, null, objective, null, asOf, out);
    // 15:00 min ≤ 15 min met; 15:01 breached; open 30 min > 15 breached; open 10 min pending;
    // no start and no objective: not applicable
    expect([...out]).toEqual([MET, BREACHED, BREACHED, PENDING, NOT_APPLICABLE, NOT_APPLICABLE]);
  });
  it('takes the fallback (the resolution) when there is no response', () => {
    const out = new Int8Array(2);
    classifyObjectiveInto(col(utc(6, 16), utc(6, 16)), col(NaN, NaN), col(utc(6, 16, 10), NaN), col(900, 900), null, utc(6, 16, 5), out);
    expect([...out]).toEqual([MET, PENDING]);
  });
  it('business clock: Friday 16:00 with 2 business hours is due Monday 10:00; a Saturday event after 1 h of business time meets 1 h', () => {
    const out = new Int8Array(4);
    classifyObjectiveInto(
      col(utc(6, 16), utc(6, 16), utc(6, 16), utc(6, 16)),
      col(utc(9, 10), utc(9, 10, 0, 1), utc(7, 12), NaN),
      null,
      col(2 * H, 2 * H, H, 2 * H),
      office,
      utc(8, 12), // Sunday: only 1 business hour has run on the open case
      out,
    );
    expect([...out]).toEqual([MET, BREACHED, MET, PENDING]);
    classifyObjectiveInto(col(utc(6, 16)), col(NaN), null, col(2 * H), office, utc(9, 10, 0, 1), out);
    expect(out[0]).toBe(BREACHED); // open past Monday 10:00
  });
});

describe('updateCadenceInto', () => {
  it('24×7: every gap from the first response through the updates to the resolution must be ≤ the cadence', () => {
    // case 0: 09:00 → 10:00 → 11:00 → resolved 12:00: gaps 1 h each: met
    // case 1: 09:00 → 10:30 (gap 1.5 h): breached
    // case 2: open, last touch 09:00, evaluated 09:59: pending; case 3: open, evaluated 10:01 after 09:00: breached
    // case 4: no cadence (as required): not applicable
    const start = col(utc(2, 9), utc(2, 9), utc(2, 9), utc(2, 9), utc(2, 9));
    const end = col(utc(2, 12), utc(2, 11), NaN, NaN, utc(2, 20));
    const offsets = Int32Array.of(0, 2, 3, 3, 3, 3);
    const updates = col(utc(2, 10), utc(2, 11), utc(2, 10, 30));
    const cadence = col(H, H, H, H, NaN);
    const out = new Int8Array(5);
    updateCadenceInto(start, end, offsets, updates, cadence, null, utc(2, 9, 59), out);
    expect([...out.slice(0, 3)]).toEqual([MET, BREACHED, PENDING]);
    updateCadenceInto(start, end, offsets, updates, cadence, null, utc(2, 10, 1), out);
    expect([...out.slice(2)]).toEqual([BREACHED, BREACHED, NOT_APPLICABLE]); // 61 min since the last touch
  });
  it('business clock: every 2 business days (16 h) from Friday 16:00 is met by an update on Tuesday 15:00 and breached at Tuesday 16:00:01', () => {
    // Friday 16–17 (1 h) + Monday 8 h + Tuesday 9–15 (6 h) = 15 h ≤ 16 h; Tuesday 16:00:01 is 16 h 1 s
    const out = new Int8Array(2);
    updateCadenceInto(col(utc(6, 16), utc(6, 16)), col(utc(10, 15), utc(10, 16, 0, 1)), Int32Array.of(0, 0, 0), col(), col(16 * H, 16 * H), office, utc(20, 0), out);
    expect([...out]).toEqual([MET, BREACHED]);
  });
  it('ignores updates before the start or after the end', () => {
    const out = new Int8Array(1);
    updateCadenceInto(col(utc(2, 9)), col(utc(2, 9, 30)), Int32Array.of(0, 2), col(utc(2, 8), utc(2, 15)), col(H), null, utc(3, 0), out);
    expect(out[0]).toBe(MET);
  });
});

describe('nearestRankPercentile', () => {
  it('gives the value of rank ceil(p·n) (the nearest-rank worked example: 15, 20, 35, 40, 50)', () => {
    const v = col(15, 20, 35, 40, 50);
    expect(nearestRankPercentile(v, 0.05)).toBe(15);
    expect(nearestRankPercentile(v, 0.3)).toBe(20);
    expect(nearestRankPercentile(v, 0.4)).toBe(20);
    expect(nearestRankPercentile(v, 0.5)).toBe(35);
    expect(nearestRankPercentile(v, 1)).toBe(50);
    expect(nearestRankPercentile(v, 0.9, 1, 3)).toBe(40); // of 20, 35, 40
    expect(nearestRankPercentile(col(), 0.5)).toBeNaN();
    expect(() => nearestRankPercentile(v, 0)).toThrow(RangeError);
  });
});
