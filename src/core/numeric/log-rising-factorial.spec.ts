import { mulberry32 } from './mulberry32.js';
import { logRisingFactorial } from './log-rising-factorial.js';

/** Oracle: the plain sum of logarithms (exact up to rounding, slow for large counts). */
function directSum(z: number, count: number): number {
  let sum = 0;
  for (let j = 0; j < count; j++) sum += Math.log(z + j);
  return sum;
}

describe('logRisingFactorial', () => {
  it('gives ln 5! = ln 120 (exact identity 1·2·3·4·5 = 120)', () => {
    expect(logRisingFactorial(1, 5)).toBeCloseTo(Math.log(120), 14);
  });

  it('is 0 for no factors', () => {
    expect(logRisingFactorial(3.5, 0)).toBe(0);
  });

  it('matches the direct sum on both sides of the asymptotic switch (random z, counts)', () => {
    const random = mulberry32(11);
    for (let i = 0; i < 200; i++) {
      const z = 1 + 5000 * random() ** 3;
      const count = Math.floor(20000 * random() ** 2);
      const expected = directSum(z, count);
      expect(Math.abs(logRisingFactorial(z, count) - expected)).toBeLessThan(
        1e-12 * Math.max(1, Math.abs(expected)),
      );
    }
  });
});
