import { halfIntegerInverseErlangB } from './half-integer-inverse-erlang-b.js';

/**
 * Independent check: 1/B(½, a) = ∫₀^∞ (1 + u/a)^½·e^(−u) du (substituting t = a + u in
 * Γ(3/2, a)), by composite Simpson on u = v²/(1 − v)² (a smooth map of [0, 1) onto [0, ∞)).
 */
function quadrature(trafficErlangs: number): number {
  const steps = 200_000;
  const h = 1 / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const v = i * h;
    let value = 0;
    if (v < 1) {
      const u = (v * v) / ((1 - v) * (1 - v));
      const jacobian = (2 * v) / ((1 - v) * (1 - v) * (1 - v));
      value = Math.sqrt(1 + u / trafficErlangs) * Math.exp(-u) * jacobian;
    }
    sum += (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2) * value;
  }
  return (sum * h) / 3;
}

describe('halfIntegerInverseErlangB (reference oracle)', () => {
  it.each([0.0009765625, 0.5, 1, 4, 20])(
    'agrees with a quadrature of the incomplete-gamma integral at ½ agent, a = %p',
    (trafficErlangs) => {
      const expected = quadrature(trafficErlangs);
      expect(Math.abs(halfIntegerInverseErlangB(0, trafficErlangs) / expected - 1)).toBeLessThan(
        1e-9,
      );
    },
  );

  it('steps by the recurrence 1/B(s) = 1 + (s/a)·1/B(s − 1)', () => {
    const a = 7.25;
    expect(halfIntegerInverseErlangB(1, a)).toBeCloseTo(
      1 + (1.5 / a) * halfIntegerInverseErlangB(0, a),
      13,
    );
  });

  it('refuses loads it cannot take exactly', () => {
    expect(() => halfIntegerInverseErlangB(0, 0.1)).toThrow(RangeError);
    expect(() => halfIntegerInverseErlangB(0, 300)).toThrow(RangeError);
  });
});
