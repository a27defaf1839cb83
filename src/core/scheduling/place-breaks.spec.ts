import { problemFromRules, testMipSolve } from '../../../test/support/scheduling-problems.js';
import type { MipSolve } from './mip-types.js';
import { placeBreaks } from './place-breaks.js';
import { scheduleGeometry } from './schedule-geometry.js';

let solve: MipSolve;
beforeAll(async () => {
  solve = await testMipSolve();
});

describe('placeBreaks', () => {
  /** Two 4 h shifts at 08:00, a 30-min break 60–120 min in; required 2, but 1 at 09:00 and 10:00. */
  function staggerProblem() {
    const required = new Float64Array(48).fill(NaN);
    required.fill(2, 16, 24);
    required[18] = 1;
    required[20] = 1;
    return problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: required,
      shiftTypes: [
        {
          code: 'h4',
          lengthMinutes: 240,
          breaks: [
            {
              code: 'break',
              lengthMinutes: 30,
              earliestStartMinutes: 60,
              latestStartMinutes: 120,
              paid: true,
            },
          ],
        },
      ],
      startStepMinutes: 30,
      openMinute: 480,
      closeMinute: 720,
    });
  }

  it('keeps its heuristic placement when the solver answers nothing (by hand: 09:00, then 10:00)', () => {
    // The first shift's break goes where it lowers the cost most: 09:00 (over 1 → 0; 10:00 ties,
    // the earlier option wins); the second's then 10:00 (09:00 would leave an agent under).
    const problem = staggerProblem();
    const geometry = scheduleGeometry(problem);
    const nothing = () => ({
      status: 'time-limit' as const,
      hasSolution: false,
      objective: NaN,
      bound: -Infinity,
      gap: NaN,
      solveSeconds: 0,
      variables: 0,
      constraints: 0,
      values: new Map<string, number>(),
    });
    const placement = placeBreaks(problem, geometry, Int32Array.from([2]), nothing, problem.limits);
    expect([...placement.shifts.pattern].map((q) => geometry.types[0].patterns[q][0])).toEqual([
      60, 120,
    ]);
    expect(placement.results[0].status).toBe('time-limit');
  });

  it('staggers the breaks of identical shifts into the half-hours where the requirement dips', () => {
    // By hand: two 4 h shifts at 08:00 with a 30-min break starting 60–120 min in (09:00, 09:30
    // or 10:00). Required 2 except 1 at 09:00 and at 10:00: breaks at 09:00 and 10:00 give zero
    // under and over (objective 0); any other placement leaves an agent under for ½ h.
    const required = new Float64Array(48).fill(NaN);
    required.fill(2, 16, 24);
    required[18] = 1;
    required[20] = 1;
    const problem = problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: required,
      shiftTypes: [
        {
          code: 'h4',
          lengthMinutes: 240,
          breaks: [
            {
              code: 'break',
              lengthMinutes: 30,
              earliestStartMinutes: 60,
              latestStartMinutes: 120,
              paid: true,
            },
          ],
        },
      ],
      startStepMinutes: 30,
      openMinute: 480,
      closeMinute: 720,
    });
    const geometry = scheduleGeometry(problem);
    const placement = placeBreaks(problem, geometry, Int32Array.from([2]), solve, problem.limits);
    const offsets = [...placement.shifts.pattern]
      .map((q) => geometry.types[0].patterns[q][0])
      .sort((a, b) => a - b);
    expect(offsets).toEqual([60, 120]);
    expect(placement.results[0].objective).toBeCloseTo(0, 9);
  });
});
