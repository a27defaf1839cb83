import { fitHoltWinters } from './fit-holt-winters.js';
import { holtWinters } from './holt-winters.js';

describe('fitHoltWinters', () => {
  const pattern = [1.3, 1.2, 1.1, 1, 0.9, 0.3, 1.2];
  const y = Float64Array.from({ length: 84 }, (_, t) => (1000 + 4 * t) * pattern[t % 7] + 30 * Math.sin(t * 1.7));

  it('finds parameters no worse than any point of a fine check grid', () => {
    const fit = fitHoltWinters(y, 7, 'multiplicative');
    for (const key of ['alpha', 'beta', 'gamma'] as const) expect(fit[key]).toBeGreaterThanOrEqual(0);
    expect(fit.sse).toBe(holtWinters(y, 7, 'multiplicative', fit, new Float64Array(0)));
    let worse = 0;
    for (const alpha of [0.05, 0.3, 0.6]) for (const gamma of [0.05, 0.3, 0.6]) {
      if (holtWinters(y, 7, 'multiplicative', { alpha, beta: 0.1, gamma }, new Float64Array(0)) >= fit.sse) worse++;
    }
    expect(worse).toBe(9);
  });
  it('forecasts a trending seasonal series within 4% of the level at a one-week lead', () => {
    const fit = fitHoltWinters(y, 7, 'multiplicative', 7);
    const out = new Float64Array(7);
    holtWinters(y, 7, 'multiplicative', fit, out);
    for (let h = 0; h < 7; h++) {
      const truth = (1000 + 4 * (84 + h)) * pattern[h];
      // the noise term is ±30 on a level of about 1,350
      expect(Math.abs(out[h] - truth)).toBeLessThan(0.04 * 1350);
    }
  });
  it('rejects short series and bad leads', () => {
    expect(() => fitHoltWinters(new Float64Array(13), 7, 'additive')).toThrow('fitHoltWinters requires at least two cycles, got 13 values for period 7');
    expect(() => fitHoltWinters(y, 7, 'additive', 8)).toThrow('fitHoltWinters requires lead to be an integer from 1 to period, got 8');
  });
});
