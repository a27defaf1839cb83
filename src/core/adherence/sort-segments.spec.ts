import { sortSegments } from './sort-segments.js';

describe('sortSegments', () => {
  it('orders by agent, then start, then end, then row', () => {
    const order = sortSegments(Int32Array.of(2, 1, 1, 1, 1), Float64Array.of(0, 50, 10, 10, 10), Float64Array.of(5, 60, 30, 20, 20));
    expect(Array.from(order)).toEqual([3, 4, 2, 1, 0]);
  });

  it('refuses columns of different lengths', () => {
    expect(() => sortSegments(Int32Array.of(1), new Float64Array(2), new Float64Array(2))).toThrow(RangeError);
  });
});
