import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { resolveContinuousBinding } from './resolve-continuous-binding.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';
import {
  GOAL_ASA,
  GOAL_OCCUPANCY,
  GOAL_SERVICE_LEVEL,
  GOAL_STABILITY,
  SLOT_BINDING,
  SLOT_FRACTIONAL,
} from './staffing-slots.js';
import { BINDING_CODES } from './staffing-types.js';
import { createStaffingWorkspace } from './staffing-workspace.js';

describe('resolveContinuousBinding', () => {
  const request = resolveStaffingRequest(
    'f',
    {
      model: 'erlang-c',
      intervalSeconds: 1800,
      volume: new Float64Array([100]),
      ahtSeconds: 180,
      thresholdSeconds: 20,
      goals: { serviceLevelTarget: 0.8, maxAsaSeconds: 20, maxOccupancy: 0.7 },
    },
    true,
  );
  const workspace = createStaffingWorkspace();

  it('picks the missed goal with the largest continuous requirement', () => {
    // At 14 agents with 13 missing SL and occupancy: occupancy needs 14.29, SL 13.04.
    resolveContinuousBinding(
      GOAL_SERVICE_LEVEL | GOAL_OCCUPANCY,
      15,
      inverseErlangB(15, 10),
      10,
      180,
      request,
      false,
      workspace,
    );
    expect(workspace.result[SLOT_BINDING]).toBe(BINDING_CODES.occupancy);
    expect(workspace.result[SLOT_FRACTIONAL]).toBeCloseTo(10 / 0.7, 12);
  });

  it('skips the fractional solve for a single missed goal when no fractional column is wanted', () => {
    resolveContinuousBinding(
      GOAL_ASA,
      14,
      inverseErlangB(14, 10),
      10,
      180,
      request,
      false,
      workspace,
    );
    expect(workspace.result[SLOT_BINDING]).toBe(BINDING_CODES.asa);
    expect(workspace.result[SLOT_FRACTIONAL]).toBeNaN();
  });

  it('reports stability when only stability is missed', () => {
    resolveContinuousBinding(
      GOAL_STABILITY,
      11,
      inverseErlangB(11, 10),
      10,
      180,
      request,
      true,
      workspace,
    );
    expect(workspace.result[SLOT_BINDING]).toBe(BINDING_CODES.stability);
    expect(workspace.result[SLOT_FRACTIONAL]).toBe(10);
  });
});
