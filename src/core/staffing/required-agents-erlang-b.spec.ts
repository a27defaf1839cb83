import { requiredAgentsErlangB } from './required-agents-erlang-b.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';
import { SLOT_AGENTS, SLOT_BINDING } from './staffing-slots.js';
import { BINDING_CODES } from './staffing-types.js';
import { createStaffingWorkspace } from './staffing-workspace.js';

describe('requiredAgentsErlangB', () => {
  const request = (goals: { maxBlocking?: number; maxOccupancy?: number }) =>
    resolveStaffingRequest(
      'f',
      {
        model: 'erlang-b',
        intervalSeconds: 1,
        volume: new Float64Array([10]),
        ahtSeconds: 1,
        goals,
      },
      true,
    );

  it('finds 17 lines for 2 % at 10 Erlangs (Erlang B tables)', () => {
    const workspace = createStaffingWorkspace();
    requiredAgentsErlangB(10, request({ maxBlocking: 0.02 }), false, workspace);
    expect(workspace.result[SLOT_AGENTS]).toBe(17);
    expect(workspace.result[SLOT_BINDING]).toBe(BINDING_CODES.blocking);
  });

  it('needs 0 lines when a blocking of 1 is allowed', () => {
    const workspace = createStaffingWorkspace();
    requiredAgentsErlangB(10, request({ maxBlocking: 1 }), true, workspace);
    expect(workspace.result[SLOT_AGENTS]).toBe(0);
    expect(workspace.result[SLOT_BINDING]).toBe(BINDING_CODES.none);
  });
});
