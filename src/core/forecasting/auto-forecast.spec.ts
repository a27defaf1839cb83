import { autoForecast } from './auto-forecast.js';
import { forecastIntervals } from './forecast-intervals.js';

describe('autoForecast', () => {
  // four slots a day (slot 0 closed), eight weeks, a weekday pattern and a small weekly wobble
  const s = 4;
  const days = 56;
  const h = new Float64Array(days * s);
  for (let d = 0; d < days; d++) {
    const level = 100 * [1.2, 1, 1, 0.9, 0.8, 0.3, 0.1][d % 7] * (1 + 0.05 * Math.sin(d));
    h.set([0, 0.3 * level, 0.5 * level, 0.2 * level], d * s);
  }

  it('back-tests every method on the last four weeks and never picks one worse than weekday-mean', () => {
    const out = new Float64Array(7 * s);
    const r = autoForecast('auto', h, s, 7, out);
    expect(Object.keys(r.scores).sort()).toEqual(['combination', 'daily-regression', 'double-seasonal', 'holt-winters', 'seasonal-naive', 'weekday-mean', 'weekday-profile']);
    expect(r.scores[r.method]!.intervalWape).toBeLessThanOrEqual(r.scores['weekday-mean']!.intervalWape);
    expect(r.backtest!.weeks).toBe(4);
    expect(r.warning).toBeNull();
    for (let d = 0; d < 7; d++) expect(out[d * s]).toBe(0);
  });
  it('combination is the mean of the model-based methods it names', () => {
    const out = new Float64Array(7 * s);
    const r = autoForecast('combination', h, s, 7, out);
    expect(r.method).toBe('combination');
    expect(r.members).not.toContain('weekday-mean');
    const sum = new Float64Array(out.length);
    for (const m of r.members) {
      const g = new Float64Array(out.length);
      forecastIntervals(m, h, s, 7, g);
      g.forEach((v, i) => (sum[i] += v / r.members.length));
    }
    for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(sum[i], 12);
  });
  it('narrows the choice on a short history, down to weekday-mean on one week, with a warning', () => {
    const out = new Float64Array(7 * s);
    const week = autoForecast('auto', h.subarray(0, 7 * s), s, 7, out);
    expect(week.method).toBe('weekday-mean');
    expect(week.backtest).toBeNull();
    expect(week.warning).toBe('7 days of history leave no back-test');
    const two = autoForecast('auto', h.subarray(0, 14 * s), s, 7, out);
    expect(Object.keys(two.scores)).toEqual(['seasonal-naive', 'weekday-mean', 'weekday-profile']);
    expect(two.warning).toContain('back-tested only seasonal-naive, weekday-mean, weekday-profile');
  });
});
