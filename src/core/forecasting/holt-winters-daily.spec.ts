import { holtWintersDaily } from './holt-winters-daily.js';

describe('holtWintersDaily', () => {
  it('forecasts daily totals of a steady weekly pattern and spreads them by the intraday shares', () => {
    const totals = [100, 120, 140, 160, 180, 40, 0];
    const h = new Float64Array(28 * 2);
    for (let d = 0; d < 28; d++) h.set([totals[d % 7] / 4, (3 * totals[d % 7]) / 4], d * 2);
    const out = new Float64Array(7 * 2);
    const fit = holtWintersDaily(h, 2, 7, out, 'additive');
    expect(fit.seasonality).toBe('additive');
    for (let d = 0; d < 7; d++) {
      expect(out[2 * d]).toBeCloseTo(totals[d] / 4, 6);
      expect(out[2 * d + 1]).toBeCloseTo((3 * totals[d]) / 4, 6);
    }
  });
  it('picks the seasonality with the smaller fitted error', () => {
    const pattern = [1.4, 1.2, 1, 1, 0.8, 0.4, 1.2];
    const h = Float64Array.from({ length: 56 }, (_, d) => 100 * (1 + d / 20) * pattern[d % 7]);
    const fit = holtWintersDaily(h, 1, 7, new Float64Array(7));
    expect(fit.seasonality).toBe('multiplicative');
  });
  it('needs two weeks', () => {
    expect(() => holtWintersDaily(new Float64Array(13), 1, 1, new Float64Array(1))).toThrow('holtWintersDaily requires at least 14 days of history, got 13');
  });
});
