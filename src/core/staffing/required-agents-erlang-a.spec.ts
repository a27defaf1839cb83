import { erlangA } from '../queueing/erlang-a.js';
import { requiredAgentsErlangA } from './required-agents-erlang-a.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';
import { SLOT_AGENTS, SLOT_BINDING, SLOT_FRACTIONAL } from './staffing-slots.js';
import { BINDING_CODES } from './staffing-types.js';
import { createStaffingWorkspace } from './staffing-workspace.js';

describe('requiredAgentsErlangA', () => {
  const request = (
    goals: { serviceLevelTarget?: number; maxAbandonRate?: number },
    patienceSeconds = 300,
  ) =>
    resolveStaffingRequest(
      'f',
      {
        model: 'erlang-a',
        intervalSeconds: 1800,
        volume: new Float64Array([100]),
        ahtSeconds: 180,
        patienceSeconds,
        thresholdSeconds: 20,
        serviceLevelDefinition: 'answered-within/offered',
        goals,
      },
      true,
    );

  it('finds the smallest n with answered-within-20 s ÷ offered ≥ 0.9 (the reference case: 14 agents give 0.916792)', () => {
    const workspace = createStaffingWorkspace();
    requiredAgentsErlangA(10, 180, 300, request({ serviceLevelTarget: 0.9 }), workspace);
    const n = workspace.result[SLOT_AGENTS];
    const at = (agents: number) =>
      erlangA({
        agents,
        trafficErlangs: 10,
        ahtSeconds: 180,
        patienceSeconds: 300,
        thresholdSeconds: 20,
      }).answeredWithinThreshold;
    expect(at(n)).toBeGreaterThanOrEqual(0.9);
    expect(at(n - 1)).toBeLessThan(0.9);
    expect(n).toBe(14);
    // Linear interpolation of the binding measure between n − 1 and n.
    expect(workspace.result[SLOT_FRACTIONAL]).toBeCloseTo(
      13 + (0.9 - at(13)) / (at(14) - at(13)),
      12,
    );
  });

  it('marks a zero abandon-rate goal infeasible', () => {
    const workspace = createStaffingWorkspace();
    requiredAgentsErlangA(10, 180, 300, request({ maxAbandonRate: 0 }), workspace);
    expect(workspace.result[SLOT_BINDING]).toBe(BINDING_CODES.infeasible);
  });

  it('can need no agents when short abandons count as good (ICMI) and patience is short', () => {
    const icmi = resolveStaffingRequest(
      'f',
      {
        model: 'erlang-a',
        intervalSeconds: 1800,
        volume: new Float64Array([100]),
        ahtSeconds: 180,
        patienceSeconds: 5,
        thresholdSeconds: 20,
        goals: { serviceLevelTarget: 0.9 },
      },
      true,
    );
    const workspace = createStaffingWorkspace();
    requiredAgentsErlangA(10, 180, 5, icmi, workspace);
    expect(workspace.result[SLOT_AGENTS]).toBe(0);
    expect(workspace.result[SLOT_BINDING]).toBe(BINDING_CODES.none);
  });
});
