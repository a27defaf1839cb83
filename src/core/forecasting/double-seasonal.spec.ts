import { doubleSeasonal } from './double-seasonal.js';

describe('doubleSeasonal', () => {
  const s = 4;
  const dayShape = [-10, 5, 15, -10];
  const weekShape = [0, 2, 4, 6, 8, -10, -10];
  const y = Float64Array.from({ length: 21 * s }, (_, t) => 50 + dayShape[t % s] + weekShape[Math.floor(t / s) % 7]);

  it('reproduces a pure double-seasonal pattern with zero error', () => {
    const out = new Float64Array(7 * s);
    const fit = doubleSeasonal(y, s, { alpha: 0.1, delta: 0.2, omega: 0.3 }, out);
    expect(fit.sse).toBeCloseTo(0, 18);
    for (let h = 0; h < out.length; h++) expect(out[h]).toBeCloseTo(y[h], 9);
  });
  it('follows the error-correction equations by hand, with the AR(1) term decaying as φ^k', () => {
    // one slot a day, one week of 7 ones then a 2: only the last error is non-zero
    const z = new Float64Array(15).fill(1);
    z[14] = 2;
    const out = new Float64Array(2);
    const fit = doubleSeasonal(z, 1, { alpha: 0.5, delta: 0, omega: 0 }, out);
    // ε = 1 at t = 14, ε_{13} = 0: φ = 0 and the sse is 1; level 1 + 0.5
    expect(fit.phi).toBe(0);
    expect(fit.sse).toBe(1);
    expect(out[0]).toBeCloseTo(1.5, 12);
  });
  it('scores errors at a lead from the level of then', () => {
    const z = Float64Array.from({ length: 42 }, (_, t) => (t < 40 ? 1 : 3));
    // α = 1, seasonals frozen at 0 (flat start): lead-2 errors are y_t − y_{t−2}, non-zero (2 each) at t = 40, 41, after two weeks of start-up
    expect(doubleSeasonal(z, 2, { alpha: 1, delta: 0, omega: 0 }, new Float64Array(0), 2).sse).toBeCloseTo(8, 12);
  });
  it('never forecasts a negative volume', () => {
    const z = Float64Array.from({ length: 14 * s }, (_, t) => (t % s === 0 ? 0 : 40));
    z.fill(0, 13 * s); // the last day collapses
    const out = new Float64Array(s);
    doubleSeasonal(z, s, { alpha: 0.9, delta: 0, omega: 0 }, out);
    expect(Math.min(...out)).toBe(0);
  });
});
