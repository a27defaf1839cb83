import { doubleSeasonal } from './double-seasonal.js';
import { fitDoubleSeasonal } from './fit-double-seasonal.js';
import { mulberry32 } from '../numeric/mulberry32.js';

describe('fitDoubleSeasonal', () => {
  const s = 8;
  const random = mulberry32(7);
  const y = Float64Array.from({ length: 28 * s }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * (t % s)) / s) + 20 * ((Math.floor(t / s) % 7) - 3) + 10 * (random() - 0.5));

  it('beats every point of a check grid at its own lead', () => {
    for (const lead of [0, 1, 7]) {
      const fit = fitDoubleSeasonal(y, s, lead);
      expect(fit.sse).toBeCloseTo(doubleSeasonal(y, s, fit, new Float64Array(0), lead).sse, 9);
      for (const alpha of [0.02, 0.2]) for (const delta of [0.1, 0.4]) for (const omega of [0.1, 0.4]) {
        expect(doubleSeasonal(y, s, { alpha, delta, omega }, new Float64Array(0), lead).sse).toBeGreaterThanOrEqual(fit.sse);
      }
    }
  });
  it('forecasts the next day within the noise', () => {
    const fit = fitDoubleSeasonal(y.subarray(0, 21 * s), s, 1);
    const out = new Float64Array(7 * s);
    doubleSeasonal(y.subarray(0, 21 * s), s, fit, out);
    for (let h = 0; h < out.length; h++) expect(Math.abs(out[h] - y[21 * s + h])).toBeLessThan(12);
  });
  it('rejects short series and bad leads', () => {
    expect(() => fitDoubleSeasonal(new Float64Array(13 * s), s)).toThrow('fitDoubleSeasonal requires at least 14 days of intervals, got 104 values');
    expect(() => fitDoubleSeasonal(y, s, 8)).toThrow('fitDoubleSeasonal requires leadDays to be an integer from 0 to 7, got 8');
  });
});
