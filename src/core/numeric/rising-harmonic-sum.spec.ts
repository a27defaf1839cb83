import { mulberry32 } from './mulberry32.js';
import { risingHarmonicSum } from './rising-harmonic-sum.js';

/** Oracle: the plain sum of reciprocals (Kahan-compensated). */
function directSum(z: number, count: number): number {
  let sum = 0;
  let compensation = 0;
  for (let j = 0; j < count; j++) {
    const y = 1 / (z + j) - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
  }
  return sum;
}

describe('risingHarmonicSum', () => {
  it('gives the harmonic number H₄ = 25/12 (exact)', () => {
    expect(risingHarmonicSum(1, 4)).toBeCloseTo(25 / 12, 15);
  });

  it('matches the compensated direct sum on both sides of the asymptotic switch', () => {
    const random = mulberry32(12);
    for (let i = 0; i < 200; i++) {
      const z = 0.5 + 5000 * random() ** 3;
      const count = Math.floor(20000 * random() ** 2);
      const expected = directSum(z, count);
      expect(Math.abs(risingHarmonicSum(z, count) - expected)).toBeLessThanOrEqual(
        1e-13 * Math.max(1e-3, expected),
      );
    }
  });
});
