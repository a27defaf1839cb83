import { DomainError } from '../../platform/errors/domain-error.js';
import { compileSettings, DEFAULT_SETTINGS, parseAdherenceSettings } from './adherence-settings.js';

describe('adherence settings', () => {
  it('compiles the default rules: work ⇐ available, offline ⇐ offline or no state', () => {
    const c = compileSettings(DEFAULT_SETTINGS);
    const S = c.rules.stateCount;
    expect(S).toBe(9);
    const sat = (a: string, s: number): number => c.rules.satisfies[c.activityIndex.get(a)! * (S + 1) + s];
    expect(sat('work', c.stateIndex.get('available')!)).toBe(1);
    expect(sat('work', c.stateIndex.get('break')!)).toBe(0);
    expect(sat('work', S)).toBe(0);
    expect(sat('offline', S)).toBe(1);
    expect(sat('offline', c.stateIndex.get('offline')!)).toBe(1);
    expect(Array.from(c.rules.loggedInState)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(c.rules.graceSeconds).toBe(60);
  });

  it('fills omitted fields with defaults and keeps given ones', () => {
    const s = parseAdherenceSettings({ graceSeconds: 90, countLateLogOff: false });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, graceSeconds: 90, countLateLogOff: false });
  });

  it('lists every problem of a bad body', () => {
    let error: unknown;
    try {
      parseAdherenceSettings({ activities: [{ code: 'Work!' }, { code: 'x' }, { code: 'x' }], satisfies: { nap: ['available'] }, colour: 'red' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const fields = ((error as DomainError).details?.errors as Array<{ field: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(['activities', 'activities[0].code', 'colour', 'satisfies.nap']);
  });
});
