import { requiredWithShrinkage } from './required-with-shrinkage.js';

describe('requiredWithShrinkage', () => {
  it('schedules 20 for 14 agents and 22 for 15 at 30 % shrinkage (pyworkforce A = 10 case)', () => {
    expect(requiredWithShrinkage(14, 0.3)).toBe(20);
    expect(requiredWithShrinkage(15, 0.3)).toBe(22);
  });

  it('is the smallest m with m·(1 − shrinkage) ≥ agents', () => {
    for (const shrinkage of [0, 0.1, 0.25, 0.3, 0.35, 0.5]) {
      for (let agents = 0; agents < 200; agents++) {
        const m = requiredWithShrinkage(agents, shrinkage);
        expect(m * (1 - shrinkage)).toBeGreaterThanOrEqual(agents * (1 - 1e-12));
        if (m > 0) expect((m - 1) * (1 - shrinkage)).toBeLessThan(agents * (1 - 1e-12));
      }
    }
  });

  it('rounds fractional agents up', () => {
    expect(requiredWithShrinkage(13.04, 0)).toBe(14);
  });
});
