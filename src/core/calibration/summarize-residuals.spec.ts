import { mulberry32 } from '../numeric/mulberry32.js';
import { summarizeResiduals } from './summarize-residuals.js';

/** Independent oracle: plain arrays, textbook formulas, an explicit type-7 percentile. */
function naive(values: number[]) {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  };
  return { count: n, mean, standardDeviation: sd, p10: q(0.1), p50: q(0.5), p90: q(0.9), meanAbsolute: values.reduce((s, x) => s + Math.abs(x), 0) / n };
}

describe('summarizeResiduals', () => {
  it('matches a hand computation', () => {
    // Sorted: −0.2, 0, 0.1, 0.3. Mean 0.2/4 = 0.05; squared deviations 0.0025 + 0.0625 + 0.0625 + 0.0025 = 0.13,
    // sd = √(0.13/3); p10: h = 0.3 → −0.2 + 0.3·0.2 = −0.14; p50: h = 1.5 → 0.05; p90: h = 2.7 → 0.1 + 0.7·0.2 = 0.24;
    // mean |x| = 0.6/4 = 0.15.
    const s = summarizeResiduals(Float64Array.of(0.1, -0.2, 0.3, 0));
    expect(s.count).toBe(4);
    expect(s.mean).toBeCloseTo(0.05, 15);
    expect(s.standardDeviation).toBeCloseTo(Math.sqrt(0.13 / 3), 15);
    expect(s.p10).toBeCloseTo(-0.14, 15);
    expect(s.p50).toBeCloseTo(0.05, 15);
    expect(s.p90).toBeCloseTo(0.24, 15);
    expect(s.meanAbsolute).toBeCloseTo(0.15, 15);
  });

  it('agrees with an independent plain-array computation on random residuals', () => {
    const random = mulberry32(8);
    for (const n of [2, 3, 10, 97, 1000]) {
      const values = Array.from({ length: n }, () => (random() - 0.45) * 0.6);
      const got = summarizeResiduals(Float64Array.from(values));
      const want = naive(values);
      for (const k of Object.keys(want) as Array<keyof typeof want>) expect(got[k]).toBeCloseTo(want[k], 12);
    }
  });

  it('reads a strided slice without touching the input, into a given scratch', () => {
    const matrix = Float64Array.of(9, 0.4, 9, -0.1, 9, 0.2);
    const scratch = new Float64Array(3);
    const s = summarizeResiduals(matrix, 3, 1, 2, scratch);
    expect(s).toMatchObject({ count: 3, p50: 0.2 });
    expect(s.mean).toBeCloseTo(0.5 / 3, 15);
    expect(Array.from(matrix)).toEqual([9, 0.4, 9, -0.1, 9, 0.2]);
  });

  it('keeps a tiny spread around a large mean (compensated, two-pass)', () => {
    // 1e8 + {0.1, 0.2, 0.3}: sd exactly 0.1 up to the representation of the inputs; a one-pass Σx² formula loses it.
    const s = summarizeResiduals(Float64Array.of(1e8 + 0.1, 1e8 + 0.2, 1e8 + 0.3));
    expect(s.standardDeviation).toBeCloseTo(0.1, 7);
  });

  it('gives NaN statistics for no residuals and NaN spread for one', () => {
    expect(summarizeResiduals(new Float64Array(0))).toEqual({ count: 0, mean: NaN, standardDeviation: NaN, p10: NaN, p50: NaN, p90: NaN, meanAbsolute: NaN });
    const one = summarizeResiduals(Float64Array.of(-0.25));
    expect(one).toMatchObject({ count: 1, mean: -0.25, p10: -0.25, p90: -0.25, meanAbsolute: 0.25 });
    expect(one.standardDeviation).toBeNaN();
  });

  it('refuses non-finite values and slices that do not fit', () => {
    expect(() => summarizeResiduals(Float64Array.of(0.1, NaN))).toThrow('summarizeResiduals requires residuals to be finite numbers at index 1');
    expect(() => summarizeResiduals(Float64Array.of(0.1), 2)).toThrow(RangeError);
    expect(() => summarizeResiduals(Float64Array.of(0.1, 0.2), 2, 0, 1, new Float64Array(1))).toThrow(RangeError);
  });
});
