import { scanHighPrecisionErlang } from './scan-high-precision-erlang.js';
import type { HighPrecisionErlang } from './scan-high-precision-erlang.js';

function at(agents: number, trafficErlangs: number): HighPrecisionErlang {
  let found: HighPrecisionErlang | undefined;
  scanHighPrecisionErlang(trafficErlangs, agents, (erlang) => {
    if (erlang.agents === agents) found = erlang;
    return erlang.agents === agents;
  });
  if (found === undefined) throw new Error('not reached');
  return found;
}

describe('scanHighPrecisionErlang (reference oracle)', () => {
  it('matches hand-computed exact values', () => {
    // B(1, a) = a/(1 + a); B(2, 1) = 1/5; C(2, 1) = 2·(1/5)/(2 − 1·(4/5)) = 1/3.
    expect(at(1, 3).blocking).toBe(0.75);
    expect(at(2, 1).blocking).toBe(0.2);
    expect(at(2, 1).wait).toBe(1 / 3);
    expect(at(0, 5).blocking).toBe(1);
    expect(at(3, 4).wait).toBe(1);
  });

  it('matches the textbook B(17, 10) = 0.01295 (Erlang B tables: 17 lines at 10 Erlangs ≈ 1.3 %)', () => {
    expect(at(17, 10).blocking).toBeCloseTo(0.01295, 5);
  });

  it('visits 0, 1, 2, … and stops when asked', () => {
    const seen: number[] = [];
    scanHighPrecisionErlang(2.5, 100, (erlang) => {
      seen.push(erlang.agents);
      return erlang.agents === 4;
    });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });
});
