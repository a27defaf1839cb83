import { columnValue } from './column-value.js';

describe('columnValue', () => {
  it('reads a scalar or an element', () => {
    expect(columnValue(180, 7)).toBe(180);
    expect(columnValue(new Float64Array([1, 2, 3]), 2)).toBe(3);
  });
});
