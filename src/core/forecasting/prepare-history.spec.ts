import { prepareHistory } from './prepare-history.js';

describe('prepareHistory', () => {
  // two slots a day, three weeks: slot 0 closed (no rows), slot 1 open with 10 a day
  const s = 2;
  const rows = (): Float64Array => {
    const h = new Float64Array(21 * s);
    for (let d = 0; d < 21; d++) h.set([NaN, 10], d * s);
    return h;
  };

  it('tells closed hours (0) from missing intervals and days (NaN), and lists the missing days', () => {
    const h = rows();
    h[15 * s + 1] = NaN; // day 15 lost its only open interval: a missing day
    const p = prepareHistory(h, s);
    expect(p.train[0]).toBe(0);
    expect(p.train[1]).toBe(10);
    expect(p.train[15 * s + 1]).toBeNaN();
    expect(p.missingIntervals).toBe(1);
    expect([...p.missingDays.keys()].filter((d) => p.missingDays[d])).toEqual([15]);
    expect(p.leftOut[15]).toBe(1);
    expect(Number.isNaN(h[0])).toBe(true); // the input is not changed
  });
  it('leaves special days and, when asked, unannounced ones out (NaN all day)', () => {
    const h = rows();
    h[3 * s + 1] = 2; // far below its weekday's median of 10
    const excludedDays = new Uint8Array(21);
    excludedDays[9] = 1;
    const p = prepareHistory(h, s, { excludedDays, outliers: true });
    expect(Array.from(p.train.subarray(9 * s, 10 * s))).toEqual([NaN, NaN]);
    expect(Array.from(p.train.subarray(3 * s, 4 * s))).toEqual([NaN, NaN]);
    expect(prepareHistory(h, s, { excludedDays }).train[3 * s + 1]).toBe(2);
  });
  it("takes the planner's open hours when given", () => {
    const open = new Uint8Array(7 * s).fill(1);
    const p = prepareHistory(rows(), s, { open });
    expect(p.missingIntervals).toBe(21);
    expect(p.train[0]).toBeNaN();
  });
});
