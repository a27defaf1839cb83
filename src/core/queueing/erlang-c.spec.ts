import { mulberry32 } from '../numeric/mulberry32.js';
import { erlangC } from './erlang-c.js';
import { scanHighPrecisionErlang } from './reference/scan-high-precision-erlang.js';

describe('erlangC', () => {
  it('gives 0.1741319 for 14 agents at 10 Erlangs (pyworkforce and the R package ErlangC: 100 calls / 30 min, AHT 180 s)', () => {
    expect(erlangC(14, 10)).toBeCloseTo(0.1741319, 7);
  });

  it('matches the 200-bit reference to 1e-12 relative over random loads', () => {
    const random = mulberry32(99);
    for (let i = 0; i < 40; i++) {
      const a = 0.001 * Math.exp(random() * Math.log(2e6));
      const to = Math.floor(a + 5 * Math.sqrt(a)) + 3;
      scanHighPrecisionErlang(a, to, (exact) => {
        if (exact.agents > a) {
          expect(Math.abs(erlangC(exact.agents, a) / exact.wait - 1)).toBeLessThan(1e-12);
        }
        return false;
      });
    }
  });

  it('returns the explicit overloaded result 1 when agents ≤ traffic', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(3, 50_000)).toBe(1);
    expect(erlangC(0, 0.001)).toBe(1);
  });

  it('is finite and tiny far above the load, and 0 with no traffic', () => {
    expect(erlangC(60, 0.001)).toBeGreaterThanOrEqual(0);
    expect(erlangC(60, 0.001)).toBeLessThan(1e-100);
    expect(erlangC(5, 0)).toBe(0);
  });

  it('validates its parameters', () => {
    expect(() => erlangC(-2, 1)).toThrow(
      new RangeError('erlangC requires agents to be a finite number >= 0'),
    );
    expect(() => erlangC(2, -1)).toThrow(RangeError);
  });
});
