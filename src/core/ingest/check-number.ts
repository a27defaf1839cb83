import { parseDecimal } from './parse-decimal.js';

/** What a numeric field must be: a count, a non-negative amount, or a fraction in [0, 1). */
export type NumberRule = 'count' | 'non-negative' | 'fraction';

const MAX_COUNT = 2_147_483_647;

/**
 * Reads a numeric CSV field under a rule: `count` a whole number 0..2^31-1, `non-negative` a
 * finite number >= 0, `fraction` a number >= 0 and < 1. Empty text is "required".
 *
 * Complexity O(length).
 * @returns the number, or the reason (a string) the text does not qualify.
 * @example checkNumber('-4', 'non-negative') // 'must be a finite number >= 0'
 */
export function checkNumber(text: string, rule: NumberRule): number | string {
  const value = parseDecimal(text);
  if (Number.isNaN(value)) return text.trim() === '' ? 'is required' : reasonOf(rule);
  switch (rule) {
    case 'count':
      return Number.isInteger(value) && value >= 0 && value <= MAX_COUNT ? value : reasonOf(rule);
    case 'non-negative':
      return Number.isFinite(value) && value >= 0 ? value : reasonOf(rule);
    case 'fraction':
      return value >= 0 && value < 1 ? value : reasonOf(rule);
  }
}

function reasonOf(rule: NumberRule): string {
  switch (rule) {
    case 'count':
      return 'must be a whole number >= 0';
    case 'non-negative':
      return 'must be a finite number >= 0';
    case 'fraction':
      return 'must be a fraction >= 0 and < 1 (not a percentage)';
  }
}
