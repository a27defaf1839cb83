import { problemFromRules } from '../../../test/support/scheduling-problems.js';
import { evaluateSchedule } from './evaluate-schedule.js';

describe('evaluateSchedule', () => {
  it('scores paid hours, under and over with the penalties; NaN intervals count neither', () => {
    // By hand: one 4 h shift 00:00–04:00 with an unpaid 30-min lunch at 01:00. Required 2 in
    // the first half-hour (1 under), 1 at 01:00 (the lunch: 1 under), NaN at 02:00 and 0 from
    // 04:00 on; on phones 1 elsewhere in the shift where required is 1. Paid 3.5 h; under 2 × ½ h
    // = 1 agent-hour; over: 03:30–04:00 required 0 → 1 × ½ h = 0.5 agent-hour.
    // Objective 3.5 + 4 × 1 + 0.1 × 0.5 = 7.55.
    const required = new Float64Array(48);
    required.set([2, 1, 1, 1, NaN, 1, 1, 0]);
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
              code: 'lunch',
              lengthMinutes: 30,
              earliestStartMinutes: 60,
              latestStartMinutes: 60,
              paid: false,
            },
          ],
        },
      ],
      startStepMinutes: 30,
      openMinute: 0,
      closeMinute: 1440,
    });
    const e = evaluateSchedule(
      problem,
      { candidate: Int32Array.from([0]) },
      {
        shift: Int32Array.from([0]),
        rule: Int32Array.from([0]),
        startMinutes: Int32Array.from([60]),
      },
    );
    expect(e.totals).toEqual({
      paidHours: 3.5,
      underAgentHours: 1,
      overAgentHours: 0.5,
      intervalsUnder: 2,
    });
    expect(e.objective).toBeCloseTo(7.55, 12);
    expect(Number.isNaN(e.underAgents[4])).toBe(true);
    expect(Number.isNaN(e.overAgents[4])).toBe(true);
  });
});
