import { assertHistory } from './assert-history.js';

describe('assertHistory', () => {
  it('accepts whole days and an exact output', () => {
    expect(() => assertHistory('f', new Float64Array(14), 2, 3, new Float64Array(6), 7)).not.toThrow();
  });
  it('names the caller and the broken rule', () => {
    expect(() => assertHistory('f', new Float64Array(14), 0, 1, new Float64Array(0), 7)).toThrow('f requires slotsPerDay to be a positive integer, got 0');
    expect(() => assertHistory('f', new Float64Array(14), 2, 0, new Float64Array(0), 7)).toThrow('f requires horizonDays to be a positive integer, got 0');
    expect(() => assertHistory('f', new Float64Array(14), 2, 1, new Float64Array(2), 8)).toThrow('f requires at least 8 days of history, got 7');
  });
});
