import { isTopBox } from './is-top-box.js';

describe('isTopBox', () => {
  it('counts the top two boxes of 1–5 and 8–10 of 0–10 at 0.75 (hand computation)', () => {
    expect([1, 2, 3, 4, 5].map((s) => isTopBox(s, 1, 5, 0.75))).toEqual([false, false, false, true, true]);
    expect([7, 8, 10].map((s) => isTopBox(s, 0, 10, 0.75))).toEqual([false, true, true]); // 7.5 is the bound
    expect(isTopBox(5, 1, 5, 1)).toBe(true); // top box only
  });
});
