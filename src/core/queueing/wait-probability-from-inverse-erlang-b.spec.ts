import { waitProbabilityFromInverseErlangB } from './wait-probability-from-inverse-erlang-b.js';

describe('waitProbabilityFromInverseErlangB', () => {
  it('applies C = n·B / (n − a·(1 − B)): n = 2, a = 1, B = 1/5 gives 1/3', () => {
    expect(waitProbabilityFromInverseErlangB(2, 1, 5)).toBeCloseTo(1 / 3, 15);
  });

  it('is 1 when overloaded', () => {
    expect(waitProbabilityFromInverseErlangB(1, 1, 2)).toBe(1);
  });
});
