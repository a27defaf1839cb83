import { propensityToContactAnnualised } from './propensity-to-contact-annualised.js';

describe('propensityToContactAnnualised', () => {
  it('annualises contacts per customer over the period length (hand computation)', () => {
    // 1000 ÷ 5000 = 0.2 per customer in 73 days; × 365 ÷ 73 = × 5 → 1.0 a year
    expect(propensityToContactAnnualised(1000, 5000, 73)).toBeCloseTo(1, 15);
    // a 31-day month: 620 ÷ 2000 × 365 ÷ 31 = 0.31 × 11.774193548… = 3.65
    expect(propensityToContactAnnualised(620, 2000, 31)).toBeCloseTo(3.65, 12);
    expect(propensityToContactAnnualised(5, 0, 31)).toBeNaN();
  });
});
