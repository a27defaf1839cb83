import { poissonNoiseFloor } from './poisson-noise-floor.js';

/** E|N − λ| by direct summation of the Poisson probabilities (an independent oracle). */
function directDeviation(lambda: number): number {
  let p = Math.exp(-lambda);
  let sum = 0;
  for (let n = 0; n < lambda * 10 + 50; n++) {
    sum += p * Math.abs(n - lambda);
    p *= lambda / (n + 1);
  }
  return sum;
}

describe('poissonNoiseFloor', () => {
  it('equals 2/e at λ = 1', () => {
    expect(poissonNoiseFloor(Float64Array.of(1))).toBeCloseTo(2 / Math.E, 14);
  });
  it('matches direct summation for small and large rates', () => {
    const lambda = Float64Array.of(0.3, 7.25, 42.5, 300);
    const expected = Array.from(lambda).reduce((s, l) => s + directDeviation(l), 0) / lambda.reduce((s, l) => s + l, 0);
    expect(poissonNoiseFloor(lambda)).toBeCloseTo(expected, 10);
  });
  it('ignores zero rates (closed hours) and answers NaN for none', () => {
    expect(poissonNoiseFloor(Float64Array.of(0, 1))).toBeCloseTo(2 / Math.E, 14);
    expect(poissonNoiseFloor(Float64Array.of(0))).toBeNaN();
  });
});
