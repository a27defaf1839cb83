import { intradayShares } from './intraday-shares.js';

describe('intradayShares', () => {
  it('gives each weekday its volume-weighted share per interval', () => {
    // two slots a day, two weeks; day 0 (weekday 0): [1, 3] then [3, 3]
    const h = new Float64Array(28).fill(1);
    h.set([1, 3], 0);
    h.set([3, 3], 14);
    const out = new Float64Array(14);
    intradayShares(h, 2, 6, out);
    expect(out[0]).toBeCloseTo(4 / 10, 15);
    expect(out[1]).toBeCloseTo(6 / 10, 15);
    expect(out[2]).toBe(0.5);
    // only the last week
    intradayShares(h, 2, 1, out);
    expect(out[0]).toBe(0.5);
  });
  it('keeps closed intervals at 0 and gives an empty weekday the all-days profile', () => {
    const h = new Float64Array(14);
    for (let d = 1; d < 7; d++) h.set([0, 4], d * 2);
    h.set([0, 0], 0);
    const out = new Float64Array(14);
    intradayShares(h, 2, 6, out);
    expect(Array.from(out)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
  });
  it('weights older weeks down by the decay (hand computation)', () => {
    // weekday 0 over two weeks: [1, 3] (older) then [3, 3] (newer), ρ = 0.5:
    // slot 0: (3 + 0.5·1) ÷ (6 + 0.5·4) = 3.5 / 8; slot 1: (3 + 0.5·3) ÷ 8 = 4.5 / 8
    const h = new Float64Array(28).fill(1);
    h.set([1, 3], 0);
    h.set([3, 3], 14);
    const out = new Float64Array(14);
    intradayShares(h, 2, 6, out, 0.5);
    expect(out[0]).toBeCloseTo(3.5 / 8, 15);
    expect(out[1]).toBeCloseTo(4.5 / 8, 15);
    expect(() => intradayShares(h, 2, 6, out, 0)).toThrow('intradayShares requires decay to be a number > 0 and <= 1, got 0');
  });
});
