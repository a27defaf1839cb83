import { occupancyLowerBound } from './occupancy-lower-bound.js';

describe('occupancyLowerBound', () => {
  it('gives 15 agents for 10 Erlangs at 70 % and 10 for 7 Erlangs at 70 % (7/0.7 rounds to 10.000000000000002)', () => {
    expect(occupancyLowerBound(10, 0.7)).toBe(15);
    expect(occupancyLowerBound(7, 0.7)).toBe(10);
  });

  it('is the smallest n with carried/n ≤ max as evaluated in floating point', () => {
    for (let carried = 0.1; carried < 60; carried += 0.7) {
      for (const max of [0.5, 0.7, 0.85, 0.9, 1]) {
        const n = occupancyLowerBound(carried, max);
        expect(carried / n <= max).toBe(true);
        if (n > 1) expect(carried / (n - 1) <= max).toBe(false);
      }
    }
  });
});
