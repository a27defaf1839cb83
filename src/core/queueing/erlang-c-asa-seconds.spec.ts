import { erlangCAsaSeconds } from './erlang-c-asa-seconds.js';

describe('erlangCAsaSeconds', () => {
  it('gives 7.835937 s for 14 agents, 10 Erlangs, AHT 180 s (pyworkforce / R ErlangC)', () => {
    expect(erlangCAsaSeconds(14, 10, 180)).toBeCloseTo(7.835937, 6);
  });

  it('is NaN (not applicable), never negative or infinite, when overloaded', () => {
    expect(erlangCAsaSeconds(10, 10, 180)).toBeNaN();
    expect(erlangCAsaSeconds(2, 10, 180)).toBeNaN();
  });

  it('is 0 with no traffic', () => {
    expect(erlangCAsaSeconds(3, 0, 180)).toBe(0);
  });
});
