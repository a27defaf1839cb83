import { surveyMeanScore } from './survey-mean-score.js';

describe('surveyMeanScore', () => {
  it('is Σ score ÷ responses (hand computation)', () => {
    expect(surveyMeanScore(4 + 5 + 2, 3)).toBeCloseTo(11 / 3, 15);
    expect(surveyMeanScore(0, 0)).toBeNaN();
  });
});
