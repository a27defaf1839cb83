import { mulberry32 } from '../numeric/mulberry32.js';
import { estimatePatience } from './estimate-patience.js';

describe('estimatePatience', () => {
  it('divides summed abandonments by summed wait (hand computation)', () => {
    // Σ abandoned = 4 + 1 = 5, Σ wait = 900 + 300 = 1200 s: θ = 5/1200 per second, mean patience 240 s.
    const e = estimatePatience(Float64Array.of(4, 1), Float64Array.of(900, 300));
    expect(e.abandoned).toBe(5);
    expect(e.waitSeconds).toBe(1200);
    expect(e.abandonmentRatePerSecond).toBeCloseTo(5 / 1200, 15);
    expect(e.patienceSeconds).toBeCloseTo(240, 12);
  });

  it('recovers the rate of simulated exponential patience with censoring by service (maximum likelihood)', () => {
    // Independent simulation: patience τ ~ Exp(mean 120 s), wait offered V ~ Exp(mean 60 s); a contact abandons when τ < V
    // and then waits τ, else it waits V. The censored-exponential MLE is Σ abandoned ÷ Σ time waited; with 200,000 contacts
    // its relative standard error is 1/√(abandonments) ≈ 0.4 %, so 2 % is a five-sigma band.
    const random = mulberry32(2005);
    const intervals = 200;
    const abandoned = new Float64Array(intervals);
    const wait = new Float64Array(intervals);
    for (let i = 0; i < intervals; i++) {
      for (let c = 0; c < 1000; c++) {
        const patience = -120 * Math.log(1 - random());
        const offered = -60 * Math.log(1 - random());
        if (patience < offered) {
          abandoned[i]++;
          wait[i] += patience;
        } else wait[i] += offered;
      }
    }
    const e = estimatePatience(abandoned, wait);
    expect(Math.abs(e.patienceSeconds / 120 - 1)).toBeLessThan(0.02);
  });

  it('reports no abandonment as rate 0 and patience NaN (unbounded), abandonment without wait as NaN', () => {
    expect(estimatePatience(Float64Array.of(0, 0), Float64Array.of(50, 10))).toEqual({ abandoned: 0, waitSeconds: 60, abandonmentRatePerSecond: 0, patienceSeconds: NaN });
    const e = estimatePatience(Float64Array.of(2), Float64Array.of(0));
    expect(e.abandonmentRatePerSecond).toBeNaN();
    expect(e.patienceSeconds).toBeNaN();
    expect(estimatePatience(new Float64Array(0), new Float64Array(0)).abandoned).toBe(0);
  });

  it('refuses mismatched columns and negative or non-finite values', () => {
    expect(() => estimatePatience(Float64Array.of(1), Float64Array.of(1, 2))).toThrow('estimatePatience requires abandoned and waitSeconds of the same length');
    expect(() => estimatePatience(Float64Array.of(-1), Float64Array.of(1))).toThrow('estimatePatience requires abandoned to be a finite number >= 0 at index 0');
    expect(() => estimatePatience(Float64Array.of(1), Float64Array.of(Infinity))).toThrow(RangeError);
  });
});
