import { forecastIntervals } from './forecast-intervals.js';
import { SINGLE_METHODS } from './types.js';

describe('forecastIntervals', () => {
  // four slots a day, four weeks; slot 0 is always closed, weekday 6 is closed all day
  const s = 4;
  const h = new Float64Array(28 * s);
  for (let d = 0; d < 28; d++) if (d % 7 !== 6) h.set([0, 10 + (d % 3), 20, 5], d * s);

  it.each(SINGLE_METHODS)('%s forecasts closed hours and closed days as exactly 0', (method) => {
    const out = new Float64Array(7 * s);
    forecastIntervals(method, h, s, 7, out);
    for (let d = 0; d < 7; d++) {
      expect(out[d * s]).toBe(0);
      if ((28 + d) % 7 === 6) expect(Array.from(out.subarray(d * s, d * s + s))).toEqual([0, 0, 0, 0]);
      else expect(out[d * s + 2]).toBeGreaterThan(10);
    }
  });
  it('learns nothing from a special day: a known holiday and an unannounced one', () => {
    const g = Float64Array.from(h);
    g.fill(0, 21 * s, 22 * s); // an unannounced holiday on weekday 0 of the last week
    const flags = new Uint8Array(28);
    const out = new Float64Array(7 * s);
    const clean = new Float64Array(7 * s);
    forecastIntervals('weekday-profile', h, s, 7, clean, flags);
    forecastIntervals('weekday-profile', g, s, 7, out, flags);
    // the holiday is replaced by the mean of weeks 1, 2 (before) → close to the clean forecast
    expect(out[2]).toBeCloseTo(clean[2], 0);
    // a flagged day's values do not matter at all
    flags[14] = 1;
    const one = Float64Array.from(h);
    one.fill(1, 14 * s + 1, 14 * s + 2);
    const many = Float64Array.from(h);
    many.fill(16, 14 * s + 1, 14 * s + 2); // not unusual enough to be flagged unannounced
    const a = new Float64Array(7 * s);
    const b = new Float64Array(7 * s);
    forecastIntervals('holt-winters', one, s, 7, a, flags);
    forecastIntervals('holt-winters', many, s, 7, b, flags);
    expect(Array.from(a)).toEqual(Array.from(b));
    forecastIntervals('holt-winters', many, s, 7, b, new Uint8Array(28).fill(0));
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
  it('refuses too short a history for the method', () => {
    expect(() => forecastIntervals('double-seasonal', h.subarray(0, 10 * s), s, 7, new Float64Array(7 * s))).toThrow(
      'forecastIntervals requires at least 14 days of history for double-seasonal, got 10',
    );
  });
});

describe('forecastIntervals with missing data', () => {
  // four slots a day, four weeks; slot 0 had no rows at all (closed), slots 1–3 open every day
  const s = 4;
  const complete = new Float64Array(28 * s);
  for (let d = 0; d < 28; d++) complete.set([NaN, 10 + (d % 7), 20, 5], d * s);

  it.each(SINGLE_METHODS)('%s: a day lost from the export changes the forecast far less than reading it as zeros would', (method) => {
    const clean = new Float64Array(7 * s);
    forecastIntervals(method, complete, s, 7, clean);
    const lost = Float64Array.from(complete);
    lost.fill(NaN, 21 * s, 22 * s);
    const out = new Float64Array(7 * s);
    const prepared = forecastIntervals(method, lost, s, 7, out);
    expect(prepared.missingDays[21]).toBe(1);
    expect(prepared.missingIntervals).toBe(3);
    expect(out[0]).toBe(0);
    // the lost day's weekday still forecasts its usual volume, not a fraction of it
    expect(out[2]).toBeGreaterThan(0.9 * clean[2]);
    expect(out[2]).toBeLessThan(1.1 * clean[2]);
  });
});
