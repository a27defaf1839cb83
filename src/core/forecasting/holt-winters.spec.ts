import { holtWinters } from './holt-winters.js';

describe('holtWinters', () => {
  it('reproduces a pure additive seasonal pattern with zero error', () => {
    const y = Float64Array.from({ length: 21 }, (_, t) => 100 + [5, -3, 0, 2, -4, 1, -1][t % 7]);
    const out = new Float64Array(8);
    expect(holtWinters(y, 7, 'additive', { alpha: 0.3, beta: 0.1, gamma: 0.2 }, out)).toBeCloseTo(0, 20);
    for (let h = 0; h < 8; h++) expect(out[h]).toBeCloseTo(y[(21 + h) % 7], 10);
  });
  it('reproduces a pure multiplicative pattern with zero error', () => {
    const ratios = [1.2, 0.8, 1, 1.1, 0.9, 1.05, 0.95];
    const y = Float64Array.from({ length: 14 }, (_, t) => 200 * ratios[t % 7]);
    const out = new Float64Array(7);
    expect(holtWinters(y, 7, 'multiplicative', { alpha: 0.5, beta: 0.2, gamma: 0.5 }, out)).toBeCloseTo(0, 18);
    for (let h = 0; h < 7; h++) expect(out[h]).toBeCloseTo(200 * ratios[h], 9);
  });
  it('follows one step of the error-correction equations by hand', () => {
    // period 1, y = [10, 14]: ℓ0 = 10, s = 0, b = 0; t=0 e=0; t=1 e=4: ℓ = 10 + 0.5·4 = 12, b = 0.5·0.5·4 = 1, s = 0 + 0.1·0.5·4 = 0.2
    const out = new Float64Array(2);
    expect(holtWinters(Float64Array.of(10, 14), 1, 'additive', { alpha: 0.5, beta: 0.5, gamma: 0.1 }, out)).toBe(16);
    expect(out[0]).toBeCloseTo(12 + 1 + 0.2, 12);
    expect(out[1]).toBeCloseTo(12 + 2 + 0.2, 12);
  });
  it('scores errors at a lead: the forecast from the level `lead` steps before', () => {
    // period 1, α = 1, β = 0, γ = 0: level = last value; lead 2 error at t is y_t − y_{t−2}
    const y = Float64Array.of(1, 2, 4, 7);
    expect(holtWinters(y, 1, 'additive', { alpha: 1, beta: 0, gamma: 0 }, new Float64Array(0), 2)).toBe(3 ** 2 + 5 ** 2);
  });
  it('answers Infinity for a multiplicative fit of a zero level and clamps forecasts at 0', () => {
    expect(holtWinters(new Float64Array(14), 7, 'multiplicative', { alpha: 0.1, beta: 0, gamma: 0.1 }, new Float64Array(1))).toBe(Infinity);
    const out = new Float64Array(3);
    holtWinters(Float64Array.of(10, 8, 6, 4, 2, 0), 1, 'additive', { alpha: 1, beta: 1, gamma: 0 }, out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});
