import { mulberry32 } from '../numeric/mulberry32.js';
import { doubleSeasonal } from './double-seasonal.js';
import { doubleSeasonalLog } from './double-seasonal-log.js';

describe('doubleSeasonalLog', () => {
  const s = 6;
  const dayShape = [0.5, 1.5, 2, 1.2, 0.6, 0.2];
  const weekShape = [1.2, 1.1, 1, 1, 0.9, 0.5, 0.3];

  it('reproduces a purely multiplicative pattern: exactly additive on the log scale, so zero error', () => {
    // 1 + y = 40 · day · week: ln(1 + y) = ln 40 + ln day + ln week, which the additive filter fits exactly
    const y = Float64Array.from({ length: 28 * s }, (_, t) => 40 * dayShape[t % s] * weekShape[Math.floor(t / s) % 7] - 1);
    const out = new Float64Array(7 * s);
    const fit = doubleSeasonalLog(y, s, 7, out);
    expect(fit.mse).toBeCloseTo(0, 12);
    for (let h = 0; h < out.length; h++) expect(out[h]).toBeCloseTo(y[h], 9);
  });
  it('back-transforms with the lognormal bias adjustment: 1 + F = exp(ẑ + σ²/2), and never negative', () => {
    const random = mulberry32(11);
    const y = Float64Array.from({ length: 42 * s }, (_, t) => Math.round(30 * dayShape[t % s] * weekShape[Math.floor(t / s) % 7] * (0.7 + 0.6 * random())));
    const out = new Float64Array(7 * s);
    const fit = doubleSeasonalLog(y, s, 7, out);
    expect(fit.mse).toBeGreaterThan(0);
    // independent recomputation of ẑ from the returned parameters
    const z = y.map((v) => Math.log1p(v));
    const zHat = new Float64Array(7 * s);
    doubleSeasonal(z, s, fit, zHat);
    for (let h = 0; h < out.length; h++) {
      const expected = Math.exp(zHat[h] + fit.mse / 2) - 1;
      expect(out[h]).toBeCloseTo(Math.max(0, expected), 9);
      expect(out[h]).toBeGreaterThanOrEqual(0);
    }
  });
  it('needs two weeks', () => {
    expect(() => doubleSeasonalLog(new Float64Array(13 * s), s, 7, new Float64Array(7 * s))).toThrow('doubleSeasonalLog requires at least 14 days of history, got 13');
  });
});
