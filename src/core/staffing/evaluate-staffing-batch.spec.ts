import { erlangA } from '../queueing/erlang-a.js';
import { erlangB } from '../queueing/erlang-b.js';
import { erlangC } from '../queueing/erlang-c.js';
import { erlangCServiceLevel } from '../queueing/erlang-c-service-level.js';
import { REFERENCE_ERLANG_A_CASE } from '../queueing/reference/reference-erlang-a-case.js';
import { evaluateStaffingBatch } from './evaluate-staffing-batch.js';
import { STAFFING_WARNING_BITS } from './staffing-types.js';
import type { StaffingEvaluateInput, StaffingMeasureColumns } from './staffing-types.js';

function evaluateOne(
  input: Omit<StaffingEvaluateInput, 'volume' | 'agents'> & { volume: number; agents: number },
) {
  const out: Required<StaffingMeasureColumns> = {
    serviceLevel: new Float64Array(1),
    asaSeconds: new Float64Array(1),
    waitProbability: new Float64Array(1),
    occupancy: new Float64Array(1),
    abandonRate: new Float64Array(1),
    blockingProbability: new Float64Array(1),
    warnings: new Uint8Array(1),
  };
  evaluateStaffingBatch(
    {
      ...input,
      volume: new Float64Array([input.volume]),
      agents: new Float64Array([input.agents]),
    },
    out,
  );
  return {
    serviceLevel: out.serviceLevel[0],
    asaSeconds: out.asaSeconds[0],
    waitProbability: out.waitProbability[0],
    occupancy: out.occupancy[0],
    abandonRate: out.abandonRate[0],
    blockingProbability: out.blockingProbability[0],
    warnings: out.warnings[0],
  };
}

const A10 = {
  model: 'erlang-c' as const,
  intervalSeconds: 1800,
  volume: 100,
  ahtSeconds: 180,
  thresholdSeconds: 20,
  agents: 14,
};

describe('evaluateStaffingBatch', () => {
  it('gives the A = 10 measures at 14 agents (pyworkforce, R ErlangC): SL 0.8883500, ASA 7.835937 s, wait 0.1741319', () => {
    const r = evaluateOne(A10);
    expect(r.serviceLevel).toBeCloseTo(0.88835, 7);
    expect(r.asaSeconds).toBeCloseTo(7.835937, 6);
    expect(r.waitProbability).toBeCloseTo(0.1741319, 7);
    expect(r.occupancy).toBeCloseTo(10 / 14, 15);
    expect(r.abandonRate).toBeNaN();
    expect(r.warnings).toBe(0);
  });

  it('returns the explicit overloaded result under Erlang C: wait 1, SL 0, ASA NaN, occupancy 1, warning', () => {
    for (const agents of [10, 7, 0]) {
      const r = evaluateOne({ ...A10, agents });
      expect(r.waitProbability).toBe(1);
      expect(r.serviceLevel).toBe(0);
      expect(r.asaSeconds).toBeNaN();
      expect(r.occupancy).toBe(agents > 0 ? 1 : NaN);
      expect(r.warnings & STAFFING_WARNING_BITS.overloaded).toBe(STAFFING_WARNING_BITS.overloaded);
    }
  });

  it('evaluates fractional agents under Erlang C on the continuous (incomplete-gamma) curve', () => {
    const r = evaluateOne({ ...A10, agents: 13.5 });
    expect(r.waitProbability).toBeCloseTo(erlangC(13.5, 10), 14);
    expect(r.serviceLevel).toBeCloseTo(erlangCServiceLevel(13.5, 10, 180, 20), 14);
    expect(r.serviceLevel).toBeGreaterThan(erlangCServiceLevel(13, 10, 180, 20));
    expect(r.serviceLevel).toBeLessThan(erlangCServiceLevel(14, 10, 180, 20));
  });

  it('gives the reference Erlang A measures at 14 agents (closed forms at 50 digits) and interpolates linearly between integers', () => {
    const base = {
      ...A10,
      model: 'erlang-a' as const,
      patienceSeconds: 300,
      serviceLevelDefinition: 'answered-within/offered' as const,
    };
    const r = evaluateOne(base);
    expect(r.waitProbability).toBeCloseTo(REFERENCE_ERLANG_A_CASE.waitProbability, 12);
    expect(r.abandonRate).toBeCloseTo(REFERENCE_ERLANG_A_CASE.abandonRate, 12);
    expect(r.serviceLevel).toBeCloseTo(REFERENCE_ERLANG_A_CASE.answeredWithinThreshold, 12);
    const thirteen = erlangA({
      agents: 13,
      trafficErlangs: 10,
      ahtSeconds: 180,
      patienceSeconds: 300,
      thresholdSeconds: 20,
    });
    const half = evaluateOne({ ...base, agents: 13.5 });
    expect(half.serviceLevel).toBeCloseTo(
      (thirteen.answeredWithinThreshold + r.serviceLevel) / 2,
      14,
    );
    expect(half.abandonRate).toBeCloseTo((thirteen.abandonRate + r.abandonRate) / 2, 14);
  });

  it('gives Erlang B blocking and carried occupancy; nobody waits, SL and ASA not applicable', () => {
    const r = evaluateOne({ ...A10, model: 'erlang-b', agents: 17, thresholdSeconds: undefined });
    expect(r.blockingProbability).toBeCloseTo(erlangB(17, 10), 15);
    expect(r.occupancy).toBeCloseTo((10 * (1 - erlangB(17, 10))) / 17, 15);
    expect(r.waitProbability).toBe(0);
    expect(r.serviceLevel).toBeNaN();
    expect(r.asaSeconds).toBeNaN();
  });

  it('with no volume: occupancy 0 with agents, per-contact measures NaN, min-occupancy warning', () => {
    const r = evaluateOne({ ...A10, volume: 0, agents: 3, goals: { minOccupancy: 0.5 } });
    expect(r.occupancy).toBe(0);
    expect(r.serviceLevel).toBeNaN();
    expect(r.waitProbability).toBeNaN();
    expect(r.asaSeconds).toBeNaN();
    expect(r.warnings).toBe(STAFFING_WARNING_BITS['min-occupancy']);
  });

  it('omits the SL column values without a threshold', () => {
    expect(evaluateOne({ ...A10, thresholdSeconds: undefined }).serviceLevel).toBeNaN();
  });

  it('names the interval of invalid agents', () => {
    expect(() =>
      evaluateStaffingBatch(
        { ...A10, volume: new Float64Array([100, 100]), agents: new Float64Array([14, -1]) },
        { serviceLevel: new Float64Array(2) },
      ),
    ).toThrow(
      new RangeError(
        'evaluateStaffingBatch requires agents to be a finite number >= 0 and <= 10000000 at interval 1',
      ),
    );
  });
});
