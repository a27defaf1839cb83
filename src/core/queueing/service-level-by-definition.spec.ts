import { serviceLevelByDefinition } from './service-level-by-definition.js';

describe('serviceLevelByDefinition', () => {
  // 100 offered: 80 answered within t, 5 abandoned within t, 10 abandoned in all.
  it('applies each definition to shares of offered contacts', () => {
    expect(
      serviceLevelByDefinition(0.8, 0.05, 0.1, 'answered-or-abandoned-within/offered'),
    ).toBeCloseTo(0.85, 15);
    expect(serviceLevelByDefinition(0.8, 0.05, 0.1, 'answered-within/offered')).toBeCloseTo(
      0.8,
      15,
    );
    expect(serviceLevelByDefinition(0.8, 0.05, 0.1, 'answered-within/answered')).toBeCloseTo(
      0.8 / 0.9,
      15,
    );
    expect(
      serviceLevelByDefinition(0.8, 0.05, 0.1, 'answered-within/offered-minus-short-abandons'),
    ).toBeCloseTo(0.8 / 0.95, 15);
  });

  it('is NaN when nothing is answered under answered-within/answered', () => {
    expect(serviceLevelByDefinition(0, 0.5, 1, 'answered-within/answered')).toBeNaN();
  });
});
