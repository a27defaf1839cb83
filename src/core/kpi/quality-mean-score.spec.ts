import { qualityMeanScore } from './quality-mean-score.js';

describe('qualityMeanScore', () => {
  it('averages score ÷ max (hand computation)', () => {
    // 8/10 = 0.8, 45/50 = 0.9, 3/4 = 0.75 → 2.45 ÷ 3
    expect(qualityMeanScore(Float64Array.of(8, 45, 3), Float64Array.of(10, 50, 4))).toBeCloseTo(2.45 / 3, 15);
    expect(qualityMeanScore(new Float64Array(0), new Float64Array(0))).toBeNaN();
  });
});
