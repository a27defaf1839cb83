import { randomProblem, violations } from '../../../test/support/scheduling-problems.js';
import { breaksFromPatterns } from './breaks-from-patterns.js';
import { evaluateSchedule } from './evaluate-schedule.js';
import { greedyRoster } from './greedy-roster.js';
import { greedySchedule } from './greedy-schedule.js';
import { scheduleGeometry } from './schedule-geometry.js';

describe('greedyRoster', () => {
  it.each([51, 52, 53, 54])(
    'seed %i: the greedy design, rostered greedily, obeys every roster rule',
    (seed) => {
      const problem = randomProblem(seed, true);
      const geometry = scheduleGeometry(problem);
      const design = greedySchedule(problem, geometry);
      const agent = greedyRoster(problem, geometry, design.candidate);
      const breaks = breaksFromPatterns(problem, geometry, design.candidate, design.pattern);
      const evaluation = evaluateSchedule(problem, design, breaks);
      const open = [...agent].filter((a) => a < 0).length;
      const solution = {
        shifts: { candidate: design.candidate, agent },
        breaks,
        onPhoneAgents: evaluation.onPhoneAgents,
        underAgents: evaluation.underAgents,
        overAgents: evaluation.overAgents,
        totals: { ...evaluation.totals, unassignedShifts: open },
        stages: { design: null, roster: null, breaks: null },
      } as unknown as Parameters<typeof violations>[1];
      expect(violations(problem, solution)).toEqual([]);
      expect(open).toBeLessThan(design.candidate.length);
    },
  );
});
