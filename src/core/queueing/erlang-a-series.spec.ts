import { erlangASeries } from './erlang-a-series.js';

/** Oracle: the plain series from k = 0 with no skipping and a fixed generous length. */
function direct(x: number, y: number): { f: number; d: number; m: number; j: number } {
  let term = 1 / (x + 1);
  let harmonic = 0;
  let f = 0;
  let d = 0;
  let m = 0;
  for (let k = 0; k < 200_000; k++) {
    harmonic += 1 / (x + 1 + k);
    f += term;
    d += (k + 1) * term;
    m += term * harmonic;
    term *= y / (x + 2 + k);
    if (term === 0) break;
  }
  return { f, d, m, j: 1 + y * f };
}

describe('erlangASeries', () => {
  const out = new Float64Array(5);

  it.each([
    [23.333333333333332, 16.666666666666668],
    [0.5, 3],
    [500, 520],
    [1e5, 9.9e4],
  ])('matches the plain series at x = %p, y = %p', (x, y) => {
    erlangASeries(x, y, out, 0);
    const expected = direct(x, y);
    expect(out[4]).toBe(0);
    expect(out[0] / expected.f - 1).toBeCloseTo(0, 13);
    expect(out[1] / expected.d - 1).toBeCloseTo(0, 13);
    expect(out[2] / expected.m - 1).toBeCloseTo(0, 12);
    expect(out[3] / expected.j - 1).toBeCloseTo(0, 13);
  });

  it('skips the negligible head far below the peak with the same ratios and log scale', () => {
    // y − x − 1 − 12·√y − 20 = 2.6 > 0: the skip starts two terms in, terms peak near e^72.
    const x = 5;
    const y = 400;
    erlangASeries(x, y, out, 0);
    expect(out[4]).not.toBe(0);
    const expected = direct(x, y);
    expect(out[1] / out[0] / (expected.d / expected.f) - 1).toBeCloseTo(0, 12);
    expect(out[2] / out[0] / (expected.m / expected.f) - 1).toBeCloseTo(0, 12);
    expect(out[4] + Math.log(out[3]) - Math.log(expected.j)).toBeCloseTo(0, 10);
  });
});
