import { firstContactResolutionRate } from './first-contact-resolution-rate.js';

describe('firstContactResolutionRate', () => {
  it('is resolved first time ÷ contacts (hand computation)', () => {
    expect(firstContactResolutionRate(72, 90)).toBeCloseTo(0.8, 15);
    expect(firstContactResolutionRate(0, 0)).toBeNaN();
  });
});
