import { predictionBands } from './prediction-bands.js';

describe('predictionBands', () => {
  it('without back-test errors gives the Poisson band of each forecast, and 0 for closed intervals', () => {
    const p10 = new Float64Array(2);
    const p90 = new Float64Array(2);
    predictionBands(Float64Array.of(100, 0), 2, new Float64Array(0), new Float64Array(0), p10, p90);
    const z = 1.2815515655446004;
    expect(p10[0]).toBeCloseTo(100 - z * 10, 12);
    expect(p90[0]).toBeCloseTo(100 + z * 10, 12);
    expect([p10[1], p90[1]]).toEqual([0, 0]);
  });
  it('widens the band by the rate errors of the back-test beyond their Poisson part, and skips missing actuals', () => {
    // one slot a day; back-test forecasts of 10,000 (Poisson part 1e-4) with actuals ±20%
    const f = new Float64Array(56).fill(10_000);
    const a = Float64Array.from({ length: 56 }, (_, t) => (t % 2 ? 12_000 : 8_000));
    a[5] = NaN;
    const p10 = new Float64Array(7);
    const p90 = new Float64Array(7);
    expect(predictionBands(new Float64Array(7).fill(100), 1, f, a, p10, p90)).toBe(55);
    // rate errors about ±0.2 (Poisson share 1e-4 / 0.04 removed), plus Poisson(100) noise
    expect(p90[0] - 100).toBeGreaterThan(Math.sqrt(20 ** 2 + 1.28 ** 2 * 100) * 0.97);
    expect(p90[0] - 100).toBeLessThan(Math.sqrt(21 ** 2 + 1.29 ** 2 * 100));
    expect(p10[0]).toBeLessThan(100 - 20);
  });
});
