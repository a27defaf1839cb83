import { turnoverAnnualised } from './turnover-annualised.js';

describe('turnoverAnnualised', () => {
  it('is leavers ÷ average agents × 12 ÷ months (hand computation)', () => {
    expect(turnoverAnnualised(2, 40, 1)).toBeCloseTo(0.6, 15); // 0.05 × 12
    expect(turnoverAnnualised(3, 50, 3)).toBeCloseTo(0.24, 15); // 0.06 × 4
    expect(turnoverAnnualised(1, 0, 1)).toBeNaN();
  });
});
