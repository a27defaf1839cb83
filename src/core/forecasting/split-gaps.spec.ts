import { splitGaps } from './split-gaps.js';

describe('splitGaps', () => {
  it('closes row-less intervals outside the open hours, keeps the others missing and flags whole missing days', () => {
    // two slots a day, slot 1 open on every weekday, slot 0 closed
    const open = new Uint8Array(14);
    for (let w = 0; w < 7; w++) open[w * 2 + 1] = 1;
    const h = Float64Array.of(NaN, 5, NaN, NaN, 0, 3, ...new Array<number>(8).fill(1));
    const days = new Uint8Array(7);
    expect(splitGaps(h, 2, open, 0, days)).toBe(1);
    expect(Array.from(h.subarray(0, 6))).toEqual([0, 5, 0, NaN, 0, 3]);
    expect(Array.from(days)).toEqual([0, 1, 0, 0, 0, 0, 0]);
  });
  it('reads the mask from another weekday when the history starts later', () => {
    const open = new Uint8Array(7);
    open[3] = 1; // one slot a day, only weekday 3 of the mask is open
    const h = Float64Array.of(NaN, NaN);
    const days = new Uint8Array(2);
    expect(splitGaps(h, 1, open, 2, days)).toBe(1);
    expect(Array.from(h)).toEqual([0, NaN]);
    expect(Array.from(days)).toEqual([0, 1]);
  });
});
