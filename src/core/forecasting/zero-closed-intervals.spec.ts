import { zeroClosedIntervals } from './zero-closed-intervals.js';

describe('zeroClosedIntervals', () => {
  it('zeroes intervals with no contact in the last weeks of the same weekday, and only those', () => {
    // two slots a day, three weeks; slot 1 of weekday 0 had a contact only three weeks ago
    const h = new Float64Array(42).fill(2);
    for (let w = 0; w < 3; w++) h[w * 14 + 1] = w === 0 ? 5 : 0;
    const f = new Float64Array(14).fill(0.3);
    expect(zeroClosedIntervals(h, 2, 2, f)).toBe(1);
    expect(f[1]).toBe(0);
    expect(f.filter((v) => v === 0.3).length).toBe(13);
    // over three weeks that interval was open once
    const g = new Float64Array(14).fill(0.3);
    expect(zeroClosedIntervals(h, 2, 3, g)).toBe(0);
  });
});
