import { erlangCServiceLevel } from '../queueing/erlang-c-service-level.js';
import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { continuousGoalGap } from './continuous-goal-gap.js';
import { fractionalAgents } from './fractional-agents.js';
import { GOAL_BLOCKING, GOAL_SERVICE_LEVEL } from './staffing-slots.js';
import { createStaffingWorkspace } from './staffing-workspace.js';

describe('fractionalAgents', () => {
  const workspace = createStaffingWorkspace();
  const context = workspace.context;

  function fillPoints(from: number, to: number): number {
    let count = 0;
    for (let x = from; x <= to; x++) {
      workspace.points[count] = x;
      workspace.points[8 + count] = continuousGoalGap(
        x,
        inverseErlangB(x, context.trafficErlangs),
        context,
      );
      count += 1;
    }
    return count;
  }

  it('finds 13.0372 for the A = 10, 80/20 case, where the continuous SL is 0.8 to 1e-10', () => {
    Object.assign(context, {
      goal: GOAL_SERVICE_LEVEL,
      trafficErlangs: 10,
      ahtSeconds: 180,
      thresholdSeconds: 20,
      level: Math.log(0.2),
    });
    const x = fractionalAgents(context, 13, 14, workspace.points, fillPoints(11, 15));
    expect(x).toBeCloseTo(13.0372, 4);
    expect(Math.abs(erlangCServiceLevel(x, 10, 180, 20) - 0.8)).toBeLessThan(1e-10);
  });

  it('works from the bracket alone (no interpolation points), by bisection and secants', () => {
    Object.assign(context, {
      goal: GOAL_BLOCKING,
      trafficErlangs: 10,
      ahtSeconds: 1,
      thresholdSeconds: 0,
      level: Math.log(0.02),
    });
    const x = fractionalAgents(context, 16, 17, workspace.points, 0);
    expect(Math.abs(1 / inverseErlangB(x, 10) - 0.02)).toBeLessThan(1e-12);
  });

  it('returns an integer point whose gap is exactly 0', () => {
    workspace.points[0] = 13;
    workspace.points[8] = 0;
    workspace.points[1] = 14;
    workspace.points[9] = -1;
    expect(fractionalAgents(context, 12, 14, workspace.points, 2)).toBe(13);
  });
});
