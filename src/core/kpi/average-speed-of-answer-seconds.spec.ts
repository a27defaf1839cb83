import { averageSpeedOfAnswerSeconds } from './average-speed-of-answer-seconds.js';

describe('averageSpeedOfAnswerSeconds', () => {
  it('is total delay ÷ answered (hand computation)', () => {
    expect(averageSpeedOfAnswerSeconds(1800, 90)).toBe(20);
    expect(averageSpeedOfAnswerSeconds(10, 0)).toBeNaN();
  });
});
