import { testMipSolve } from '../../../test/support/scheduling-problems.js';
import type { MipSolve } from './mip-types.js';
import { rosterShifts } from './roster-shifts.js';
import { scheduleGeometry } from './schedule-geometry.js';
import type { RosterAgent, SchedulingProblem } from './scheduling-types.js';

let solve: MipSolve;
beforeAll(async () => {
  solve = await testMipSolve();
});

/** A problem with 8 h shifts (no breaks) at the given (day, start hour) candidates. */
function problem(
  dayCount: number,
  starts: [number, number][],
  agents: RosterAgent[],
  minRestMinutes = 660,
  minDaysOffPerWeek = 2,
): SchedulingProblem {
  return {
    intervalMinutes: 30,
    requiredAgents: new Float64Array(dayCount * 48).fill(NaN),
    dayCount,
    shiftTypes: [{ code: 'h8', lengthMinutes: 480, breaks: [] }],
    candidates: {
      type: new Int32Array(starts.length),
      startMinutes: Int32Array.from(starts.map(([d, h]) => d * 1440 + h * 60)),
      day: Int32Array.from(starts.map(([d]) => d)),
      late: Uint8Array.from(starts.map(([, h]) => (h + 8 > 20 ? 1 : 0))),
      weekend: new Uint8Array(starts.length),
    },
    penalties: { underPerAgentHour: 4, overPerAgentHour: 0.1 },
    agents,
    roster: { minRestMinutes, minDaysOffPerWeek },
    limits: { timeLimitSeconds: 10, mipRelativeGap: 0 },
  };
}

function agent(dayCount: number, overrides: Partial<RosterAgent> = {}): RosterAgent {
  return {
    id: 'a',
    minWeeklyMinutes: 0,
    maxWeeklyMinutes: 10_000,
    availableDays: new Uint8Array(dayCount).fill(1),
    blockedMinutes: [],
    lastShiftEndMinutes: null,
    ...overrides,
  };
}

function roster(p: SchedulingProblem, shifts: number[]): Int32Array {
  return rosterShifts(p, scheduleGeometry(p), Int32Array.from(shifts), solve, p.limits).agent;
}

describe('rosterShifts', () => {
  it('gives the shift to the agent available that day', () => {
    const p = problem(1, [[0, 8]], [agent(1, { availableDays: Uint8Array.from([0]) }), agent(1)]);
    expect([...roster(p, [0])]).toEqual([1]);
  });

  it('keeps 11 h of rest: 14–22 then 07–15 next day is 9 h, one stays open; with 8 h of rest both are taken', () => {
    const starts: [number, number][] = [
      [0, 14],
      [1, 7],
    ];
    expect([...roster(problem(2, starts, [agent(2)]), [0, 1])].sort()).toEqual([-1, 0]);
    expect([...roster(problem(2, starts, [agent(2)], 480), [0, 1])]).toEqual([0, 0]);
  });

  it('counts the rest from the last shift before the horizon, and avoids blocked time', () => {
    // Last shift ended 22:00 the day before (minute −120): a 07:00 start (minute 420) leaves 9 h.
    expect([
      ...roster(problem(1, [[0, 7]], [agent(1, { lastShiftEndMinutes: -120 })]), [0]),
    ]).toEqual([-1]);
    expect([
      ...roster(problem(1, [[0, 7]], [agent(1, { lastShiftEndMinutes: -300 })]), [0]),
    ]).toEqual([0]);
    expect([
      ...roster(problem(1, [[0, 8]], [agent(1, { blockedMinutes: [[600, 660]] })]), [0]),
    ]).toEqual([-1]);
  });

  it('respects the weekly maximum and the days off: 7 daily shifts, 2 days off → 5 taken', () => {
    expect([...roster(problem(1, [[0, 8]], [agent(1, { maxWeeklyMinutes: 300 })]), [0])]).toEqual([
      -1,
    ]);
    const week = problem(
      7,
      [0, 1, 2, 3, 4, 5, 6].map((d) => [d, 8] as [number, number]),
      [agent(7)],
    );
    const agents = roster(week, [0, 1, 2, 3, 4, 5, 6]);
    expect([...agents].filter((a) => a === 0).length).toBe(5);
  });

  it('spreads late shifts fairly: two agents, a late and an early shift each day → one late each', () => {
    // By hand (rest 10 h): day 0 early 08–16 (c0) and late 14–22 (c1), day 1 the same (c2, c3).
    // Both agents can take any pattern; without fairness "A: both lates, B: both earlies" costs
    // the same as "A: late then early, B: early then late". The max deviation from the mean
    // (1 late each) is 1 for the first and 0 for the second, so the solver must choose it.
    const p = problem(
      2,
      [
        [0, 8],
        [0, 14],
        [1, 8],
        [1, 14],
      ],
      [agent(2), agent(2)],
      600,
    );
    const agents = roster(p, [0, 1, 2, 3]);
    const lates = [0, 0];
    for (let s = 0; s < 4; s++) if (p.candidates.late[s]) lates[agents[s]]++;
    expect(lates).toEqual([1, 1]);
    expect([...agents].includes(-1)).toBe(false);
  });

  it('fills a shortfall below the weekly minimum before anything else (min-hours slack is penalised)', () => {
    // A week, two 8 h shifts on different days; agent 0 has no minimum, agent 1 needs 16 h a
    // week: any other assignment leaves agent 1 short (cost 10 per hour), so agent 1 takes both.
    const p = problem(
      7,
      [
        [0, 8],
        [1, 8],
      ],
      [agent(7), agent(7, { minWeeklyMinutes: 960 })],
    );
    const result = rosterShifts(p, scheduleGeometry(p), Int32Array.from([0, 1]), solve, p.limits);
    expect([...result.agent]).toEqual([1, 1]);
    expect(result.report.status).toBe('optimal');
  });
});

describe('rosterShifts on a horizon too large for one program', () => {
  it('solves block by block, carrying the rest over, or greedily when a block is too large', () => {
    // Two weeks, one agent, an 8 h shift 14–22 on day 6 and one 07–15 on day 7 (the next
    // block): 9 h apart, so with 11 h of rest only one can be the agent's, whichever way the
    // horizon is cut.
    const p = problem(
      14,
      [
        [6, 14],
        [7, 7],
        [8, 8],
      ],
      [agent(14)],
    );
    const whole = rosterShifts(p, scheduleGeometry(p), Int32Array.from([0, 1, 2]), solve, p.limits);
    const blocks = rosterShifts(
      p,
      scheduleGeometry(p),
      Int32Array.from([0, 1, 2]),
      solve,
      p.limits,
      2,
    );
    const greedy = rosterShifts(
      p,
      scheduleGeometry(p),
      Int32Array.from([0, 1, 2]),
      solve,
      p.limits,
      0,
    );
    for (const r of [whole, blocks, greedy]) {
      expect(r.agent[0] >= 0 && r.agent[1] >= 0).toBe(false);
      expect(r.agent[2]).toBe(0);
    }
    expect(blocks.report.status).toBe('optimal');
    expect(greedy.report.status).toBe('greedy');
    expect(Number.isNaN(greedy.report.bound)).toBe(true);
  });
});
