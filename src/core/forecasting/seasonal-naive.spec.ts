import { seasonalNaive } from './seasonal-naive.js';

describe('seasonalNaive', () => {
  it('repeats the last week, again for a second week', () => {
    const history = Float64Array.from({ length: 14 * 2 }, (_, i) => i);
    const out = new Float64Array(14 * 2);
    seasonalNaive(history, 2, 14, out);
    for (let t = 0; t < 28; t++) expect(out[t]).toBe(14 + (t % 14));
  });
  it('needs a week of history and an output of the horizon', () => {
    expect(() => seasonalNaive(new Float64Array(12), 2, 1, new Float64Array(2))).toThrow('seasonalNaive requires at least 7 days of history, got 6');
    expect(() => seasonalNaive(new Float64Array(14), 2, 1, new Float64Array(3))).toThrow('seasonalNaive requires out to hold 2 intervals, got 3');
    expect(() => seasonalNaive(new Float64Array(15), 2, 1, new Float64Array(2))).toThrow('whole days');
  });
  it('never copies a missing or left-out day forward: it takes the same weekday a week earlier', () => {
    const h = Float64Array.from({ length: 14 }, (_, d) => d + 1);
    h[7] = NaN; // weekday 0 of the last week: no row (or a special day)
    const out = new Float64Array(7);
    seasonalNaive(h, 1, 7, out);
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(9);
    // no same weekday has a value: the time of day over all days
    const g = Float64Array.of(NaN, 2, 4, 6, 8, 10, 12);
    seasonalNaive(g, 1, 7, out);
    expect(out[0]).toBe(7);
  });
});
