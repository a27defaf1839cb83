import { accumulateIntervalSeconds } from './accumulate-interval-seconds.js';

const HALF = 1800;
const edges = Float64Array.of(0, HALF, 2 * HALF, 3 * HALF); // three half-hours

describe('accumulateIntervalSeconds', () => {
  it('counts a half-covered interval as half (time-weighted headcount)', () => {
    const out = new Float64Array(3);
    // 00:15-01:00 and 00:00-01:30
    accumulateIntervalSeconds(Float64Array.of(900, 0), Float64Array.of(3600, 5400), Float64Array.of(1, 1), Int32Array.of(0, 0), edges, out);
    expect(Array.from(out, (s) => s / HALF)).toEqual([1.5, 2, 1]);
  });

  it('keeps rows apart, applies weights and clips segments to the edges', () => {
    const out = new Float64Array(6);
    accumulateIntervalSeconds(Float64Array.of(-600, 4500), Float64Array.of(600, 9000), Float64Array.of(0.5, 1), Int32Array.of(1, 0), edges, out);
    expect(Array.from(out)).toEqual([0, 0, 900, 300, 0, 0]);
  });

  it('computes occupancy from states per interval: busy ÷ (busy + available)', () => {
    // One agent: on-contact 00:00-00:20, available 00:20-00:30, after-contact work 00:30-00:45.
    // Row 0 gathers busy seconds, row 1 busy + available.
    const start = Float64Array.of(0, 1200, 1800, 0, 1200, 1800);
    const end = Float64Array.of(1200, 1800, 2700, 1200, 1800, 2700);
    const weight = Float64Array.of(1, 0, 1, 1, 1, 1);
    const out = new Float64Array(6);
    accumulateIntervalSeconds(start, end, weight, Int32Array.of(0, 0, 0, 1, 1, 1), edges, out);
    expect(out[0] / out[3]).toBeCloseTo(1200 / 1800, 15);
    expect(out[1] / out[4]).toBe(1);
    expect(out[5]).toBe(0);
  });

  it('refuses edges that do not ascend and a short output', () => {
    const one = Float64Array.of(0);
    expect(() => accumulateIntervalSeconds(one, Float64Array.of(1), Float64Array.of(1), Int32Array.of(0), Float64Array.of(0, 0), new Float64Array(1))).toThrow(RangeError);
    expect(() => accumulateIntervalSeconds(one, Float64Array.of(1), Float64Array.of(1), Int32Array.of(2), edges, new Float64Array(3))).toThrow(RangeError);
  });
});
