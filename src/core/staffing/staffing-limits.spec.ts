import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { evaluateStaffingBatch } from './evaluate-staffing-batch.js';
import { solveStaffingBatch } from './solve-staffing-batch.js';
import { MAX_AGENTS, MAX_TRAFFIC_ERLANGS } from './staffing-limits.js';
import type { StaffingBatchInput } from './staffing-types.js';

/** Solves one interval; returns the agents and the milliseconds it took. */
function solveOne(input: Omit<StaffingBatchInput, 'volume' | 'intervalSeconds'> & { volume: number; intervalSeconds?: number }): { agents: number; ms: number } {
  const agents = new Int32Array(1);
  const t0 = performance.now();
  solveStaffingBatch({ intervalSeconds: 1800, ...input, volume: new Float64Array([input.volume]) }, { agents, binding: new Uint8Array(1), agentsFractional: new Float64Array(1), requiredWithShrinkage: new Int32Array(1) });
  return { agents: agents[0], ms: performance.now() - t0 };
}

describe('staffing limits: every kernel loop is bounded', () => {
  it('refuses a load above MAX_TRAFFIC_ERLANGS with a RangeError naming the interval, before any work', () => {
    const t0 = performance.now();
    expect(() => solveOne({ model: 'erlang-c', volume: 1e19, ahtSeconds: 180, thresholdSeconds: 20, goals: { serviceLevelTarget: 0.8 } }))
      .toThrow(new RangeError(`solveStaffingBatch requires the load volume × ahtSeconds ÷ concurrency ÷ intervalSeconds to be at most ${MAX_TRAFFIC_ERLANGS} Erlangs at interval 0`));
    expect(() => evaluateStaffingBatch({ model: 'erlang-c', intervalSeconds: 1800, volume: new Float64Array([100]), ahtSeconds: 1e19, thresholdSeconds: 20, agents: new Float64Array([10]) }, {}))
      .toThrow(/at most 1000000 Erlangs at interval 0/);
    expect(() => evaluateStaffingBatch({ model: 'erlang-c', intervalSeconds: 1800, volume: new Float64Array([100]), ahtSeconds: 180, thresholdSeconds: 20, agents: new Float64Array([MAX_AGENTS + 1]) }, {}))
      .toThrow(new RangeError(`evaluateStaffingBatch requires agents to be a finite number >= 0 and <= ${MAX_AGENTS} at interval 0`));
    expect(() => solveOne({ model: 'erlang-c', volume: 100, ahtSeconds: 180, shrinkage: 0.995, thresholdSeconds: 20, goals: { serviceLevelTarget: 0.8 } }))
      .toThrow(/shrinkage to be a number >= 0 and <= 0.99/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('solves the largest load quickly, and an occupancy cap needing more than MAX_AGENTS is infeasible, not a long loop', () => {
    const volume = (MAX_TRAFFIC_ERLANGS * 1800) / 180;
    expect(solveOne({ model: 'erlang-c', volume, ahtSeconds: 180, thresholdSeconds: 20, goals: { serviceLevelTarget: 0.8 } }).agents).toBe(1_000_015);
    const tenth = solveOne({ model: 'erlang-b', volume, ahtSeconds: 180, goals: { maxBlocking: 0.01, maxOccupancy: 0.1 } });
    expect(tenth.agents).toBe(10_000_000);
    expect(tenth.ms).toBeLessThan(2000);
    for (const model of ['erlang-c', 'erlang-b', 'erlang-a'] as const) {
      const tiny = solveOne({ model, volume, ahtSeconds: 180, thresholdSeconds: 20, patienceSeconds: 120, goals: { maxOccupancy: 0.01 } });
      expect([model, tiny.agents]).toEqual([model, -1]);
      expect(tiny.ms).toBeLessThan(2000);
    }
    expect(solveOne({ model: 'erlang-c', volume: 100, ahtSeconds: 180, thresholdSeconds: 20, goals: { serviceLevelTarget: 0.8, maxOccupancy: Number.MIN_VALUE } }).agents).toBe(-1);
  });

  it('inverse Erlang B far above the load returns +Infinity after O(√a) steps', () => {
    const t0 = performance.now();
    expect(inverseErlangB(MAX_AGENTS, 1)).toBe(Infinity);
    expect(inverseErlangB(MAX_AGENTS, MAX_TRAFFIC_ERLANGS)).toBe(Infinity);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(1 / inverseErlangB(17, 10)).toBe(0.012948875224726562);
  });
});
