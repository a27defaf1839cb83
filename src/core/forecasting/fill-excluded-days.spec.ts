import { fillExcludedDays } from './fill-excluded-days.js';

describe('fillExcludedDays', () => {
  it('replaces a special day by the mean of its nearest same weekdays', () => {
    const h = Float64Array.from({ length: 35 }, (_, d) => d); // one slot a day, five weeks
    const flags = new Uint8Array(35);
    flags[14] = 1;
    flags[21] = 1; // a neighbour that is itself special is not a donor
    fillExcludedDays(h, 1, flags);
    expect(h[14]).toBe((7 + 0 + 28) / 3);
    expect(h[21]).toBe((7 + 0 + 28) / 3);
    expect(h[13]).toBe(13);
    expect(() => fillExcludedDays(h, 1, new Uint8Array(3))).toThrow('fillExcludedDays requires one flag per day, got 3 for 35 days');
  });
});
