import { rotateOpenHours } from './rotate-open-hours.js';

describe('rotateOpenHours', () => {
  it('re-indexes the weekdays for a window that starts later', () => {
    const open = Uint8Array.of(1, 0, 0, 0, 0, 0, 0);
    expect(Array.from(rotateOpenHours(open, 1, 6)!)).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(rotateOpenHours(open, 1, 1)!)).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(rotateOpenHours(open, 1, 14)).toBe(open);
    expect(rotateOpenHours(undefined, 1, 3)).toBeUndefined();
  });
});
