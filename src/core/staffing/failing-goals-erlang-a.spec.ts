import { failingGoalsErlangA } from './failing-goals-erlang-a.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';
import {
  GOAL_ABANDON_RATE,
  GOAL_ASA,
  GOAL_OCCUPANCY,
  GOAL_SERVICE_LEVEL,
} from './staffing-slots.js';

describe('failingGoalsErlangA', () => {
  const request = resolveStaffingRequest(
    'f',
    {
      model: 'erlang-a',
      intervalSeconds: 1800,
      volume: new Float64Array([100]),
      ahtSeconds: 180,
      patienceSeconds: 300,
      thresholdSeconds: 20,
      goals: {
        serviceLevelTarget: 0.8,
        maxAsaSeconds: 10,
        maxAbandonRate: 0.02,
        maxOccupancy: 0.8,
      },
    },
    true,
  );

  it('reads the block: wait, abandon, ASA, mean wait, within-t shares, occupancy, SL', () => {
    const block = new Float64Array([0.2, 0.01, 5, 3, 0.8, 0.01, 0.7, 0.85]);
    expect(failingGoalsErlangA(block, 0, request)).toBe(0);
    block[7] = 0.79;
    block[1] = 0.03;
    expect(failingGoalsErlangA(block, 0, request)).toBe(GOAL_SERVICE_LEVEL | GOAL_ABANDON_RATE);
  });

  it('counts NaN measures (0 agents) as missed', () => {
    const block = new Float64Array([1, 1, NaN, 300, 0, 0.06, NaN, 0.06]);
    expect(failingGoalsErlangA(block, 0, request)).toBe(
      GOAL_SERVICE_LEVEL | GOAL_ASA | GOAL_ABANDON_RATE | GOAL_OCCUPANCY,
    );
  });
});
