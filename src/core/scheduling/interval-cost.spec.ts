import { intervalCost } from './interval-cost.js';

describe('intervalCost', () => {
  it('charges the under penalty per missing agent, the over penalty per extra agent, nothing where the requirement is unknown', () => {
    // by hand: 2 agents short at 2 each; 1.5 agents over at 0.05 each; NaN requirement: no cost
    expect(intervalCost(3, 5, 2, 0.05)).toBe(4);
    expect(intervalCost(6.5, 5, 2, 0.05)).toBeCloseTo(0.075, 15);
    expect(intervalCost(5, 5, 2, 0.05)).toBe(0);
    expect(intervalCost(7, NaN, 2, 0.05)).toBe(0);
  });
});
