import { forecastWithinTolerance } from './forecast-within-tolerance.js';

describe('forecastWithinTolerance', () => {
  it('accepts |F − A| ≤ 5% of A, inclusive, and refuses A = 0 (hand computation)', () => {
    expect(forecastWithinTolerance(104, 100, 0.05)).toBe(true); // |4| ≤ 5
    expect(forecastWithinTolerance(95, 100, 0.05)).toBe(true); // |−5| ≤ 5 (bound included)
    expect(forecastWithinTolerance(106, 100, 0.05)).toBe(false); // 6 > 5
    expect(forecastWithinTolerance(0, 0, 0.05)).toBe(false);
  });
});
