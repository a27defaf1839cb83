import { learnOpenIntervals } from './learn-open-intervals.js';

describe('learnOpenIntervals', () => {
  it('opens an interval that had contacts in most of the recent observed same weekdays', () => {
    // one slot a day, four weeks; weekday 0: contacts in 3 of 4 weeks; weekday 1: 1 of 4;
    // weekday 2: 2 of 4 (not most); weekday 3: a day with no row (NaN) is not counted: 2 of 3
    const h = new Float64Array(28);
    const set = (w: number, values: number[]): void => values.forEach((v, k) => (h[7 * k + w] = v));
    set(0, [4, 0, 2, 5]);
    set(1, [0, 0, 1, 0]);
    set(2, [1, 0, 1, 0]);
    set(3, [NaN, 2, 0, 3]);
    for (const w of [4, 5, 6]) set(w, [NaN, NaN, NaN, NaN]);
    const out = new Uint8Array(7);
    learnOpenIntervals(h, 1, 6, out);
    expect(Array.from(out)).toEqual([1, 0, 0, 1, 0, 0, 0]);
    // only the last two weeks: weekday 0 had 2 and 5, weekday 2 had 1 and 0
    learnOpenIntervals(h, 1, 2, out);
    expect(Array.from(out.subarray(0, 3))).toEqual([1, 0, 0]);
  });
  it('validates its arguments', () => {
    expect(() => learnOpenIntervals(new Float64Array(7), 1, 6, new Uint8Array(6))).toThrow('learnOpenIntervals requires out to hold 7 flags, got 6');
  });
});
