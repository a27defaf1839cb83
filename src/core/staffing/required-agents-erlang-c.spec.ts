import { requiredAgentsErlangC } from './required-agents-erlang-c.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';
import {
  SLOT_AGENTS,
  SLOT_BINDING,
  SLOT_FRACTIONAL,
  SLOT_SERVICE_LEVEL,
} from './staffing-slots.js';
import { BINDING_CODES } from './staffing-types.js';
import { createStaffingWorkspace } from './staffing-workspace.js';

describe('requiredAgentsErlangC', () => {
  it('solves the A = 10, 80/20 interval: 14 agents, SL 0.8883500 (pyworkforce / R ErlangC), fractional ≈ 13.04', () => {
    const request = resolveStaffingRequest(
      'f',
      {
        model: 'erlang-c',
        intervalSeconds: 1800,
        volume: new Float64Array([100]),
        ahtSeconds: 180,
        thresholdSeconds: 20,
        goals: { serviceLevelTarget: 0.8 },
      },
      true,
    );
    const workspace = createStaffingWorkspace();
    requiredAgentsErlangC(10, 180, request, true, workspace);
    expect(workspace.result[SLOT_AGENTS]).toBe(14);
    expect(workspace.result[SLOT_BINDING]).toBe(BINDING_CODES['service-level']);
    expect(workspace.result[SLOT_SERVICE_LEVEL]).toBeCloseTo(0.88835, 7);
    expect(workspace.result[SLOT_FRACTIONAL]).toBeCloseTo(13.04, 2);
  });
});
