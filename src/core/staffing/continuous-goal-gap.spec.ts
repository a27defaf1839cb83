import { erlangB } from '../queueing/erlang-b.js';
import { erlangC } from '../queueing/erlang-c.js';
import { erlangCServiceLevel } from '../queueing/erlang-c-service-level.js';
import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { continuousGoalGap } from './continuous-goal-gap.js';
import { GOAL_ASA, GOAL_BLOCKING, GOAL_OCCUPANCY, GOAL_SERVICE_LEVEL } from './staffing-slots.js';

describe('continuousGoalGap', () => {
  const base = { trafficErlangs: 10, ahtSeconds: 180, thresholdSeconds: 20 };

  it('is ln(1 − SL) − ln(1 − target) for the service level', () => {
    const gap = continuousGoalGap(14, inverseErlangB(14, 10), {
      ...base,
      goal: GOAL_SERVICE_LEVEL,
      level: Math.log(0.2),
    });
    expect(gap).toBeCloseTo(Math.log(1 - erlangCServiceLevel(14, 10, 180, 20)) - Math.log(0.2), 13);
  });

  it('is ln(ASA) − ln(max ASA) for the ASA (level ln(max/AHT))', () => {
    const gap = continuousGoalGap(13.5, inverseErlangB(13.5, 10), {
      ...base,
      goal: GOAL_ASA,
      level: Math.log(8 / 180),
    });
    expect(gap).toBeCloseTo(Math.log((erlangC(13.5, 10) * 180) / 3.5) - Math.log(8), 13);
  });

  it('is ln B − ln(max) for blocking and carried occupancy − max for Erlang B occupancy', () => {
    const inverse = inverseErlangB(16.5, 10);
    expect(
      continuousGoalGap(16.5, inverse, { ...base, goal: GOAL_BLOCKING, level: Math.log(0.02) }),
    ).toBeCloseTo(Math.log(erlangB(16.5, 10) / 0.02), 13);
    expect(
      continuousGoalGap(16.5, inverse, { ...base, goal: GOAL_OCCUPANCY, level: 0.5 }),
    ).toBeCloseTo((10 * (1 - erlangB(16.5, 10))) / 16.5 - 0.5, 14);
  });
});
