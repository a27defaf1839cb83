import { erlangABirthDeath } from './erlang-a-birth-death.js';

describe('erlangABirthDeath (reference oracle)', () => {
  it('reproduces the published Erlang A case to the digits given', () => {
    // 100 calls in 30 min (a = 10), AHT 180 s, mean patience 300 s, 14 agents, t = 20 s:
    // wait probability 0.14526, abandon rate 0.013984, answered within 20 s ÷ offered 0.916792.
    const result = erlangABirthDeath(14, 10, 180, 300, 20);
    expect(result.waitProbability).toBeCloseTo(0.14526, 5);
    expect(result.abandonRate).toBeCloseTo(0.013984, 6);
    expect(result.answeredWithinThreshold).toBeCloseTo(0.916792, 6);
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
