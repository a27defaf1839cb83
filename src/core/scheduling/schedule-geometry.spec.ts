import { randomProblem } from '../../../test/support/scheduling-problems.js';
import { scheduleGeometry } from './schedule-geometry.js';

describe('scheduleGeometry', () => {
  it('pays length minus unpaid breaks, counts available agents per day, the capacity of a short last block', () => {
    const problem = { ...randomProblem(21, true), dayCount: 9 };
    problem.agents = problem.agents.map((a) => ({
      ...a,
      availableDays: new Uint8Array(9).fill(1),
      maxWeeklyMinutes: 2100,
    }));
    problem.requiredAgents = new Float64Array(9 * 48);
    const g = scheduleGeometry(problem);
    for (let c = 0; c < problem.candidates.type.length; c++) {
      const type = problem.shiftTypes[problem.candidates.type[c]];
      expect(g.paidMinutes[c]).toBe(
        type.lengthMinutes -
          type.breaks.filter((r) => !r.paid).reduce((x, r) => x + r.lengthMinutes, 0),
      );
    }
    expect([...g.dayCapacity]).toEqual(new Array(9).fill(problem.agents.length));
    expect([...g.blockDays]).toEqual([7, 2]);
    expect(g.blockPaidMinutesCapacity[1]).toBe(problem.agents.length * 2100);
    // 2 days, ⌊2 × 2 ÷ 7⌋ = 0 days off: 2 shifts per agent.
    expect(g.blockShiftCapacity[1]).toBe(problem.agents.length * 2);
  });

  it('has no capacity limit without named agents', () => {
    const g = scheduleGeometry(randomProblem(22, false));
    expect(g.dayCapacity.every((v) => v === Infinity)).toBe(true);
  });
});
