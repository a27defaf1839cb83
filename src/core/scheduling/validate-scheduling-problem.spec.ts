import { randomProblem } from '../../../test/support/scheduling-problems.js';
import { validateSchedulingProblem } from './validate-scheduling-problem.js';

describe('validateSchedulingProblem', () => {
  const good = randomProblem(41, true);

  it('accepts a well-formed problem', () => {
    expect(() => validateSchedulingProblem(good)).not.toThrow();
  });

  it('names the first fault in one grammar', () => {
    expect(() => validateSchedulingProblem({ ...good, intervalMinutes: 0 })).toThrow(
      'solveSchedule requires intervalMinutes greater than 0',
    );
    expect(() =>
      validateSchedulingProblem({
        ...good,
        candidates: { ...good.candidates, day: new Int32Array(1) },
      }),
    ).toThrow('solveSchedule requires candidate columns of equal length');
    expect(() =>
      validateSchedulingProblem({
        ...good,
        penalties: { underPerAgentHour: -1, overPerAgentHour: 0 },
      }),
    ).toThrow(RangeError);
    expect(() =>
      validateSchedulingProblem({
        ...good,
        agents: [{ ...good.agents[0], availableDays: new Uint8Array(good.dayCount + 1) }],
      }),
    ).toThrow(/availableDays/);
  });
});
