import { rollingOriginBacktest } from './rolling-origin-backtest.js';

describe('rollingOriginBacktest', () => {
  const s = 2;
  const series = Float64Array.from({ length: 35 * s }, (_, t) => t + 1);

  it('re-forecasts at each origin from the days before it and pairs the actuals', () => {
    const f = new Float64Array(2 * 7 * s);
    const a = new Float64Array(f.length);
    rollingOriginBacktest('seasonal-naive', series, s, { firstOriginDay: 21, origins: 2, horizonDays: 7, stepDays: 7, trainDays: 14 }, f, a);
    // origin 21: forecast = days 14..20, actual = days 21..27; origin 28: days 21..27 vs 28..34
    for (let i = 0; i < 14; i++) {
      expect(f[i]).toBe(series[14 * s + i]);
      expect(a[i]).toBe(series[21 * s + i]);
      expect(f[14 + i]).toBe(series[21 * s + i]);
      expect(a[14 + i]).toBe(series[28 * s + i]);
    }
  });
  it('leaves special days of the horizons out of both columns (NaN, never 0)', () => {
    const f = new Float64Array(7 * s);
    const a = new Float64Array(f.length);
    const excludedDays = new Uint8Array(35);
    excludedDays[23] = 1;
    rollingOriginBacktest('seasonal-naive', series, s, { firstOriginDay: 21, origins: 1, horizonDays: 7, stepDays: 7, trainDays: 14, excludedDays }, f, a);
    expect(Array.from(f.subarray(4, 6))).toEqual([NaN, NaN]);
    expect(Array.from(a.subarray(4, 6))).toEqual([NaN, NaN]);
    expect(a[6]).toBe(series[24 * s]);
  });
  it('reads a row-less interval as a missing actual inside the open hours and as 0 outside them', () => {
    // slot 0 always has contacts, slot 1 never (closed); day 22 lost its rows
    const g = new Float64Array(35 * s);
    for (let d = 0; d < 35; d++) g.set([10 + (d % 7), NaN], d * s);
    g.fill(NaN, 22 * s, 23 * s);
    const f = new Float64Array(7 * s);
    const a = new Float64Array(f.length);
    rollingOriginBacktest('weekday-mean', g, s, { firstOriginDay: 21, origins: 1, horizonDays: 7, stepDays: 7, trainDays: 14 }, f, a);
    expect(a[1]).toBe(0);
    expect(f[1]).toBe(0);
    expect(a[2]).toBeNaN();
    expect(a[3]).toBe(0);
    expect(f[2]).toBe(11);
  });
  it('checks the plan fits the series', () => {
    const f = new Float64Array(7 * s);
    expect(() => rollingOriginBacktest('seasonal-naive', series, s, { firstOriginDay: 30, origins: 1, horizonDays: 7, stepDays: 7, trainDays: 14 }, f, f)).toThrow(
      'rollingOriginBacktest requires the last horizon to end inside the series (day 37 of 35)',
    );
    expect(() => rollingOriginBacktest('holt-winters', series, s, { firstOriginDay: 21, origins: 1, horizonDays: 7, stepDays: 7, trainDays: 7 }, f, f)).toThrow(
      'rollingOriginBacktest requires trainDays between 14 and firstOriginDay 21, got 7',
    );
  });
});
