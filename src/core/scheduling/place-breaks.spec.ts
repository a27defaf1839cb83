import { problemFromRules, testMipSolve } from '../../../test/support/scheduling-problems.js';
import type { MipSolve } from './mip-types.js';
import { placeBreaks } from './place-breaks.js';
import { scheduleGeometry } from './schedule-geometry.js';

let solve: MipSolve;
beforeAll(async () => {
  solve = await testMipSolve();
});

describe('placeBreaks', () => {
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
