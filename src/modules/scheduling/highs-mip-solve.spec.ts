import type { MipSolve } from '../../core/scheduling/mip-types.js';
import { LpWriter } from '../../core/scheduling/lp-writer.js';
import { highsMipSolve, loadHighs, type MipProgress } from './highs-mip-solve.js';

/** A multi-constraint 0/1 knapsack (as a minimisation) that HiGHS needs to branch on. */
function knapsack(n: number, rows: number): string {
  const lp = new LpWriter();
  for (let i = 0; i < n; i++) {
    lp.addObjective(-(((37 * i) % 23) + 10), `x${i}`);
    lp.setBounds(`x${i}`, 0, 1);
    lp.setInteger(`x${i}`);
  }
  for (let k = 0; k < rows; k++) {
    lp.addRow(
      `c${k}`,
      Array.from({ length: n }, (_, i) => [((i * (k + 7)) % 31) + 5, `x${i}`] as const),
      '<=',
      (n * 400) / 60,
    );
  }
  return lp.text();
}

describe('highsMipSolve', () => {
  let solve: MipSolve;
  beforeAll(async () => {
    solve = highsMipSolve(await loadHighs());
  });

  it('solves a small MIP to its optimum with the bound equal to it (by hand: x = 5, y = 3, cost 21)', () => {
    // min 3x + 2y + 4z, x + y + z ≥ 7.5, x − y ≥ 0.5, integers: z costs most, so x + y ≥ 8 with
    // x ≥ y + 1: (x, y) = (5, 3) costs 21, (4, 4) breaks x − y ≥ 0.5, (6, 2) costs 22.
    const lp = new LpWriter();
    lp.addObjective(3, 'x');
    lp.addObjective(2, 'y');
    lp.addObjective(4, 'z');
    lp.addRow(
      'c1',
      [
        [1, 'x'],
        [1, 'y'],
        [1, 'z'],
      ],
      '>=',
      7.5,
    );
    lp.addRow(
      'c2',
      [
        [1, 'x'],
        [-1, 'y'],
      ],
      '>=',
      0.5,
    );
    for (const v of ['x', 'y', 'z']) lp.setInteger(v);
    const r = solve(lp.text(), { timeLimitSeconds: 5, mipRelativeGap: 0 });
    expect(r).toMatchObject({
      status: 'optimal',
      hasSolution: true,
      objective: 21,
      bound: 21,
      gap: 0,
      variables: 3,
      constraints: 2,
    });
    expect([r.values.get('x'), r.values.get('y'), r.values.get('z')]).toEqual([5, 3, 0]);
  });

  it('reports the proven bound and gap when it stops at the relative gap or the time limit', () => {
    const r = solve(knapsack(150, 8), { timeLimitSeconds: 0.3, mipRelativeGap: 0 });
    expect(['time-limit', 'optimal']).toContain(r.status);
    expect(r.hasSolution).toBe(true);
    expect(r.bound).toBeLessThanOrEqual(r.objective + 1e-9);
    if (r.status === 'time-limit')
      expect(r.gap).toBeCloseTo((r.objective - r.bound) / Math.abs(r.objective), 12);
  });

  it('accepts a start and posts progress from the MIP checkpoints', async () => {
    const progress: MipProgress[] = [];
    const withProgress = highsMipSolve(await loadHighs(), (p) => progress.push(p));
    const start = new Map<string, number>(); // all zero: feasible
    const r = withProgress(knapsack(60, 5), { timeLimitSeconds: 5, mipRelativeGap: 0 }, start);
    expect(r.hasSolution).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    expect(Number.isFinite(progress[0].seconds)).toBe(true);
  });

  it('says infeasible without a solution', () => {
    const lp = new LpWriter();
    lp.addObjective(1, 'x');
    lp.addRow('c', [[1, 'x']], '<=', -1);
    expect(solve(lp.text(), { timeLimitSeconds: 1, mipRelativeGap: 0 })).toMatchObject({
      status: 'infeasible',
      hasSolution: false,
    });
  });
});
