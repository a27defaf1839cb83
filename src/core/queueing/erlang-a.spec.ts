import { mulberry32 } from '../numeric/mulberry32.js';
import { erlangA } from './erlang-a.js';
import { erlangC } from './erlang-c.js';
import { erlangCAsaSeconds } from './erlang-c-asa-seconds.js';
import { erlangCServiceLevel } from './erlang-c-service-level.js';
import { erlangABirthDeath } from './reference/erlang-a-birth-death.js';
import { REFERENCE_ERLANG_A_CASE } from './reference/reference-erlang-a-case.js';

/** |actual − expected| within `relative` of |expected|, or below `absolute`. */
function expectClose(actual: number, expected: number, relative: number, absolute: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    Math.max(absolute, relative * Math.abs(expected)),
  );
}

describe('erlangA', () => {
  it('reproduces the reference Erlang A case (its closed forms at 50 digits, reference/reference-erlang-a-case.ts)', () => {
    // 100 calls in 30 min, AHT 180 s (a = 10), mean patience 300 s, 14 agents, t = 20 s:
    // wait probability 0.14526, abandon rate 0.013984, answered within 20 s ÷ offered 0.916792.
    const c = REFERENCE_ERLANG_A_CASE;
    const result = erlangA(c);
    expectClose(result.waitProbability, c.waitProbability, 1e-12, 0);
    expectClose(result.abandonRate, c.abandonRate, 1e-12, 0);
    expectClose(result.answeredWithinThreshold, c.answeredWithinThreshold, 1e-12, 0);
    expectClose(result.abandonedWithinThreshold, c.abandonedWithinThreshold, 1e-12, 0);
  });

  it('matches the numeric birth–death chain (stationary law + tagged contact) at random points to 1e-8', () => {
    const random = mulberry32(314159);
    for (let i = 0; i < 25; i++) {
      const a = 0.5 * Math.exp(random() * Math.log(120));
      const agents = Math.max(1, Math.round(a + (random() * 5 - 2) * Math.sqrt(a)));
      const ahtSeconds = 60 + 540 * random();
      const patienceSeconds = 20 + 880 * random();
      const thresholdSeconds = 60 * random();
      const closed = erlangA({
        agents,
        trafficErlangs: a,
        ahtSeconds,
        patienceSeconds,
        thresholdSeconds,
      });
      const chain = erlangABirthDeath(agents, a, ahtSeconds, patienceSeconds, thresholdSeconds);
      expectClose(closed.waitProbability, chain.waitProbability, 1e-8, 1e-12);
      expectClose(closed.abandonRate, chain.abandonRate, 1e-8, 1e-12);
      expectClose(closed.asaSeconds, chain.asaSeconds, 1e-8, 1e-10);
      expectClose(closed.answeredWithinThreshold, chain.answeredWithinThreshold, 1e-8, 1e-12);
      expectClose(closed.abandonedWithinThreshold, chain.abandonedWithinThreshold, 1e-8, 1e-12);
    }
  });

  it('tends to Erlang C as patience → ∞ (θ → 0)', () => {
    const erlangCWait = erlangC(14, 10);
    const erlangCService = erlangCServiceLevel(14, 10, 180, 20);
    const erlangCAsa = erlangCAsaSeconds(14, 10, 180);
    let previousGap = Infinity;
    for (const patienceSeconds of [1e4, 1e6, 1e8, 1e10]) {
      const result = erlangA({
        agents: 14,
        trafficErlangs: 10,
        ahtSeconds: 180,
        patienceSeconds,
        thresholdSeconds: 20,
      });
      const gap = Math.abs(result.waitProbability - erlangCWait);
      expect(gap).toBeLessThan(previousGap);
      previousGap = gap;
      // The gap shrinks like 1/patience.
      expect(gap).toBeLessThan(100 / patienceSeconds);
      expect(Math.abs(result.answeredWithinThreshold - erlangCService)).toBeLessThan(
        100 / patienceSeconds,
      );
      expect(Math.abs(result.asaSeconds / erlangCAsa - 1)).toBeLessThan(1e4 / patienceSeconds);
      expect(result.abandonRate).toBeLessThan(100 / patienceSeconds);
    }
  });

  it('stays finite and sane in overload and at 0.001 and 50,000 Erlangs', () => {
    const cases = [
      { agents: 0, trafficErlangs: 10, patienceSeconds: 300 },
      { agents: 5, trafficErlangs: 10, patienceSeconds: 300 },
      { agents: 1, trafficErlangs: 0.001, patienceSeconds: 60 },
      { agents: 3, trafficErlangs: 0.001, patienceSeconds: 60 },
      { agents: 40_000, trafficErlangs: 50_000, patienceSeconds: 300 },
      { agents: 50_300, trafficErlangs: 50_000, patienceSeconds: 300 },
      { agents: 900, trafficErlangs: 1000, patienceSeconds: 1e8 },
    ];
    for (const parameters of cases) {
      const result = erlangA({ ...parameters, ahtSeconds: 180, thresholdSeconds: 20 });
      for (const probability of [
        result.waitProbability,
        result.abandonRate,
        result.answeredWithinThreshold,
        result.abandonedWithinThreshold,
      ]) {
        expect(probability >= 0 && probability <= 1).toBe(true);
      }
      expect(result.meanWaitSeconds).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(result.meanWaitSeconds)).toBe(true);
      if (parameters.agents > 0) expect(Number.isFinite(result.asaSeconds)).toBe(true);
      // Every offered contact is answered or abandons.
      expect(result.answeredWithinThreshold + result.abandonedWithinThreshold).toBeLessThanOrEqual(
        1 + 1e-12,
      );
    }
  });

  it('behaves like a fluid model in deep overload: abandon rate → 1 − n/a, mean wait = abandon × patience', () => {
    const result = erlangA({
      agents: 40_000,
      trafficErlangs: 50_000,
      ahtSeconds: 180,
      patienceSeconds: 300,
    });
    expect(result.abandonRate).toBeCloseTo(0.2, 6);
    expect(result.meanWaitSeconds).toBeCloseTo(0.2 * 300, 3);
    expect(result.waitProbability).toBeCloseTo(1, 12);
  });

  it('with no agents everybody waits and abandons; ASA of answered is not applicable', () => {
    const result = erlangA({
      agents: 0,
      trafficErlangs: 4,
      ahtSeconds: 180,
      patienceSeconds: 60,
      thresholdSeconds: 30,
    });
    expect(result.waitProbability).toBe(1);
    expect(result.abandonRate).toBe(1);
    expect(result.asaSeconds).toBeNaN();
    expect(result.abandonedWithinThreshold).toBeCloseTo(1 - Math.exp(-0.5), 15);
    expect(result.answeredWithinThreshold).toBe(0);
  });

  it('skips the within-threshold measures without a threshold', () => {
    const result = erlangA({
      agents: 14,
      trafficErlangs: 10,
      ahtSeconds: 180,
      patienceSeconds: 300,
    });
    expect(result.answeredWithinThreshold).toBeNaN();
    expectClose(result.abandonRate, REFERENCE_ERLANG_A_CASE.abandonRate, 1e-12, 0);
  });

  it('validates its parameters', () => {
    const base = { agents: 14, trafficErlangs: 10, ahtSeconds: 180, patienceSeconds: 300 };
    expect(() => erlangA({ ...base, agents: 1.5 })).toThrow(
      new RangeError('erlangA requires agents to be an integer'),
    );
    expect(() => erlangA({ ...base, patienceSeconds: 0 })).toThrow(
      new RangeError('erlangA requires patienceSeconds to be a finite number > 0'),
    );
    expect(() => erlangA({ ...base, thresholdSeconds: -1 })).toThrow(RangeError);
  });
});
