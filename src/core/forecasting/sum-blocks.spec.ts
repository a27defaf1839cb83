import { sumBlocks } from './sum-blocks.js';

describe('sumBlocks', () => {
  it('sums days of intervals', () => {
    const out = new Float64Array(2);
    sumBlocks(Float64Array.of(1, 2, 3, 4, 5, 6), 3, out);
    expect(Array.from(out)).toEqual([6, 15]);
    expect(() => sumBlocks(new Float64Array(5), 3, out)).toThrow('sumBlocks requires out to hold x.length / block sums');
  });
});
