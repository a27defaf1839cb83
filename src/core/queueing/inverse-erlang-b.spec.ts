import { mulberry32 } from '../numeric/mulberry32.js';
import { inverseErlangB } from './inverse-erlang-b.js';
import { halfIntegerInverseErlangB } from './reference/half-integer-inverse-erlang-b.js';
import { scanHighPrecisionErlang } from './reference/scan-high-precision-erlang.js';

/** The classic recurrence from zero in doubles (the textbook form the brief compares with). */
function recurrenceFromZero(agents: number, trafficErlangs: number): number {
  let inverse = 1;
  for (let k = 1; k <= agents; k++) inverse = 1 + (k / trafficErlangs) * inverse;
  return inverse;
}

describe('inverseErlangB', () => {
  it('equals the 200-bit reference recurrence at integers 0 … a + 4√a, random loads 0.001–50,000 Erlangs', () => {
    const random = mulberry32(20261122);
    for (let i = 0; i < 60; i++) {
      const a = 0.001 * Math.exp(random() * Math.log(5e7));
      const to = Math.floor(a + 4 * Math.sqrt(a)) + 3;
      // Every agent count near the load, and a random sample far below it.
      const near = Math.max(0, Math.floor(a - 10 * Math.sqrt(a)));
      const sampled = new Set<number>();
      for (let j = 0; j < 40; j++) sampled.add(Math.floor(random() * near));
      scanHighPrecisionErlang(a, to, (exact) => {
        if (exact.agents >= near || sampled.has(exact.agents)) {
          const relative = Math.abs(inverseErlangB(exact.agents, a) / exact.inverseBlocking - 1);
          expect(relative).toBeLessThan(1e-11);
        }
        return false;
      });
    }
  });

  it('equals the classic recurrence from zero at integers to 1e-12', () => {
    for (const a of [0.001, 0.5, 3.7, 10, 71.9, 72.5, 300, 1999.5]) {
      for (const n of [1, 2, Math.floor(a), Math.floor(a) + 1, Math.ceil(a + 3 * Math.sqrt(a))]) {
        if (n < 1) continue;
        expect(Math.abs(inverseErlangB(n, a) / recurrenceFromZero(n, a) - 1)).toBeLessThan(1e-12);
      }
    }
  });

  it('equals the erfc-based reference at half-integer agents (incomplete-gamma extension)', () => {
    const random = mulberry32(5);
    for (let i = 0; i < 40; i++) {
      const units = 1 + Math.floor(random() * 150 * 1024);
      const a = units / 1024;
      const whole = Math.floor(random() * (a + 4 * Math.sqrt(a) + 3)); // below and above the load
      const expected = halfIntegerInverseErlangB(whole, a);
      expect(Math.abs(inverseErlangB(whole + 0.5, a) / expected - 1)).toBeLessThan(1e-12);
    }
  });

  it('is continuous across integers (no jump between the recurrence and the extension)', () => {
    for (const a of [0.3, 4.99, 5.01, 30, 500]) {
      for (const n of [1, 3, Math.floor(a) + 2]) {
        const at = inverseErlangB(n, a);
        expect(Math.abs(inverseErlangB(n - 1e-9, a) / at - 1)).toBeLessThan(1e-7);
        expect(Math.abs(inverseErlangB(n + 1e-9, a) / at - 1)).toBeLessThan(1e-7);
      }
    }
  });

  it('stays finite and ≥ 1 at the extremes, 0.001 and 50,000 Erlangs', () => {
    for (const [n, a] of [
      [0, 0.001],
      [1, 0.001],
      [5, 0.001],
      [100, 50_000],
      [49_000, 50_000],
      [50_000, 50_000],
      [51_000, 50_000],
    ]) {
      const value = inverseErlangB(n, a);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(1);
    }
  });
});
