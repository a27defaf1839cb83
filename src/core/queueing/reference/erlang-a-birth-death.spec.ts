import { erlangABirthDeath } from './erlang-a-birth-death.js';
import { REFERENCE_ERLANG_A_CASE } from './reference-erlang-a-case.js';

/** |actual ÷ expected − 1|. */
const relativeError = (actual: number, expected: number): number => Math.abs(actual / expected - 1);

describe('erlangABirthDeath (reference oracle)', () => {
  it('reproduces the reference Erlang A case (closed forms at 50 digits) to 1e-10 relative', () => {
    const c = REFERENCE_ERLANG_A_CASE;
    const result = erlangABirthDeath(c.agents, c.trafficErlangs, c.ahtSeconds, c.patienceSeconds, c.thresholdSeconds);
    expect(relativeError(result.waitProbability, c.waitProbability)).toBeLessThan(1e-10);
    expect(relativeError(result.abandonRate, c.abandonRate)).toBeLessThan(1e-10);
    expect(relativeError(result.answeredWithinThreshold, c.answeredWithinThreshold)).toBeLessThan(1e-10);
    expect(relativeError(result.abandonedWithinThreshold, c.abandonedWithinThreshold)).toBeLessThan(1e-10);
  });

  it('approaches Erlang C when patience is very long (A = 10, 14 agents: C = 0.1741319, ASA 7.835937 s)', () => {
    const result = erlangABirthDeath(14, 10, 180, 1e7, 20);
    expect(result.waitProbability).toBeCloseTo(0.1741319, 5);
    expect(result.asaSeconds).toBeCloseTo(7.835937, 3);
    expect(result.abandonRate).toBeLessThan(1e-5);
  });

  it('keeps its books: abandoned + answered = 1 and within-t shares below totals', () => {
    const result = erlangABirthDeath(5, 8, 240, 90, 30);
    expect(result.abandonRate).toBeGreaterThan(0.3);
    expect(result.answeredWithinThreshold).toBeLessThanOrEqual(1 - result.abandonRate + 1e-12);
    expect(result.abandonedWithinThreshold).toBeLessThanOrEqual(result.abandonRate + 1e-12);
  });
});
