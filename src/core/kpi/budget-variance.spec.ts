import { budgetVariance } from './budget-variance.js';

describe('budgetVariance', () => {
  it('is budget − actual and its share of the budget (hand computation)', () => {
    const out = new Float64Array(2);
    expect(budgetVariance(10000, 9200, out)).toBe(800);
    expect(out[1]).toBeCloseTo(0.08, 15);
    budgetVariance(5000, 5500, out); // over budget: −500, −0.1
    expect([out[0], out[1]]).toEqual([-500, expect.closeTo(-0.1, 15)]);
    budgetVariance(0, 10, out);
    expect(out[1]).toBeNaN();
  });
});
