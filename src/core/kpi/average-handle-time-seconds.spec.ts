import { averageHandleTimeSeconds } from './average-handle-time-seconds.js';

describe('averageHandleTimeSeconds', () => {
  it('is (talk + ACW) ÷ handled (hand computation)', () => {
    expect(averageHandleTimeSeconds(2400, 600, 20)).toBe(150); // 3000 ÷ 20
    expect(averageHandleTimeSeconds(100, 0, 0)).toBeNaN();
  });
});
