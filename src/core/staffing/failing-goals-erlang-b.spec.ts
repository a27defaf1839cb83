import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { failingGoalsErlangB } from './failing-goals-erlang-b.js';
import { GOAL_BLOCKING, GOAL_OCCUPANCY } from './staffing-slots.js';

describe('failingGoalsErlangB', () => {
  const goals = GOAL_BLOCKING | GOAL_OCCUPANCY;

  it('16 lines miss 2 % blocking at 10 Erlangs, 17 meet it (Erlang B tables)', () => {
    expect(failingGoalsErlangB(16, 10, inverseErlangB(16, 10), goals, 0.02, 1)).toBe(GOAL_BLOCKING);
    expect(failingGoalsErlangB(17, 10, inverseErlangB(17, 10), goals, 0.02, 1)).toBe(0);
  });

  it('checks carried occupancy, missed with no lines', () => {
    expect(failingGoalsErlangB(17, 10, inverseErlangB(17, 10), GOAL_OCCUPANCY, 1, 0.5)).toBe(
      GOAL_OCCUPANCY,
    );
    expect(failingGoalsErlangB(0, 10, 1, GOAL_OCCUPANCY, 1, 0.5)).toBe(GOAL_OCCUPANCY);
  });
});
