const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal number: optional sign, digits with an optional decimal point, optional
 * exponent (`12`, `-0.5`, `.25`, `1e3`), blanks around ignored. Anything else (empty text,
 * `NaN`, `Infinity`, hex, thousands separators, a decimal comma) gives NaN, unlike `Number()`
 * which reads `''` as 0 and `0x10` as 16.
 *
 * Method: one pass over the character codes. Up to 15 significant digits without exponent are
 * accumulated as an exact integer m and divided by 10^k (both exact doubles, so the IEEE
 * quotient is the correctly rounded decimal, the same double `Number()` gives); longer numbers
 * and exponents go to `Number()` after the syntax check.
 * Complexity O(length).
 * @example parseDecimal('18000.5') // 18000.5
 */
export function parseDecimal(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let value = 0;
  let intDigits = 0;
  while (i < end) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
    intDigits++;
    i++;
  }
  if (i === end) {
    if (intDigits === 0) return NaN;
    if (intDigits <= 15) return negative ? -value : value;
    return Number(text.slice(start, end));
  }
  let fracDigits = 0;
  if (text.charCodeAt(i) === 46) {
    i++;
    while (i < end) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      value = value * 10 + c;
      fracDigits++;
      i++;
    }
  }
  if (intDigits + fracDigits === 0) return NaN;
  if (i === end && intDigits + fracDigits <= 15) {
    const scaled = value / POWERS[fracDigits];
    return negative ? -scaled : scaled;
  }
  if (i < end && (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69)) {
    i++;
    if (i < end && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++;
    let expDigits = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      expDigits++;
      i++;
    }
    if (expDigits === 0) return NaN;
  }
  if (i !== end) return NaN;
  return Number(text.slice(start, end));
}
