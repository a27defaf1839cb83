import { quantileSorted } from './quantile-sorted.js';

describe('quantileSorted', () => {
  it('interpolates between order statistics (Hyndman & Fan definition 7)', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    // R: quantile(1:10, c(0.1, 0.5, 0.9), type = 7) = 1.9 5.5 9.1 (h = 9p: 0.9, 4.5, 8.1).
    expect(quantileSorted(x, 10, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantileSorted(x, 10, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantileSorted(x, 10, 0.9)).toBeCloseTo(9.1, 12);
  });

  it('gives the extremes at 0 and 1, the only value for one value, NaN for none', () => {
    const x = Float64Array.of(-3, 0.5, 8);
    expect(quantileSorted(x, 3, 0)).toBe(-3);
    expect(quantileSorted(x, 3, 1)).toBe(8);
    expect(quantileSorted(Float64Array.of(0.25), 1, 0.9)).toBe(0.25);
    expect(quantileSorted(new Float64Array(0), 0, 0.5)).toBeNaN();
  });

  it('reads only the first count values', () => {
    // h = (2 − 1)·0.5 = 0.5: halfway between 1 and 3, whatever follows.
    expect(quantileSorted(Float64Array.of(1, 3, 100), 2, 0.5)).toBe(2);
  });
});
