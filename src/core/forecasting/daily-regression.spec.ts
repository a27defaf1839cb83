import { daysFromCivil } from '../time/days-from-civil.js';
import { dailyRegression } from './daily-regression.js';

describe('dailyRegression', () => {
  // two slots a day in a 1:3 ratio; daily totals exactly 100·(1.1)^(d/7)·weekday factor (log-linear)
  const s = 2;
  const factor = [1, 1.2, 1.1, 1, 0.9, 0.5, 0.3];
  const series = (days: number): Float64Array => {
    const h = new Float64Array(days * s);
    for (let d = 0; d < days; d++) {
      const total = 100 * 1.1 ** (d / 7) * factor[d % 7];
      h.set([total / 4, (3 * total) / 4], d * s);
    }
    return h;
  };

  it('recovers the weekday levels and the weekly trend of an exact log-linear series', () => {
    const h = series(28);
    const out = new Float64Array(7 * s);
    const fit = dailyRegression(h, s, 7, out);
    expect(fit.trendPerWeek).toBeCloseTo(Math.log(1.1), 10);
    expect(fit.sigma2).toBeCloseTo(0, 12);
    for (let k = 0; k < 7; k++) {
      const total = 100 * 1.1 ** ((28 + k) / 7) * factor[k];
      expect(out[k * s]).toBeCloseTo(total / 4, 6);
      expect(out[k * s + 1]).toBeCloseTo((3 * total) / 4, 6);
    }
  });
  it('leaves a missing day out of the fit instead of reading it as zero', () => {
    const h = series(28);
    h.fill(NaN, 20 * s, 21 * s); // a lost day
    const out = new Float64Array(7 * s);
    dailyRegression(h, s, 7, out);
    expect(out[0]).toBeCloseTo((100 * 1.1 ** 4) / 4, 6);
  });
  it('holds the trend after four weeks', () => {
    const h = series(28);
    const out = new Float64Array(42 * s);
    dailyRegression(h, s, 42, out);
    // day 35 (h = 35) and day 28 + 28 = 56 (h = 28) of weekday 0: the trend stops at h = 28
    expect(out[35 * s]).toBeCloseTo(out[28 * s], 6);
  });
  it('fits day-of-month terms when given the calendar and five weeks, and refuses a short history', () => {
    const h = series(42);
    const out = new Float64Array(7 * s);
    const fit = dailyRegression(h, s, 7, out, daysFromCivil(1999, 11, 1));
    expect(fit.monthTerms).toHaveLength(4);
    expect(() => dailyRegression(series(13), s, 7, out)).toThrow('dailyRegression requires at least 14 days of history, got 13');
  });
});
