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

describe('fillExcludedDays with missing intervals', () => {
  it('imputes a missing interval from its same weekdays, never 0, and keeps the rest', () => {
    // two slots a day, three weeks; slot 1 of day 7 is missing (NaN)
    const h = new Float64Array(42);
    for (let d = 0; d < 21; d++) h.set([d, 10 + d], d * 2);
    h[7 * 2 + 1] = NaN;
    fillExcludedDays(h, 2, new Uint8Array(21));
    expect(h[15]).toBe((10 + 0 + 10 + 14) / 2);
    expect(h[14]).toBe(7);
  });
  it('falls back to the time of day over all days when no same weekday has a value', () => {
    const h = Float64Array.of(NaN, 4, 6, 8, 10, 12, 14);
    fillExcludedDays(h, 1, new Uint8Array(7));
    expect(h[0]).toBe(9);
  });
});
