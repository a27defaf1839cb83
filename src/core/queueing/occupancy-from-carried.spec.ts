import { occupancyFromCarried } from './occupancy-from-carried.js';

describe('occupancyFromCarried', () => {
  it('divides carried load by agents, capped at 1, NaN without agents', () => {
    expect(occupancyFromCarried(10, 14)).toBeCloseTo(10 / 14, 15);
    expect(occupancyFromCarried(12, 10)).toBe(1);
    expect(occupancyFromCarried(3, 0)).toBeNaN();
  });
});
