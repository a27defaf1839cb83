import { problemFromRules, testMipSolve } from '../../../test/support/scheduling-problems.js';
import { designShifts } from './design-shifts.js';
import type { MipSolve } from './mip-types.js';
import { scheduleGeometry } from './schedule-geometry.js';
import type { RosterAgent } from './scheduling-types.js';

let solve: MipSolve;
beforeAll(async () => {
  solve = await testMipSolve();
});

function flat(agents: number, from: number, to: number): Float64Array {
  const required = new Float64Array(48).fill(NaN);
  required.fill(agents, from, to);
  return required;
}

const limits = { timeLimitSeconds: 10, mipRelativeGap: 0 };

describe('designShifts', () => {
  it('3 agents 08–16 with 8 h shifts (a 15-min paid break): 3 shifts, objective 24 + the breaks’ shortfall', () => {
    // By hand: three 8 h shifts at 08:00 cover 3 agents except during breaks; each break takes
    // ½ agent off for ½ h (a quarter agent-hour under, cost 4 × 0.25 = 1). A fourth shift costs 8
    // paid hours to remove at most 3 × 1 = 3 of penalty: optimum 3 shifts, objective 24 + 3 = 27.
    const problem = problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: flat(3, 16, 32),
      shiftTypes: [
        {
          code: 'h8',
          lengthMinutes: 480,
          breaks: [
            {
              code: 'break',
              lengthMinutes: 15,
              earliestStartMinutes: 120,
              latestStartMinutes: 300,
              paid: true,
            },
          ],
        },
      ],
      startStepMinutes: 30,
      openMinute: 480,
      closeMinute: 960,
    });
    const design = designShifts(problem, scheduleGeometry(problem), solve, limits);
    expect([...design.counts]).toEqual([3]);
    expect(design.result.objective).toBeCloseTo(27, 9);
    expect(design.result.status).toBe('optimal');
  });

  it('caps the shifts of a day at the available named agents (2 of 3 agents available: 2 shifts)', () => {
    const agent = (available: number): RosterAgent => ({
      id: `a${available}`,
      minWeeklyMinutes: 0,
      maxWeeklyMinutes: 10_000,
      availableDays: Uint8Array.from([available]),
      blockedMinutes: [],
      lastShiftEndMinutes: null,
    });
    const problem = problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: flat(3, 16, 24),
      shiftTypes: [{ code: 'h4', lengthMinutes: 240, breaks: [] }],
      startStepMinutes: 30,
      openMinute: 480,
      closeMinute: 720,
      agents: [agent(1), agent(1), agent(0)],
    });
    const design = designShifts(problem, scheduleGeometry(problem), solve, limits);
    expect([...design.counts]).toEqual([2]);
    // 2 shifts × 4 h + 1 agent × 4 h under × 4 = 24.
    expect(design.result.objective).toBeCloseTo(24, 9);
  });
});
