import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { failingGoalsErlangC } from './failing-goals-erlang-c.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';
import { GOAL_ASA, GOAL_OCCUPANCY, GOAL_SERVICE_LEVEL, GOAL_STABILITY } from './staffing-slots.js';

describe('failingGoalsErlangC', () => {
  const request = resolveStaffingRequest(
    'f',
    {
      model: 'erlang-c',
      intervalSeconds: 1800,
      volume: new Float64Array([100]),
      ahtSeconds: 180,
      thresholdSeconds: 20,
      goals: { serviceLevelTarget: 0.8, maxAsaSeconds: 8, maxOccupancy: 0.7 },
    },
    true,
  );
  const decay = (n: number): number => Math.exp((-(n - 10) * 20) / 180);

  it('A = 10: 13 agents miss service level (0.79), ASA and occupancy; 14 miss only occupancy; 15 meet all', () => {
    expect(failingGoalsErlangC(13, 10, 180, inverseErlangB(13, 10), decay(13), request)).toBe(
      GOAL_SERVICE_LEVEL | GOAL_ASA | GOAL_OCCUPANCY,
    );
    expect(failingGoalsErlangC(14, 10, 180, inverseErlangB(14, 10), decay(14), request)).toBe(
      GOAL_OCCUPANCY,
    );
    expect(failingGoalsErlangC(15, 10, 180, inverseErlangB(15, 10), decay(15), request)).toBe(0);
  });

  it('misses stability and every queue goal when overloaded', () => {
    expect(failingGoalsErlangC(10, 10, 180, 1, 1, request)).toBe(
      GOAL_STABILITY | GOAL_SERVICE_LEVEL | GOAL_ASA | GOAL_OCCUPANCY,
    );
  });
});
