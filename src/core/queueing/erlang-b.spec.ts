import { erlangB } from './erlang-b.js';
import { scanHighPrecisionErlang } from './reference/scan-high-precision-erlang.js';

describe('erlangB', () => {
  it('gives B(17, 10) = 0.0129489 (Erlang B tables: 17 lines carry 10 Erlangs at about 1.3 % loss; value from the 200-bit reference)', () => {
    let expected = NaN;
    scanHighPrecisionErlang(10, 17, (exact) => {
      expected = exact.blocking;
      return false;
    });
    expect(Math.abs(erlangB(17, 10) / expected - 1)).toBeLessThan(1e-14);
    expect(erlangB(17, 10)).toBeCloseTo(0.0129489, 7);
    expect(erlangB(16, 10)).toBeGreaterThan(0.02);
  });

  it('handles no lines and no traffic', () => {
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangB(3, 0)).toBe(0);
    expect(erlangB(0, 0)).toBe(1);
  });

  it('validates its parameters', () => {
    expect(() => erlangB(-1, 10)).toThrow(
      new RangeError('erlangB requires agents to be a finite number >= 0'),
    );
    expect(() => erlangB(1, NaN)).toThrow(
      new RangeError('erlangB requires trafficErlangs to be a finite number >= 0'),
    );
  });
});
