import { parseDecimal } from './parse-decimal.js';

describe('parseDecimal', () => {
  it.each([
    ['0', 0], ['12', 12], ['-4', -4], ['+7', 7], ['18000.5', 18000.5], ['.25', 0.25], ['3.', 3],
    ['1e3', 1000], ['2.5E-2', 0.025], [' 42 ', 42], ['12345678901234567', Number('12345678901234567')],
    ['0.1', 0.1],
  ])('reads %j as %d', (text, value) => expect(parseDecimal(text)).toBe(value));

  it.each(['', ' ', '-', '.', 'NaN', 'Infinity', '0x10', '1,5', '1 000', '1e', '1e+', '12abc', '--1', '1.2.3'])(
    'refuses %j',
    (text) => expect(parseDecimal(text)).toBeNaN(),
  );

  it('gives exactly the double Number() gives for 100,000 decimals of up to 15 digits', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 100_000; n++) {
      const digits = 1 + Math.floor(next() * 15);
      const text = String(Math.floor(next() * 10 ** digits)).padStart(digits, '0');
      const point = Math.floor(next() * (digits + 1));
      const decimal = `${next() < 0.2 ? '-' : ''}${text.slice(0, point)}.${text.slice(point)}`;
      if (decimal === '.' || decimal === '-.') continue;
      expect(parseDecimal(decimal)).toBe(Number(decimal));
    }
  });
});
