import { ScheduleSolver, ScheduleSolverTimeout } from './schedule-solver.js';
import { randomProblem, violations } from '../../../test/support/scheduling-problems.js';

describe('ScheduleSolver (HiGHS in a worker thread)', () => {
  it('solves a random week with named agents off the event loop and reports progress', async () => {
    const problem = randomProblem(7, true);
    const solver = new ScheduleSolver();
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const solution = await solver.solve(problem, (f) => progress.push(f));
    clearInterval(timer);
    expect(violations(problem, solution)).toEqual([]);
    expect(solution.shifts.candidate.length).toBeGreaterThan(0);
    expect(Object.prototype.toString.call(solution.onPhoneAgents)).toBe('[object Float64Array]'); // structured clone keeps typed arrays (another realm: no instanceof)
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((x, y) => x - y)); // never goes back
    expect(ticks).toBeGreaterThan(0);
    expect(['optimal', 'gap-reached', 'time-limit', 'greedy']).toContain(
      solution.stages.design.status,
    );
    expect(solution.stages.roster).not.toBeNull();
  });

  it('stops a worker that runs past the time limit and the margin, and frees its slot', async () => {
    const problem = randomProblem(7, true);
    const solver = new ScheduleSolver();
    solver.marginSeconds = 0;
    const started = Date.now();
    await expect(solver.solve({ ...problem, limits: { ...problem.limits, timeLimitSeconds: 0.02 } })).rejects.toThrow(ScheduleSolverTimeout);
    expect(Date.now() - started).toBeLessThan(2000);
    // the slot is free again: every call of the machine's worth of slots still runs
    solver.marginSeconds = 30;
    const solution = await solver.solve(problem);
    expect(violations(problem, solution)).toEqual([]);
    await solver.onModuleDestroy();
  });

  it('rejects a malformed problem with the core RangeError', async () => {
    const problem = { ...randomProblem(3, false), intervalMinutes: 0 };
    await expect(new ScheduleSolver().solve(problem)).rejects.toThrow(RangeError);
  });
});

describe('ScheduleSolver: concurrent calls', () => {
  it('answers every call when more calls come than may run at once', async () => {
    const solver = new ScheduleSolver();
    const problems = [31, 32, 33].map((seed) => randomProblem(seed, false));
    const solutions = await Promise.all(problems.map((p) => solver.solve(p)));
    solutions.forEach((solution, i) => expect(violations(problems[i], solution)).toEqual([]));
    await solver.onModuleDestroy();
  });
});
