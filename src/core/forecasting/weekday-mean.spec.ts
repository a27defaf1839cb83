import { weekdayMean } from './weekday-mean.js';

describe('weekdayMean', () => {
  // one slot a day, three weeks: weekday w of week k has 10·k + w
  const h = Float64Array.from({ length: 21 }, (_, d) => 10 * Math.floor(d / 7) + (d % 7));

  it('averages the same interval over the last same weekdays', () => {
    const out = new Float64Array(7);
    weekdayMean(h, 1, 7, out);
    expect(Array.from(out)).toEqual([10, 11, 12, 13, 14, 15, 16]);
    weekdayMean(h, 1, 7, out, 2);
    expect(Array.from(out)).toEqual([15, 16, 17, 18, 19, 20, 21]);
  });
  it('skips a missing value (NaN) rather than reading it as 0, and takes an older week instead', () => {
    const g = Float64Array.from(h);
    g[14] = NaN; // weekday 0 of the last week: no row
    const out = new Float64Array(7);
    weekdayMean(g, 1, 7, out, 2);
    expect(out[0]).toBe(5); // weeks 1 and 0: (10 + 0) / 2
    expect(out[1]).toBe(16);
  });
  it('trims the highest and lowest values when asked', () => {
    const g = Float64Array.from({ length: 35 }, (_, d) => (d % 7 === 0 ? [1, 2, 3, 100, 4][Math.floor(d / 7)] : 1));
    const out = new Float64Array(7);
    weekdayMean(g, 1, 7, out, 5, 0.2);
    expect(out[0]).toBe(3); // 2, 3, 4 after dropping 1 and 100
    weekdayMean(g, 1, 7, out, 5);
    expect(out[0]).toBe(22);
  });
  it('falls back to the time of day over all days when a weekday has no value at all', () => {
    const g = Float64Array.from(h);
    for (let d = 0; d < 21; d += 7) g[d] = NaN;
    const out = new Float64Array(7);
    weekdayMean(g, 1, 7, out);
    const values = [...g].filter((v) => !Number.isNaN(v));
    expect(out[0]).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
  });
  it('validates its arguments', () => {
    expect(() => weekdayMean(h, 1, 7, new Float64Array(7), 6, 0.5)).toThrow('weekdayMean requires trim to be a number >= 0 and < 0.5, got 0.5');
  });
});
