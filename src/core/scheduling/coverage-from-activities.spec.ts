import { problemFromRules } from '../../../test/support/scheduling-problems.js';
import { coverageFromActivities } from './coverage-from-activities.js';

describe('coverageFromActivities', () => {
  const problem = problemFromRules({
    intervalMinutes: 30,
    dayCount: 1,
    requiredAgents: new Float64Array(48),
    shiftTypes: [
      {
        code: 'h4',
        lengthMinutes: 240,
        breaks: [
          {
            code: 'break',
            lengthMinutes: 15,
            earliestStartMinutes: 60,
            latestStartMinutes: 120,
            paid: true,
          },
        ],
      },
    ],
    startStepMinutes: 30,
    openMinute: 0,
    closeMinute: 1440,
  });

  it('adds one agent per shift minute and removes the break minutes (a 15-min break: ½ of its interval)', () => {
    // Candidate 0 starts at minute 0 (08 half-hours), candidate 1 at 30; a break at minute 60.
    const on = coverageFromActivities(
      problem,
      { candidate: Int32Array.from([0, 1]) },
      {
        shift: Int32Array.from([0]),
        rule: Int32Array.from([0]),
        startMinutes: Int32Array.from([60]),
      },
    );
    expect([...on.subarray(0, 10)]).toEqual([1, 2, 1.5, 2, 2, 2, 2, 2, 1, 0]);
  });

  it('overwrites the output it is given', () => {
    const out = new Float64Array(48).fill(7);
    coverageFromActivities(
      problem,
      { candidate: new Int32Array(0) },
      { shift: new Int32Array(0), rule: new Int32Array(0), startMinutes: new Int32Array(0) },
      out,
    );
    expect(out.every((v) => v === 0)).toBe(true);
  });
});
