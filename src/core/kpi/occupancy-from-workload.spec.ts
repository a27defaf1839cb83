import { occupancyFromWorkload } from './occupancy-from-workload.js';

describe('occupancyFromWorkload', () => {
  it('is contacts × AHT ÷ (agents × interval seconds) (hand computation)', () => {
    expect(occupancyFromWorkload(40, 180, 5, 1800)).toBeCloseTo(0.8, 15); // 7200 ÷ 9000
    expect(occupancyFromWorkload(10, 90, 2.5, 900)).toBeCloseTo(0.4, 15); // 900 ÷ 2250
    expect(occupancyFromWorkload(10, 90, 0, 900)).toBeNaN();
  });
});
