import { assertRange } from './assert-range.js';

describe('assertRange', () => {
  it('accepts finite values inside the range, bounds included unless exclusive', () => {
    expect(() => assertRange('f', 'x', 0, 0, 1)).not.toThrow();
    expect(() => assertRange('f', 'x', 1, 0, 1)).not.toThrow();
    expect(() => assertRange('f', 'x', 0.5, 0, 1, true, true)).not.toThrow();
  });

  it('throws a RangeError in the house grammar', () => {
    expect(() => assertRange('erlangC', 'trafficErlangs', -1, 0, Infinity)).toThrow(
      new RangeError('erlangC requires trafficErlangs to be a finite number >= 0'),
    );
    expect(() => assertRange('f', 'x', 0, 0, 1, true)).toThrow(
      new RangeError('f requires x to be a finite number > 0 and <= 1'),
    );
    expect(() => assertRange('f', 'x', 1, 0, 1, false, true)).toThrow(
      new RangeError('f requires x to be a finite number >= 0 and < 1'),
    );
  });

  it('rejects NaN and infinities whatever the range', () => {
    expect(() => assertRange('f', 'x', NaN, -Infinity, Infinity)).toThrow(
      new RangeError('f requires x to be a finite number'),
    );
    expect(() => assertRange('f', 'x', Infinity, 0, Infinity)).toThrow(RangeError);
  });
});
