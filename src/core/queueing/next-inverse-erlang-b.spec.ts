import { nextInverseErlangB } from './next-inverse-erlang-b.js';

describe('nextInverseErlangB', () => {
  it('applies 1/B(n) = 1 + (n/a)·1/B(n − 1): 1/B(1, 10) = 1.1, 1/B(2, 10) = 1.22', () => {
    expect(nextInverseErlangB(1, 1, 10)).toBeCloseTo(1.1, 15);
    expect(nextInverseErlangB(1.1, 2, 10)).toBeCloseTo(1.22, 15);
  });
});
