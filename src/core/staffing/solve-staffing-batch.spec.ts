import { mulberry32 } from '../numeric/mulberry32.js';
import { erlangA } from '../queueing/erlang-a.js';
import { erlangC } from '../queueing/erlang-c.js';
import { erlangCServiceLevel } from '../queueing/erlang-c-service-level.js';
import { scanHighPrecisionErlang } from '../queueing/reference/scan-high-precision-erlang.js';
import { serviceLevelByDefinition } from '../queueing/service-level-by-definition.js';
import { SERVICE_LEVEL_DEFINITIONS } from '../queueing/service-level-definition.js';
import type { ServiceLevelDefinition } from '../queueing/service-level-definition.js';
import { solveStaffingBatch } from './solve-staffing-batch.js';
import { BINDING_CODES, STAFFING_WARNING_BITS } from './staffing-types.js';
import type { StaffingBatchInput, StaffingGoals, StaffingSolveOutput } from './staffing-types.js';

function outputs(n: number): Required<StaffingSolveOutput> {
  return {
    agents: new Int32Array(n),
    requiredWithShrinkage: new Int32Array(n),
    agentsFractional: new Float64Array(n),
    binding: new Uint8Array(n),
    serviceLevel: new Float64Array(n),
    asaSeconds: new Float64Array(n),
    waitProbability: new Float64Array(n),
    occupancy: new Float64Array(n),
    abandonRate: new Float64Array(n),
    blockingProbability: new Float64Array(n),
    warnings: new Uint8Array(n),
  };
}

/** Solves one interval; returns every output column's first value. */
function solveOne(input: Omit<StaffingBatchInput, 'volume'> & { volume: number }) {
  const out = outputs(1);
  const summary = solveStaffingBatch({ ...input, volume: new Float64Array([input.volume]) }, out);
  return {
    summary,
    agents: out.agents[0],
    requiredWithShrinkage: out.requiredWithShrinkage[0],
    agentsFractional: out.agentsFractional[0],
    binding: out.binding[0],
    serviceLevel: out.serviceLevel[0],
    asaSeconds: out.asaSeconds[0],
    waitProbability: out.waitProbability[0],
    occupancy: out.occupancy[0],
    abandonRate: out.abandonRate[0],
    blockingProbability: out.blockingProbability[0],
    warnings: out.warnings[0],
  };
}

// pyworkforce (README example) and the R package ErlangC: 100 calls in 30 minutes, AHT 180 s,
// 80 % answered within 20 s.
const A10 = {
  model: 'erlang-c' as const,
  intervalSeconds: 1800,
  volume: 100,
  ahtSeconds: 180,
  shrinkage: 0.3,
  thresholdSeconds: 20,
  goals: { serviceLevelTarget: 0.8 },
};

/** Brute-force Erlang C requirement from the 200-bit oracle: first n meeting every goal. */
function bruteForceErlangC(a: number, ahtSeconds: number, t: number, goals: StaffingGoals): number {
  let answer = -1;
  scanHighPrecisionErlang(a, Math.ceil(a + 60 * Math.sqrt(a) + 100), (exact) => {
    const n = exact.agents;
    if (!(n > a)) return false;
    if (goals.serviceLevelTarget !== undefined) {
      if (!(1 - exact.wait * Math.exp((-(n - a) * t) / ahtSeconds) >= goals.serviceLevelTarget))
        return false;
    }
    if (
      goals.maxAsaSeconds !== undefined &&
      !((exact.wait * ahtSeconds) / (n - a) <= goals.maxAsaSeconds)
    ) {
      return false;
    }
    if (goals.maxOccupancy !== undefined && !(a / n <= goals.maxOccupancy)) return false;
    answer = n;
    return true;
  });
  return answer;
}

/** Brute-force Erlang B requirement from the 200-bit oracle. */
function bruteForceErlangB(a: number, goals: StaffingGoals): number {
  let answer = -1;
  scanHighPrecisionErlang(a, Math.ceil(a + 60 * Math.sqrt(a) + 100), (exact) => {
    const n = exact.agents;
    if (goals.maxBlocking !== undefined && !(exact.blocking <= goals.maxBlocking)) return false;
    if (
      goals.maxOccupancy !== undefined &&
      !(n > 0 && (a * (1 - exact.blocking)) / n <= goals.maxOccupancy)
    ) {
      return false;
    }
    answer = n;
    return true;
  });
  return answer;
}

/** Brute-force Erlang A requirement: the closed-form measures at n = 0, 1, 2, … */
function bruteForceErlangA(
  a: number,
  ahtSeconds: number,
  patienceSeconds: number,
  t: number,
  definition: ServiceLevelDefinition,
  goals: StaffingGoals,
): number {
  for (let n = 0; n < a + 60 * Math.sqrt(a) + 100; n++) {
    const m = erlangA({
      agents: n,
      trafficErlangs: a,
      ahtSeconds,
      patienceSeconds,
      thresholdSeconds: t,
    });
    const serviceLevel = serviceLevelByDefinition(
      m.answeredWithinThreshold,
      m.abandonedWithinThreshold,
      m.abandonRate,
      definition,
    );
    if (goals.serviceLevelTarget !== undefined && !(serviceLevel >= goals.serviceLevelTarget))
      continue;
    if (goals.maxAsaSeconds !== undefined && !(m.asaSeconds <= goals.maxAsaSeconds)) continue;
    if (goals.maxAbandonRate !== undefined && !(m.abandonRate <= goals.maxAbandonRate)) continue;
    if (goals.maxOccupancy !== undefined && !(m.occupancy <= goals.maxOccupancy)) continue;
    return n;
  }
  return -1;
}

describe('solveStaffingBatch', () => {
  describe('golden cases', () => {
    it('A = 10, 80/20: 14 agents, SL 0.8883500, ASA 7.835937 s, wait 0.1741319, 20 scheduled at 30 % shrinkage (pyworkforce, R ErlangC)', () => {
      const r = solveOne(A10);
      expect(r.agents).toBe(14);
      expect(r.requiredWithShrinkage).toBe(20);
      expect(r.binding).toBe(BINDING_CODES['service-level']);
      expect(r.serviceLevel).toBeCloseTo(0.88835, 7);
      expect(r.asaSeconds).toBeCloseTo(7.835937, 6);
      expect(r.waitProbability).toBeCloseTo(0.1741319, 7);
      expect(r.occupancy).toBeCloseTo(10 / 14, 15);
      expect(r.abandonRate).toBeNaN();
      expect(r.blockingProbability).toBeNaN();
      expect(r.summary).toEqual({ count: 1, infeasibleCount: 0, firstInfeasibleIndex: -1 });
    });

    it('A = 10, 80/20 with occupancy capped at 0.70: 15 agents, 22 scheduled, occupancy binds (pyworkforce)', () => {
      const r = solveOne({ ...A10, goals: { serviceLevelTarget: 0.8, maxOccupancy: 0.7 } });
      expect(r.agents).toBe(15);
      expect(r.requiredWithShrinkage).toBe(22);
      expect(r.binding).toBe(BINDING_CODES.occupancy);
      expect(r.agentsFractional).toBeCloseTo(10 / 0.7, 12);
    });

    it('Erlang B: 17 lines for 2 % blocking at 10 Erlangs (Erlang B tables)', () => {
      const r = solveOne({
        model: 'erlang-b',
        intervalSeconds: 1800,
        volume: 100,
        ahtSeconds: 180,
        goals: { maxBlocking: 0.02 },
      });
      expect(r.agents).toBe(17);
      expect(r.binding).toBe(BINDING_CODES.blocking);
      expect(r.blockingProbability).toBeCloseTo(0.0129489, 7);
      expect(r.waitProbability).toBe(0);
      expect(r.serviceLevel).toBeNaN();
      expect(r.agentsFractional).toBeGreaterThan(16);
      expect(r.agentsFractional).toBeLessThanOrEqual(17);
    });

    it('fractional requirement of the A = 10, 80/20 case is ≈ 13.04, where the continuous SL is exactly 0.8', () => {
      const r = solveOne(A10);
      expect(r.agentsFractional).toBeCloseTo(13.04, 2);
      expect(erlangCServiceLevel(r.agentsFractional, 10, 180, 20)).toBeCloseTo(0.8, 10);
    });
  });

  describe('property: exact agreement with brute-force searches', () => {
    it('Erlang C required agents equal a brute-force scan of the 200-bit oracle (random loads and goals)', () => {
      const random = mulberry32(8675309);
      for (let i = 0; i < 60; i++) {
        const a = 0.01 * Math.exp(random() * Math.log(1e5));
        const ahtSeconds = 60 + 540 * random();
        const intervalSeconds = 900;
        const volume = (a * intervalSeconds) / ahtSeconds;
        const t = [0, 10, 20, 30, 60][Math.floor(random() * 5)];
        const goals: StaffingGoals = { serviceLevelTarget: 0.5 + 0.49 * random() };
        if (random() < 0.4) goals.maxAsaSeconds = 2 + 60 * random();
        if (random() < 0.3) goals.maxOccupancy = 0.6 + 0.35 * random();
        const kernelLoad = (volume * ahtSeconds) / intervalSeconds;
        const r = solveOne({
          model: 'erlang-c',
          intervalSeconds,
          volume,
          ahtSeconds,
          thresholdSeconds: t,
          goals,
        });
        expect(r.agents).toBe(bruteForceErlangC(kernelLoad, ahtSeconds, t, goals));
        expect(r.agentsFractional).toBeGreaterThan(r.agents - 1);
        expect(r.agentsFractional).toBeLessThanOrEqual(r.agents);
      }
    });

    it('Erlang C in one batch (first guesses carried between intervals, stepping down and up) equals the brute force', () => {
      const random = mulberry32(2718);
      const count = 80;
      const volume = new Float64Array(count);
      const ahtSeconds = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        // Alternate tiny and large loads so the carried guess is far off in both directions.
        const a = i % 2 === 0 ? 0.05 + 3 * random() : 50 * Math.exp(random() * Math.log(40));
        ahtSeconds[i] = 60 + 540 * random();
        volume[i] = (a * 900) / ahtSeconds[i];
      }
      const goals: StaffingGoals = { serviceLevelTarget: 0.85, maxAsaSeconds: 15 };
      const out = outputs(count);
      solveStaffingBatch(
        {
          model: 'erlang-c',
          intervalSeconds: 900,
          volume,
          ahtSeconds,
          thresholdSeconds: 20,
          goals,
        },
        out,
      );
      for (let i = 0; i < count; i++) {
        const kernelLoad = (volume[i] * ahtSeconds[i]) / 900;
        expect(out.agents[i]).toBe(bruteForceErlangC(kernelLoad, ahtSeconds[i], 20, goals));
        expect(out.agentsFractional[i]).toBeGreaterThan(out.agents[i] - 1);
        expect(out.agentsFractional[i]).toBeLessThanOrEqual(out.agents[i]);
        const solo = solveOne({
          model: 'erlang-c',
          intervalSeconds: 900,
          volume: volume[i],
          ahtSeconds: ahtSeconds[i],
          thresholdSeconds: 20,
          goals,
        });
        expect(out.binding[i]).toBe(solo.binding);
        expect(Math.abs(out.agentsFractional[i] - solo.agentsFractional)).toBeLessThan(
          1e-9 * out.agents[i],
        );
        expect(out.serviceLevel[i]).toBeCloseTo(solo.serviceLevel, 13);
      }
    });

    it('Erlang B required lines equal a brute-force scan of the 200-bit oracle', () => {
      const random = mulberry32(1234);
      for (let i = 0; i < 40; i++) {
        const a = 0.01 * Math.exp(random() * Math.log(1e5));
        const goals: StaffingGoals = { maxBlocking: 0.001 + 0.2 * random() };
        if (random() < 0.3) goals.maxOccupancy = 0.5 + 0.45 * random();
        const kernelLoad = (a * 3600) / 3600;
        const r = solveOne({
          model: 'erlang-b',
          intervalSeconds: 3600,
          volume: a,
          ahtSeconds: 3600,
          goals,
        });
        expect(r.agents).toBe(bruteForceErlangB(kernelLoad, goals));
      }
    });

    it('Erlang A required agents equal a brute-force scan of the closed-form measures (every definition)', () => {
      const random = mulberry32(4242);
      for (let i = 0; i < 30; i++) {
        const a = 0.2 * Math.exp(random() * Math.log(500));
        const ahtSeconds = 120 + 480 * random();
        const patienceSeconds = 30 + 600 * random();
        const t = [0, 10, 20, 40][Math.floor(random() * 4)];
        const definition = SERVICE_LEVEL_DEFINITIONS[Math.floor(random() * 4)];
        const goals: StaffingGoals = { serviceLevelTarget: 0.5 + 0.45 * random() };
        if (random() < 0.3) goals.maxAsaSeconds = 2 + 60 * random();
        if (random() < 0.3) goals.maxAbandonRate = 0.005 + 0.1 * random();
        if (random() < 0.2) goals.maxOccupancy = 0.6 + 0.35 * random();
        const volume = (a * 900) / ahtSeconds;
        const kernelLoad = (volume * ahtSeconds) / 900;
        const r = solveOne({
          model: 'erlang-a',
          intervalSeconds: 900,
          volume,
          ahtSeconds,
          patienceSeconds,
          thresholdSeconds: t,
          serviceLevelDefinition: definition,
          goals,
        });
        expect(r.agents).toBe(
          bruteForceErlangA(kernelLoad, ahtSeconds, patienceSeconds, t, definition, goals),
        );
        if (r.agents > 0) {
          expect(r.agentsFractional).toBeGreaterThan(r.agents - 1);
          expect(r.agentsFractional).toBeLessThanOrEqual(r.agents);
        }
      }
    });
  });

  describe('fractional requirement (Erlang C through the incomplete-gamma extension)', () => {
    it('agrees with a bisection of the continuous service level to 1e-8 agents', () => {
      const random = mulberry32(77);
      for (let i = 0; i < 40; i++) {
        const a = 0.05 * Math.exp(random() * Math.log(4e4));
        const target = 0.5 + 0.49 * random();
        const t = 5 + 55 * random();
        const r = solveOne({
          model: 'erlang-c',
          intervalSeconds: 180,
          volume: a,
          ahtSeconds: 180,
          thresholdSeconds: t,
          goals: { serviceLevelTarget: target },
        });
        let low = Math.max(a, r.agents - 1);
        let high = r.agents;
        for (let k = 0; k < 200 && high - low > 1e-12 * high; k++) {
          const middle = 0.5 * (low + high);
          if (erlangCServiceLevel(middle, a, 180, t) >= target) high = middle;
          else low = middle;
        }
        expect(Math.abs(r.agentsFractional - high)).toBeLessThan(1e-8 * Math.max(1, high));
      }
    });

    it('tends to the integer when the goal is met exactly at an integer', () => {
      const target = erlangCServiceLevel(14, 10, 180, 20) - 1e-13;
      const r = solveOne({ ...A10, goals: { serviceLevelTarget: target } });
      expect(r.agents).toBe(14);
      expect(r.agentsFractional).toBeCloseTo(14, 9);
      const occupancy = solveOne({ ...A10, volume: 70, goals: { maxOccupancy: 0.7 } });
      expect(occupancy.agents).toBe(10);
      expect(occupancy.agentsFractional).toBe(7 / 0.7);
    });

    it('solves the ASA goal on the continuous ASA when it binds', () => {
      const r = solveOne({ ...A10, goals: { serviceLevelTarget: 0.5, maxAsaSeconds: 5 } });
      expect(r.binding).toBe(BINDING_CODES.asa);
      const x = r.agentsFractional;
      expect((erlangC(x, 10) * 180) / (x - 10)).toBeCloseTo(5, 8);
    });
  });

  describe('binding, warnings, volume 0 and infeasible goals', () => {
    it('reports stability when every goal is met at the load but Erlang C needs agents > load', () => {
      const r = solveOne({ ...A10, goals: { maxOccupancy: 1 } });
      expect(r.agents).toBe(11);
      expect(r.binding).toBe(BINDING_CODES.stability);
      expect(r.agentsFractional).toBe(10);
    });

    it('reports the abandon rate when it binds under Erlang A', () => {
      const r = solveOne({
        ...A10,
        model: 'erlang-a',
        patienceSeconds: 300,
        goals: { serviceLevelTarget: 0.5, maxAbandonRate: 0.01 },
      });
      expect(r.binding).toBe(BINDING_CODES['abandon-rate']);
      expect(r.abandonRate).toBeLessThanOrEqual(0.01);
    });

    it('flags occupancy below minOccupancy (over-staffing)', () => {
      const r = solveOne({ ...A10, goals: { serviceLevelTarget: 0.8, minOccupancy: 0.75 } });
      expect(r.warnings & STAFFING_WARNING_BITS['min-occupancy']).toBe(
        STAFFING_WARNING_BITS['min-occupancy'],
      );
      const fine = solveOne({ ...A10, goals: { serviceLevelTarget: 0.8, minOccupancy: 0.6 } });
      expect(fine.warnings).toBe(0);
    });

    it('needs 0 agents for volume 0 (binding none, measures NaN)', () => {
      for (const model of ['erlang-c', 'erlang-a', 'erlang-b'] as const) {
        const goals = model === 'erlang-b' ? { maxBlocking: 0.01 } : { serviceLevelTarget: 0.8 };
        const r = solveOne({ ...A10, model, volume: 0, patienceSeconds: 120, goals });
        expect(r.agents).toBe(0);
        expect(r.requiredWithShrinkage).toBe(0);
        expect(r.binding).toBe(BINDING_CODES.none);
        expect(r.agentsFractional).toBe(0);
        expect(r.serviceLevel).toBeNaN();
        expect(r.waitProbability).toBeNaN();
        expect(r.occupancy).toBeNaN();
      }
    });

    it('marks unreachable goals infeasible per interval, without throwing or looping', () => {
      const out = outputs(3);
      const summary = solveStaffingBatch(
        {
          model: 'erlang-a',
          intervalSeconds: 1800,
          volume: new Float64Array([0, 100, 40]),
          ahtSeconds: 180,
          patienceSeconds: 300,
          thresholdSeconds: 20,
          goals: { serviceLevelTarget: 0.8, maxAbandonRate: 0 },
        },
        out,
      );
      expect(summary).toEqual({ count: 3, infeasibleCount: 2, firstInfeasibleIndex: 1 });
      expect(Array.from(out.binding)).toEqual([
        BINDING_CODES.none,
        BINDING_CODES.infeasible,
        BINDING_CODES.infeasible,
      ]);
      expect(Array.from(out.agents)).toEqual([0, -1, -1]);
      expect(Array.from(out.requiredWithShrinkage)).toEqual([0, -1, -1]);
      expect(out.agentsFractional[1]).toBeNaN();
      expect(out.serviceLevel[2]).toBeNaN();
    });

    it.each([
      ['a service level of 1 with threshold 0 (Erlang C)', { serviceLevelTarget: 1 }, 0],
      ['a service level of 1 with threshold 20 s (Erlang C)', { serviceLevelTarget: 1 }, 20],
      ['a maximum ASA of 0 (Erlang C)', { maxAsaSeconds: 0 }, 20],
    ])('reports %s as infeasible', (_label, goals, thresholdSeconds) => {
      const r = solveOne({ ...A10, thresholdSeconds, goals });
      expect(r.binding).toBe(BINDING_CODES.infeasible);
      expect(r.summary.firstInfeasibleIndex).toBe(0);
    });

    it('reports maxBlocking 0 (Erlang B) and a goal beyond the search cap as infeasible', () => {
      expect(
        solveOne({
          model: 'erlang-b',
          intervalSeconds: 1800,
          volume: 100,
          ahtSeconds: 180,
          goals: { maxBlocking: 0 },
        }).binding,
      ).toBe(BINDING_CODES.infeasible);
      expect(solveOne({ ...A10, goals: { maxAsaSeconds: 1e-300 } }).binding).toBe(
        BINDING_CODES.infeasible,
      );
    });
  });

  describe('columns, slices and models', () => {
    it("solves one channel's row or column of a channels × intervals matrix in place (offset/stride)", () => {
      const channels = 3;
      const intervals = 4;
      const volume = new Float64Array(channels * intervals);
      const aht = new Float64Array(channels * intervals);
      for (let i = 0; i < volume.length; i++) {
        volume[i] = 20 + 13 * i;
        aht[i] = 150 + 10 * i;
      }
      const base = {
        model: 'erlang-c' as const,
        intervalSeconds: 900,
        ahtSeconds: aht,
        thresholdSeconds: 20,
        goals: { serviceLevelTarget: 0.8 },
      };
      // Row-major: channel 1 is intervals 4..7.
      const rowOut = { agents: new Int32Array(12).fill(-9), binding: new Uint8Array(12) };
      solveStaffingBatch({ ...base, volume, offset: 4, count: 4 }, rowOut);
      // Column-major reading: channel 1 is indices 1, 4, 7, 10.
      const columnOut = { agents: new Int32Array(4).fill(-9), binding: new Uint8Array(4) };
      solveStaffingBatch(
        { ...base, volume, offset: 1, stride: 3, count: 4, outputOffset: 0, outputStride: 1 },
        columnOut,
      );
      for (let k = 0; k < 4; k++) {
        const row = solveOne({ ...base, ahtSeconds: aht[4 + k], volume: volume[4 + k] });
        expect(rowOut.agents[4 + k]).toBe(row.agents);
        const column = solveOne({ ...base, ahtSeconds: aht[1 + 3 * k], volume: volume[1 + 3 * k] });
        expect(columnOut.agents[k]).toBe(column.agents);
      }
      expect(Array.from(rowOut.agents.subarray(0, 4))).toEqual([-9, -9, -9, -9]);
      expect(Array.from(rowOut.agents.subarray(8))).toEqual([-9, -9, -9, -9]);
    });

    it('models chat concurrency c as an effective handle time AHT / c', () => {
      const chat = solveOne({ ...A10, volume: 300, concurrency: 3 });
      const equivalent = solveOne({ ...A10, volume: 300, ahtSeconds: 60 });
      expect(chat.agents).toBe(equivalent.agents);
      expect(chat.agentsFractional).toBe(equivalent.agentsFractional);
      expect(chat.asaSeconds).toBe(equivalent.asaSeconds);
    });

    it('reads per-interval shrinkage and patience columns', () => {
      const out = outputs(2);
      solveStaffingBatch(
        {
          ...A10,
          model: 'erlang-a',
          volume: new Float64Array([100, 100]),
          shrinkage: new Float64Array([0.3, 0.5]),
          patienceSeconds: new Float64Array([300, 30]),
        },
        out,
      );
      expect(out.requiredWithShrinkage[0]).toBe(Math.ceil(out.agents[0] / 0.7 - 1e-9));
      expect(out.requiredWithShrinkage[1]).toBe(out.agents[1] * 2);
      expect(out.agents[1]).toBeLessThan(out.agents[0]); // impatient contacts abandon: fewer agents
    });

    it('stays finite and sane at 0.001 and 50,000 Erlangs', () => {
      const small = solveOne({ ...A10, intervalSeconds: 180_000, volume: 1, ahtSeconds: 180 });
      expect(small.agents).toBe(1);
      expect(small.serviceLevel).toBeGreaterThanOrEqual(0.8);
      const large = solveOne({ ...A10, intervalSeconds: 900, volume: 250_000, ahtSeconds: 180 });
      expect(large.agents).toBeGreaterThan(50_000);
      expect(large.agents).toBeLessThan(50_100);
      expect(large.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(large.agentsFractional).toBeGreaterThan(large.agents - 1);
      // Erlang A at 50,000 Erlangs: in this regime the offered wait concentrates near the
      // fluid value w with e^(−w/patience) = n/a, so fewer agents than the load meet 80/20.
      const largeA = solveOne({
        ...A10,
        model: 'erlang-a',
        patienceSeconds: 300,
        intervalSeconds: 900,
        volume: 250_000,
      });
      expect(largeA.agents).toBeLessThan(large.agents);
      const icmi = (agents: number): number => {
        const m = erlangA({
          agents,
          trafficErlangs: 50_000,
          ahtSeconds: 180,
          patienceSeconds: 300,
          thresholdSeconds: 20,
        });
        return m.answeredWithinThreshold + m.abandonedWithinThreshold;
      };
      expect(icmi(largeA.agents)).toBeGreaterThanOrEqual(0.8);
      expect(icmi(largeA.agents - 1)).toBeLessThan(0.8);
      expect(largeA.serviceLevel).toBeCloseTo(icmi(largeA.agents), 12);
    });
  });

  describe('validation', () => {
    it.each([
      [{ ...A10, goals: {} }, 'solveStaffingBatch requires at least one goal'],
      [
        { ...A10, goals: { maxAbandonRate: 0.05 } },
        'solveStaffingBatch requires the erlang-a model for maxAbandonRate',
      ],
      [
        { ...A10, thresholdSeconds: undefined },
        'solveStaffingBatch requires thresholdSeconds with serviceLevelTarget',
      ],
      [
        { ...A10, model: 'erlang-a' as const },
        'solveStaffingBatch requires patienceSeconds for the erlang-a model',
      ],
      [
        { ...A10, goals: { serviceLevelTarget: 80 } },
        'solveStaffingBatch requires serviceLevelTarget to be a finite number > 0 and <= 1',
      ],
      [
        { ...A10, model: 'erlang-b' as const },
        'solveStaffingBatch requires a queueing model (erlang-c or erlang-a) for serviceLevelTarget and maxAsaSeconds',
      ],
      [
        { ...A10, intervalSeconds: 0 },
        'solveStaffingBatch requires intervalSeconds to be a finite number > 0',
      ],
    ])('refuses %#', (input, message) => {
      expect(() => solveOne(input)).toThrow(new RangeError(message));
    });

    it('names the interval of an invalid value and writes nothing', () => {
      const out = outputs(3);
      out.agents.fill(-5);
      expect(() =>
        solveStaffingBatch({ ...A10, volume: new Float64Array([100, 50, -4]) }, out),
      ).toThrow(
        new RangeError(
          'solveStaffingBatch requires volume to be a finite number >= 0 at interval 2',
        ),
      );
      expect(Array.from(out.agents)).toEqual([-5, -5, -5]);
    });

    it('refuses output columns too short for the slice', () => {
      expect(() =>
        solveStaffingBatch(
          { ...A10, volume: new Float64Array([1, 2, 3]) },
          { agents: new Int32Array(2), binding: new Uint8Array(3) },
        ),
      ).toThrow(
        new RangeError('solveStaffingBatch requires agents to hold 3 intervals from index 0'),
      );
    });
  });
});
