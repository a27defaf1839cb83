import { checkNumber } from './check-number.js';

describe('checkNumber', () => {
  it('reads counts, amounts and fractions', () => {
    expect(checkNumber('12', 'count')).toBe(12);
    expect(checkNumber('0', 'count')).toBe(0);
    expect(checkNumber('18000.5', 'non-negative')).toBe(18000.5);
    expect(checkNumber('0.3', 'fraction')).toBe(0.3);
  });
  it('explains what is wrong', () => {
    expect(checkNumber('', 'count')).toBe('is required');
    expect(checkNumber('1.5', 'count')).toBe('must be a whole number >= 0');
    expect(checkNumber('-1', 'count')).toBe('must be a whole number >= 0');
    expect(checkNumber('3000000000', 'count')).toBe('must be a whole number >= 0');
    expect(checkNumber('-4', 'non-negative')).toBe('must be a finite number >= 0');
    expect(checkNumber('1e400', 'non-negative')).toBe('must be a finite number >= 0');
    expect(checkNumber('abc', 'non-negative')).toBe('must be a finite number >= 0');
    expect(checkNumber('30', 'fraction')).toBe('must be a fraction >= 0 and < 1 (not a percentage)');
    expect(checkNumber('1', 'fraction')).toMatch(/fraction/);
  });
});
