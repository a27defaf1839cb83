import { assertColumnFits } from './assert-column-fits.js';

describe('assertColumnFits', () => {
  it('accepts a slice that fits and refuses one that does not', () => {
    expect(() => assertColumnFits('f', 'agents', 12, 1, 3, 4)).not.toThrow();
    expect(() => assertColumnFits('f', 'agents', 12, 3, 3, 4)).toThrow(
      new RangeError('f requires agents to hold 4 intervals from index 3'),
    );
    expect(() => assertColumnFits('f', 'agents', 0, 5, 1, 0)).not.toThrow();
  });
});
