import { SERVICE_LEVEL_DEFINITIONS } from '../queueing/service-level-definition.js';
import { serviceLevelFromCounts } from './service-level-from-counts.js';

describe('serviceLevelFromCounts', () => {
  // 90 answered (80 within Y), 10 abandoned (5 within Y): offered 100
  const cases = [
    ['answered-or-abandoned-within/offered', 85, 100], // (80 + 5) ÷ 100
    ['answered-within/offered', 80, 100], // 80 ÷ 100
    ['answered-within/answered', 80, 90], // 80 ÷ 90
    ['answered-within/offered-minus-short-abandons', 80, 95], // 80 ÷ (100 − 5)
  ] as const;

  it.each(cases)('%s: numerator %d, denominator %d, value their ratio (hand computation)', (definition, numerator, denominator) => {
    const out = new Float64Array(2);
    const value = serviceLevelFromCounts(80, 5, 90, 10, definition, out);
    expect(out[0]).toBe(numerator);
    expect(out[1]).toBe(denominator);
    expect(value).toBeCloseTo(numerator / denominator, 14);
  });

  it('covers every named definition', () => {
    expect(cases.map((c) => c[0]).sort()).toEqual([...SERVICE_LEVEL_DEFINITIONS].sort());
  });

  it('is NaN when nothing was offered', () => {
    expect(serviceLevelFromCounts(0, 0, 0, 0, 'answered-within/offered', new Float64Array(2))).toBeNaN();
  });
});
