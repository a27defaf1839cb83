import { inverseErlangBFraction } from './inverse-erlang-b-fraction.js';
import { halfIntegerInverseErlangB } from './reference/half-integer-inverse-erlang-b.js';

describe('inverseErlangBFraction', () => {
  it('is exactly 1 at fraction 0 (B(0, a) = 1)', () => {
    expect(inverseErlangBFraction(0, 3)).toBe(1);
  });

  it.each([0.0009765625, 0.25, 1, 2, 4.9990234375, 5.0009765625, 12, 40, 71.5])(
    'matches the erfc reference at ½ agent on both sides of the series / continued-fraction switch, a = %p',
    (a) => {
      expect(
        Math.abs(inverseErlangBFraction(0.5, a) / halfIntegerInverseErlangB(0, a) - 1),
      ).toBeLessThan(1e-13);
    },
  );

  it('increases with the fraction and stays between 1/B(0) = 1 and 1/B(1) = 1 + 1/a', () => {
    for (const a of [0.5, 3, 10, 50]) {
      let previous = 1;
      for (let f = 0.05; f < 1; f += 0.05) {
        const value = inverseErlangBFraction(f, a);
        expect(value).toBeGreaterThan(previous);
        expect(value).toBeLessThan(1 + 1 / a);
        previous = value;
      }
    }
  });
});
