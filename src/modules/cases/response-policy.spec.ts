import { DomainError } from '../../platform/errors/domain-error.js';
import { DEFAULT_POLICY, objectiveSeconds, parseResponsePolicy } from './response-policy.js';

const fieldsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    return ((e as DomainError).details?.errors as Array<{ field: string }>).map((x) => x.field);
  }
  return [];
};

describe('parseResponsePolicy', () => {
  it('accepts the default policy as it is and infers the clock from the unit', () => {
    expect(parseResponsePolicy(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
    const p = parseResponsePolicy({ priorities: [{ priority: ' P9 ', initialResponse: { amount: 2, unit: 'business-hours' }, updateCadence: { amount: 3, unit: 'hours' } }] });
    expect(p.priorities[0]).toEqual({ priority: 'P9', initialResponse: { amount: 2, unit: 'business-hours', clock: 'business' }, updateCadence: { amount: 3, unit: 'hours', clock: '24x7' }, resolution: null });
  });
  it('names every bad field by its path', () => {
    expect(() => parseResponsePolicy([])).toThrow(DomainError);
    expect(fieldsOf(() => parseResponsePolicy({ priorities: [] }))).toEqual(['priorities']);
    expect(fieldsOf(() => parseResponsePolicy({
      extra: 1,
      priorities: [{ priority: '', resolution: { amount: -1, unit: 'weeks', clock: 'lunar' } }, { priority: 'P2', initialResponse: 5, speed: 1 }],
    }))).toEqual(['extra', 'priorities[0].priority', 'priorities[0].resolution.amount', 'priorities[0].resolution.unit', 'priorities[0].resolution.clock', 'priorities[1].speed', 'priorities[1].initialResponse']);
  });
});

describe('objectiveSeconds', () => {
  it('converts each unit (a business day is one day of business hours)', () => {
    // hand values: 15 min = 900 s; 4 h = 14400 s; 2 business days of 8 h = 57600 s
    expect(objectiveSeconds({ amount: 15, unit: 'minutes', clock: '24x7' }, 28_800)).toBe(900);
    expect(objectiveSeconds({ amount: 4, unit: 'hours', clock: '24x7' }, 28_800)).toBe(14_400);
    expect(objectiveSeconds({ amount: 4, unit: 'business-hours', clock: 'business' }, 28_800)).toBe(14_400);
    expect(objectiveSeconds({ amount: 2, unit: 'business-days', clock: 'business' }, 28_800)).toBe(57_600);
  });
});
