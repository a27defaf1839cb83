import { erlangCServiceLevel } from './erlang-c-service-level.js';

describe('erlangCServiceLevel', () => {
  it('gives 0.8883500 for 14 agents, 10 Erlangs, AHT 180 s, t = 20 s (pyworkforce / R ErlangC)', () => {
    expect(erlangCServiceLevel(14, 10, 180, 20)).toBeCloseTo(0.88835, 7);
  });

  it('is 1 − C at t = 0 and rises with t', () => {
    expect(erlangCServiceLevel(14, 10, 180, 0)).toBeCloseTo(1 - 0.1741319, 7);
    expect(erlangCServiceLevel(14, 10, 180, 60)).toBeGreaterThan(
      erlangCServiceLevel(14, 10, 180, 20),
    );
  });

  it('is exactly 0 when overloaded', () => {
    expect(erlangCServiceLevel(10, 10, 180, 20)).toBe(0);
    expect(erlangCServiceLevel(9, 10, 180, 20)).toBe(0);
  });

  it('validates its parameters', () => {
    expect(() => erlangCServiceLevel(14, 10, 0, 20)).toThrow(
      new RangeError('erlangCServiceLevel requires ahtSeconds to be a finite number > 0'),
    );
    expect(() => erlangCServiceLevel(14, 10, 180, -1)).toThrow(RangeError);
  });
});
