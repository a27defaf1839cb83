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
  it('scores multi-step errors at leads of whole days from the level and day seasonal of then (hand computation)', () => {
    // one slot a day (s₂ = 7), 20 ones then a 3; α = 1, δ = ω = 0: the level after t is y_t and the
    // seasonals stay 0, so the error at lead j days is y_t − y_{t−j}, counted for origins t − j ≥ 7.
    // Non-zero only at t = 20: 3 − 1 = 2 from origins 19 and 18 → sse 2² + 2² = 8; pairs counted:
    // j = 1 for t = 8 … 20 (13) and j = 2 for t = 9 … 20 (12) → mse 8 / 25.
    const z = Float64Array.from({ length: 21 }, (_, t) => (t < 20 ? 1 : 3));
    const fit = doubleSeasonal(z, 1, { alpha: 1, delta: 0, omega: 0 }, new Float64Array(0), 2);
    expect(fit.sse).toBeCloseTo(8, 12);
    expect(fit.mse).toBeCloseTo(8 / 25, 12);
  });
  it('does not clamp: on a transformed scale a negative forecast is valid, callers clamp volumes', () => {
    const z = Float64Array.from({ length: 14 * s }, (_, t) => (t % s === 0 ? 0 : 40));
    z.fill(0, 13 * s); // the last day collapses
    const out = new Float64Array(s);
    doubleSeasonal(z, s, { alpha: 0.9, delta: 0, omega: 0 }, out);
    expect(Math.min(...out)).toBeLessThan(0);
  });
});
