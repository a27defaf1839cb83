import { clampProbability } from './clamp-probability.js';

describe('clampProbability', () => {
  it('clamps values a few ulps outside [0, 1] and keeps the rest', () => {
    expect(clampProbability(1.0000000000000002)).toBe(1);
    expect(clampProbability(-1e-17)).toBe(0);
    expect(clampProbability(0.25)).toBe(0.25);
    expect(clampProbability(0)).toBe(0);
    expect(clampProbability(1)).toBe(1);
  });

  it('passes NaN (not applicable) through', () => {
    expect(clampProbability(NaN)).toBeNaN();
  });
});
