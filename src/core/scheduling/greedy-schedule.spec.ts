import { problemFromRules, randomProblem } from '../../../test/support/scheduling-problems.js';
import { greedySchedule } from './greedy-schedule.js';
import { scheduleGeometry } from './schedule-geometry.js';

describe('greedySchedule', () => {
  it('covers a flat requirement of 1 over 4 h with the one 4 h shift (by hand: the only improving move)', () => {
    const required = new Float64Array(48).fill(NaN);
    required.fill(1, 16, 24);
    const problem = problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: required,
      shiftTypes: [{ code: 'h4', lengthMinutes: 240, breaks: [] }],
      startStepMinutes: 30,
      openMinute: 480,
      closeMinute: 720,
    });
    const g = greedySchedule(problem, scheduleGeometry(problem));
    expect([...g.candidate]).toEqual([0]);
  });

  it('adds nothing when a shift costs more than the shortfall it removes', () => {
    // Required 1 in one half-hour: a 4 h shift costs 4 paid hours + 0.1 × 3.5 over, the shortfall
    // costs 4 × ½ = 2: the greedy gives the interval up.
    const required = new Float64Array(48).fill(NaN);
    required[16] = 1;
    const problem = problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: required,
      shiftTypes: [{ code: 'h4', lengthMinutes: 240, breaks: [] }],
      startStepMinutes: 30,
      openMinute: 480,
      closeMinute: 720,
    });
    expect(greedySchedule(problem, scheduleGeometry(problem)).candidate.length).toBe(0);
  });

  it('keeps at most the available agents per day', () => {
    const problem = randomProblem(5, true);
    const g = greedySchedule(problem, scheduleGeometry(problem));
    for (let d = 0; d < problem.dayCount; d++) {
      const used = [...g.candidate].filter((c) => problem.candidates.day[c] === d).length;
      expect(used).toBeLessThanOrEqual(problem.agents.filter((a) => a.availableDays[d]).length);
    }
    expect(g.candidate.length).toBeGreaterThan(0);
  });
});
