import { volumeAtQuantile } from './volume-at-quantile.js';

describe('volumeAtQuantile', () => {
  it('gives the band edges at 0.1 and 0.9, the point at 0.5 and scales by normal scores between', () => {
    expect(volumeAtQuantile(100, 80, 125, 0.9)).toBeCloseTo(125, 9);
    expect(volumeAtQuantile(100, 80, 125, 0.1)).toBeCloseTo(80, 9);
    expect(volumeAtQuantile(100, 80, 125, 0.5)).toBe(100);
    // Φ⁻¹(0.8) / Φ⁻¹(0.9) = 0.8416212335729143 / 1.2815515655446004 = 0.6567… (probit is good to about 1e-4)
    expect(volumeAtQuantile(100, 80, 125, 0.8)).toBeCloseTo(100 + 25 * (0.8416212335729143 / 1.2815515655446004), 2);
    expect(volumeAtQuantile(1, 0, 3, 0.05)).toBe(0);
  });
  it('refuses a quantile outside [0.05, 0.95]', () => {
    expect(() => volumeAtQuantile(1, 0, 2, 0.99)).toThrow('volumeAtQuantile requires quantile between 0.05 and 0.95, got 0.99');
  });
});
