import { accuracyMeasures } from './accuracy-measures.js';

describe('accuracyMeasures', () => {
  it('computes WAPE, MAPE over actual > 0, bias and the ±5% share by hand', () => {
    const f = Float64Array.of(110, 90, 5, 104, 0);
    const a = Float64Array.of(100, 100, 0, 100, 10);
    const m = accuracyMeasures(f, a);
    // |F−A| = 10, 10, 5, 4, 10 → 39 over ΣA = 310
    expect(m.wape).toBeCloseTo(39 / 310, 15);
    expect(m.mape).toBeCloseTo((0.1 + 0.1 + 0.04 + 1) / 4, 15);
    expect(m.bias).toBeCloseTo((309 - 310) / 310, 15);
    expect(m.withinFivePercent).toBe(0.25);
    expect(m).toMatchObject({ sumForecast: 309, sumActual: 310, points: 5 });
  });
  it('answers NaN where there is no actual volume', () => {
    const m = accuracyMeasures(Float64Array.of(1), Float64Array.of(0));
    expect(m.wape).toBeNaN();
    expect(m.mape).toBeNaN();
    expect(m.bias).toBeNaN();
  });
  it('keeps long sums exact (compensated)', () => {
    const n = 1_000_001;
    const a = new Float64Array(n).fill(0.1);
    a[0] = 1e16;
    const f = Float64Array.from(a);
    f[0] = 1e16 + 2;
    expect(accuracyMeasures(f, a).sumActual).toBe(1e16 + 100000);
    expect(() => accuracyMeasures(new Float64Array(1), new Float64Array(2))).toThrow('accuracyMeasures requires columns of equal length, got 1 and 2');
  });
});
