import { flagOutlierDays } from './flag-outlier-days.js';

describe('flagOutlierDays', () => {
  it('flags holidays far below (or above) their weekday median', () => {
    const h = new Float64Array(28).fill(100);
    h[8] = 50; // 0.5 of its median
    h[9] = 70; // 0.7: kept
    h[20] = 200; // 2× the median
    const flags = new Uint8Array(28);
    expect(flagOutlierDays(h, 1, 0.6, flags)).toBe(2);
    expect([...flags.keys()].filter((d) => flags[d])).toEqual([8, 20]);
  });
  it('never flags a weekday that is closed anyway', () => {
    const flags = new Uint8Array(14);
    expect(flagOutlierDays(new Float64Array(14), 1, 0.6, flags)).toBe(0);
    expect(() => flagOutlierDays(new Float64Array(14), 1, 1, flags)).toThrow('flagOutlierDays requires threshold to be a finite number > 0 and < 1, got 1');
  });
});
