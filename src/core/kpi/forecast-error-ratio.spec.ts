import { forecastErrorRatio } from './forecast-error-ratio.js';

describe('forecastErrorRatio', () => {
  it('is (F − A) ÷ A, NaN when A is 0 (hand computation)', () => {
    // (105 − 100) ÷ 100 = 0.05; (90 − 120) ÷ 120 = −0.25
    expect(forecastErrorRatio(105, 100)).toBeCloseTo(0.05, 15);
    expect(forecastErrorRatio(90, 120)).toBeCloseTo(-0.25, 15);
    expect(forecastErrorRatio(3, 0)).toBeNaN();
  });
});
