import {
  problemFromRules,
  randomProblem,
  testMipSolve,
  violations,
} from '../../../test/support/scheduling-problems.js';
import { breaksFromPatterns } from './breaks-from-patterns.js';
import { evaluateSchedule } from './evaluate-schedule.js';
import { greedySchedule } from './greedy-schedule.js';
import type { MipSolve } from './mip-types.js';
import { scheduleGeometry } from './schedule-geometry.js';
import type { SchedulingProblem, ShiftType } from './scheduling-types.js';
import { solveSchedule } from './solve-schedule.js';

let solve: MipSolve;
beforeAll(async () => {
  solve = await testMipSolve();
});

/** One day of 30-minute intervals, NaN (no requirement) except `values` from `fromHour` on. */
function oneDay(fromHour: number, values: number[]): Float64Array {
  const required = new Float64Array(48).fill(NaN);
  values.forEach((v, i) => (required[fromHour * 2 + i] = v));
  return required;
}

const plain = (hours: number): ShiftType => ({
  code: `h${hours}`,
  lengthMinutes: hours * 60,
  breaks: [],
});

describe('solveSchedule: optima known by hand', () => {
  it('2 agents 08–12 and 1 agent 12–16, 8 h and 4 h shifts on the hour: objective 12', () => {
    // By hand: any schedule has paid hours ≥ agent-hours on the phones, and on-phone + under ≥
    // required in every interval, so objective ≥ Σ required × ½ h = 2·4 + 1·4 = 12 (the under
    // penalty 4 ≥ 1). An 8 h shift at 08:00 and a 4 h shift at 08:00 reach 12 with no under or
    // over, so 12 is the optimum.
    const problem = problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: oneDay(8, [2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1]),
      shiftTypes: [plain(8), plain(4)],
      startStepMinutes: 60,
      openMinute: 8 * 60,
      closeMinute: 16 * 60,
    });
    const solution = solveSchedule(problem, solve);
    expect(violations(problem, solution)).toEqual([]);
    expect(solution.totals.paidHours).toBe(12);
    expect(solution.totals.underAgentHours).toBe(0);
    expect(solution.totals.overAgentHours).toBe(0);
    expect(solution.stages.design.objective).toBeCloseTo(12, 9);
    expect(solution.stages.design.status).toBe('optimal');
    expect(solution.stages.design.bound).toBeCloseTo(12, 6);
  });

  it('1 agent 08–13, 6 h or 4 h shifts: the 6 h shift at penalty 4 (objective 6.1), a 4 h shift and 1 h under at penalty 1.5 (objective 5.5)', () => {
    // By hand, candidates 4 h at 08–10 and 6 h at 08 (close 14:00); required 1 for 08–13 and 0
    // (known: over counts) for 13–14. Penalty under 4, over 0.1:
    // 6 h at 08 → 6 paid + 0.1 × 1 agent-hour over = 6.1; 4 h at 08 → 4 + 4 × 1 h under = 8;
    // two 4 h → ≥ 8; nothing → 20. Optimum 6.1. With under penalty 1.5: 4 h at 08 or 09 →
    // 4 + 1.5 = 5.5 < 6.1 (6 h) < 7.5 (nothing, 5 h under), optimum 5.5 (1 agent-hour under).
    const rules = {
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: oneDay(8, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]),
      shiftTypes: [plain(4), plain(6)],
      startStepMinutes: 60,
      openMinute: 8 * 60,
      closeMinute: 14 * 60,
    };
    const strict = solveSchedule(problemFromRules(rules), solve);
    expect(strict.stages.design.objective).toBeCloseTo(6.1, 9);
    expect(strict.totals.paidHours).toBe(6);
    expect(strict.totals.overAgentHours).toBe(1);
    const lenient = solveSchedule(problemFromRules({ ...rules, underPerAgentHour: 1.5 }), solve);
    expect(lenient.stages.design.objective).toBeCloseTo(5.5, 9);
    expect(lenient.totals.paidHours).toBe(4);
    expect(lenient.totals.underAgentHours).toBe(1);
    // And where the hour after 13:00 has no requirement (NaN), the 6 h shift's extra hour is not
    // counted as over: objective 6.
    const unknown = solveSchedule(
      problemFromRules({ ...rules, requiredAgents: oneDay(8, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]) }),
      solve,
    );
    expect(unknown.stages.design.objective).toBeCloseTo(6, 9);
    expect(unknown.totals.overAgentHours).toBe(0);
  });

  it('a 15-minute break in a 30-minute grid goes where the requirement dips to ½: objective 4', () => {
    // By hand: one 4 h shift 08–12 (the only candidate), a paid 15-min break starting 60–120 min
    // in (09:00, 09:30 or 10:00 on the grid). Required 1 everywhere but 0.5 at 09:30–10:00. Break
    // at 09:30: on phones 0.5 there, no under or over, objective 4 (paid hours). Elsewhere: 0.5
    // under for ½ h (4 × 0.25 = 1) and 0.5 over for ½ h (0.1 × 0.25) → 5.025. No shift: 15.
    const problem = problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: oneDay(8, [1, 1, 1, 0.5, 1, 1, 1, 1]),
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
      openMinute: 8 * 60,
      closeMinute: 12 * 60,
    });
    const solution = solveSchedule(problem, solve);
    expect(violations(problem, solution)).toEqual([]);
    expect([...solution.breaks.startMinutes]).toEqual([570]);
    expect(solution.onPhoneAgents[19]).toBe(0.5);
    expect(evaluateSchedule(problem, solution.shifts, solution.breaks).objective).toBe(4);
  });

  it('an unpaid lunch is not paid: one 8 h shift with a 30-min unpaid lunch is 7.5 paid hours', () => {
    // By hand: required 1 for 08–16 except 0 at 12:00–12:30; the 8 h shift with its lunch at
    // 12:00 covers it exactly: paid 8 − 0.5 = 7.5, objective 7.5.
    const required = oneDay(8, [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1]);
    const problem = problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: required,
      shiftTypes: [
        {
          code: 'h8',
          lengthMinutes: 480,
          breaks: [
            {
              code: 'lunch',
              lengthMinutes: 30,
              earliestStartMinutes: 180,
              latestStartMinutes: 300,
              paid: false,
            },
          ],
        },
      ],
      startStepMinutes: 30,
      openMinute: 8 * 60,
      closeMinute: 16 * 60,
    });
    const solution = solveSchedule(problem, solve);
    expect(solution.totals.paidHours).toBe(7.5);
    expect([...solution.breaks.startMinutes]).toEqual([720]);
    expect(evaluateSchedule(problem, solution.shifts, solution.breaks).objective).toBe(7.5);
  });
});

describe('solveSchedule: properties on random seeded instances', () => {
  const seeds = [11, 12, 13, 14, 15, 16];

  function greedyObjective(problem: SchedulingProblem): number {
    const geometry = scheduleGeometry(problem);
    const greedy = greedySchedule(problem, geometry);
    return evaluateSchedule(
      problem,
      greedy,
      breaksFromPatterns(problem, geometry, greedy.candidate, greedy.pattern),
    ).objective;
  }

  it.each(seeds)(
    'seed %i, open shifts: every rule holds and the objective is no worse than the greedy',
    (seed) => {
      const problem = randomProblem(seed, false);
      const solution = solveSchedule(problem, solve);
      expect(violations(problem, solution)).toEqual([]);
      const objective = evaluateSchedule(problem, solution.shifts, solution.breaks).objective;
      expect(objective).toBeLessThanOrEqual(greedyObjective(problem) + 1e-9);
      expect(solution.stages.roster).toBeNull();
      expect(solution.stages.design.bound).toBeLessThanOrEqual(objective + 1e-6);
    },
  );

  it.each(seeds)(
    'seed %i, named agents: every rule holds, no worse than the greedy, open shifts counted',
    (seed) => {
      const problem = randomProblem(seed, true);
      const solution = solveSchedule(problem, solve);
      expect(violations(problem, solution)).toEqual([]);
      const objective = evaluateSchedule(problem, solution.shifts, solution.breaks).objective;
      expect(objective).toBeLessThanOrEqual(greedyObjective(problem) + 1e-9);
      expect(solution.stages.roster).not.toBeNull();
      const perDay = new Map<number, number>();
      for (const c of solution.shifts.candidate)
        perDay.set(problem.candidates.day[c], (perDay.get(problem.candidates.day[c]) ?? 0) + 1);
      for (const [d, count] of perDay)
        expect(count).toBeLessThanOrEqual(problem.agents.filter((a) => a.availableDays[d]).length);
    },
  );
});

describe('solveSchedule: when the solver gives nothing', () => {
  /** A solver stopped by time before any solution (as HiGHS reports it). */
  const nothing: MipSolve = () => ({
    status: 'time-limit',
    hasSolution: false,
    objective: NaN,
    bound: -Infinity,
    gap: NaN,
    solveSeconds: 0.5,
    variables: 3,
    constraints: 2,
    values: new Map(),
  });

  it.each([61, 62])(
    'seed %i: keeps the greedy schedule and roster, says greedy and time-limit',
    (seed) => {
      const problem = randomProblem(seed, true);
      const solution = solveSchedule(problem, nothing);
      expect(violations(problem, solution)).toEqual([]);
      const geometry = scheduleGeometry(problem);
      const greedy = greedySchedule(problem, geometry);
      expect([...solution.shifts.candidate]).toEqual([...greedy.candidate]);
      expect(solution.stages.design.status).toBe('greedy');
      expect(solution.stages.roster?.status).toBe('time-limit');
      expect(solution.shifts.agent.some((a) => a >= 0)).toBe(true);
    },
  );
});

describe('solveSchedule: edge cases', () => {
  it('no requirement known anywhere: no shift, nothing under or over', () => {
    const problem = problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: new Float64Array(48).fill(NaN),
      shiftTypes: [plain(4)],
      startStepMinutes: 60,
      openMinute: 8 * 60,
      closeMinute: 16 * 60,
    });
    const solution = solveSchedule(problem, solve);
    expect(solution.shifts.candidate.length).toBe(0);
    expect(solution.totals).toEqual({
      paidHours: 0,
      underAgentHours: 0,
      overAgentHours: 0,
      intervalsUnder: 0,
      unassignedShifts: 0,
    });
  });

  it('no candidate at all: everything required is under', () => {
    const problem = problemFromRules({
      intervalMinutes: 30,
      dayCount: 1,
      requiredAgents: oneDay(8, [1, 2]),
      shiftTypes: [plain(4)],
      startStepMinutes: 60,
      openMinute: 8 * 60,
      closeMinute: 9 * 60,
    });
    const solution = solveSchedule(problem, solve);
    expect(solution.shifts.candidate.length).toBe(0);
    expect(solution.totals.underAgentHours).toBe(1.5);
    expect(solution.stages.design.objective).toBeCloseTo(6, 9);
  });
});
