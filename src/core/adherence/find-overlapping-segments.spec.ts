import { findOverlappingSegments } from './find-overlapping-segments.js';
import { sortSegments } from './sort-segments.js';

function overlaps(agent: number[], start: number[], end: number[]): Array<[number, number]> {
  const a = Int32Array.from(agent);
  const s = Float64Array.from(start);
  const e = Float64Array.from(end);
  return findOverlappingSegments(a, s, e, sortSegments(a, s, e));
}

describe('findOverlappingSegments', () => {
  it('finds nothing when segments of an agent only touch', () => {
    expect(overlaps([1, 1, 1], [0, 3600, 7200], [3600, 7200, 9000])).toEqual([]);
  });

  it('names both rows of an overlap, whatever their order in the input', () => {
    // row 2 (10:30-11:30) starts inside row 0 (10:00-11:00)
    expect(overlaps([1, 1, 1], [36_000, 43_200, 37_800], [39_600, 46_800, 41_400])).toEqual([[0, 2]]);
  });

  it('sees an overlap with a long earlier segment past a short one in between', () => {
    // [0, 100) contains [10, 20) and [50, 60)
    expect(overlaps([4, 4, 4], [0, 10, 50], [100, 20, 60])).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });

  it('does not pair segments of different agents', () => {
    expect(overlaps([1, 2], [0, 10], [100, 50])).toEqual([]);
  });
});
