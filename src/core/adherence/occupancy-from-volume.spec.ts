import { occupancyFromVolume } from './occupancy-from-volume.js';

describe('occupancyFromVolume', () => {
  it('is contacts × AHT ÷ (agents × interval seconds)', () => {
    // 100 contacts of 180 s in a half-hour with 12 agents: 18,000 / 21,600
    expect(occupancyFromVolume(100, 180, 12, 1800)).toBe(18_000 / 21_600);
    expect(occupancyFromVolume(0, 180, 3, 1800)).toBe(0);
  });

  it('is NaN without agents and refuses negative volume', () => {
    expect(occupancyFromVolume(10, 180, 0, 1800)).toBeNaN();
    expect(() => occupancyFromVolume(-1, 180, 1, 1800)).toThrow(RangeError);
  });
});
