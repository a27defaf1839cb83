import { abandonmentAfterObjectiveRate } from './abandonment-after-objective-rate.js';
import { abandonmentRate } from './abandonment-rate.js';

describe('abandonment both ways', () => {
  it('all abandoned ÷ (abandoned + answered) (hand computation)', () => {
    expect(abandonmentRate(10, 90)).toBeCloseTo(0.1, 15);
    expect(abandonmentRate(0, 0)).toBeNaN();
  });

  it('abandoned after objective ÷ (that + answered) (hand computation)', () => {
    // 10 abandoned, 4 within Y → 6 late; 6 ÷ (6 + 90) = 0.0625
    expect(abandonmentAfterObjectiveRate(10, 4, 90)).toBeCloseTo(0.0625, 15);
    expect(abandonmentAfterObjectiveRate(3, 3, 0)).toBeNaN();
  });
});
