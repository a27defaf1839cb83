import type { AdherenceRules } from '../../core/adherence/adherence-rules.js';
import { validationFailed, type FieldError } from '../../platform/errors/domain-error.js';

/** A scheduled activity of the tenant's list. */
export interface ActivitySetting {
  code: string;
  /** Productive activities count in conformance's denominator and in scheduled headcount. */
  productive: boolean;
}

/** An agent state of the tenant's list. */
export interface StateSetting {
  code: string;
  /** Work: counts as worked time (conformance) and as staffed headcount. */
  productive: boolean;
  /** False only for logged-out states (offline). */
  loggedIn: boolean;
  /** How the state counts in occupancy from states: busy (on-contact, ACW), idle (available) or neither. */
  occupancy: 'busy' | 'idle' | 'none';
}

/** Everything `PUT /api/v1/adherence/rules` sets. */
export interface AdherenceSettings {
  activities: ActivitySetting[];
  states: StateSetting[];
  /** Activity code → the state codes that satisfy it; `none` stands for "no state logged". */
  satisfies: Record<string, string[]>;
  graceSeconds: number;
  countEarlyLogOff: boolean;
  countLateLogOff: boolean;
  /** Shifts crossing midnight belong to the local day they start on (the only choice). */
  midnightAttribution: 'shift-start';
}

/** The token of `satisfies` meaning "no state logged" (a gap in the state log). */
export const NO_STATE = 'none';

/** The defaults. */
export const DEFAULT_SETTINGS: AdherenceSettings = {
  activities: [
    { code: 'work', productive: true },
    { code: 'break', productive: false },
    { code: 'lunch', productive: false },
    { code: 'meeting', productive: false },
    { code: 'training', productive: false },
    { code: 'coaching', productive: false },
    { code: 'time-off', productive: false },
    { code: 'offline', productive: false },
  ],
  states: [
    { code: 'available', productive: true, loggedIn: true, occupancy: 'idle' },
    { code: 'on-contact', productive: true, loggedIn: true, occupancy: 'busy' },
    { code: 'after-contact-work', productive: true, loggedIn: true, occupancy: 'busy' },
    { code: 'outbound', productive: true, loggedIn: true, occupancy: 'none' },
    { code: 'break', productive: false, loggedIn: true, occupancy: 'none' },
    { code: 'lunch', productive: false, loggedIn: true, occupancy: 'none' },
    { code: 'meeting', productive: false, loggedIn: true, occupancy: 'none' },
    { code: 'training', productive: false, loggedIn: true, occupancy: 'none' },
    { code: 'offline', productive: false, loggedIn: false, occupancy: 'none' },
  ],
  satisfies: {
    work: ['available', 'on-contact', 'after-contact-work', 'outbound'],
    break: ['break'],
    lunch: ['lunch'],
    meeting: ['meeting'],
    training: ['training'],
    coaching: ['meeting', 'training'],
    'time-off': ['offline', NO_STATE],
    offline: ['offline', NO_STATE],
  },
  graceSeconds: 60,
  countEarlyLogOff: true,
  countLateLogOff: true,
  midnightAttribution: 'shift-start',
};

const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads a PUT body into settings: every field optional (defaults), codes kebab-case and unique,
 * `satisfies` naming known activities and states. Throws 422 VALIDATION_FAILED listing the
 * problems.
 */
export function parseAdherenceSettings(body: unknown): AdherenceSettings {
  const errors: FieldError[] = [];
  const b = isRecord(body) ? body : {};
  if (!isRecord(body)) errors.push({ field: '', reason: 'must be a JSON object' });
  const known = new Set(['activities', 'states', 'satisfies', 'graceSeconds', 'countEarlyLogOff', 'countLateLogOff', 'midnightAttribution']);
  for (const k of Object.keys(b)) if (!known.has(k)) errors.push({ field: k, reason: `is not a field; expected ${[...known].join(', ')}` });

  const list = <T>(field: string, fallback: T[], read: (v: Record<string, unknown>, at: string) => T | null): T[] => {
    const v = b[field];
    if (v === undefined) return fallback;
    if (!Array.isArray(v) || v.length === 0) {
      errors.push({ field, reason: 'must be a non-empty array' });
      return fallback;
    }
    const out: T[] = [];
    v.forEach((item: unknown, i) => {
      const at = `${field}[${i}]`;
      if (!isRecord(item)) errors.push({ field: at, reason: 'must be an object' });
      else {
        const r = read(item, at);
        if (r) out.push(r);
      }
    });
    return out;
  };
  const code = (item: Record<string, unknown>, at: string): string | null => {
    const c = item.code;
    if (typeof c !== 'string' || !CODE.test(c) || c === NO_STATE) {
      errors.push({ field: `${at}.code`, value: c, reason: `must be kebab-case (a-z, 0-9, -), at most 40 characters, not "${NO_STATE}"` });
      return null;
    }
    return c;
  };
  const flag = (item: Record<string, unknown>, key: string, at: string, fallback: boolean): boolean => {
    const v = item[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') errors.push({ field: `${at}.${key}`, value: v, reason: 'must be true or false' });
    return v === true;
  };
  const activities = list<ActivitySetting>('activities', DEFAULT_SETTINGS.activities, (item, at) => {
    const c = code(item, at);
    return c === null ? null : { code: c, productive: flag(item, 'productive', at, false) };
  });
  const states = list<StateSetting>('states', DEFAULT_SETTINGS.states, (item, at) => {
    const c = code(item, at);
    const occupancy = item.occupancy ?? 'none';
    if (occupancy !== 'busy' && occupancy !== 'idle' && occupancy !== 'none') {
      errors.push({ field: `${at}.occupancy`, value: occupancy, reason: 'must be busy, idle or none' });
      return null;
    }
    return c === null ? null : { code: c, productive: flag(item, 'productive', at, false), loggedIn: flag(item, 'loggedIn', at, true), occupancy };
  });
  for (const [field, items] of [['activities', activities], ['states', states]] as const) {
    const seen = new Set<string>();
    for (const i of items) {
      if (seen.has(i.code)) errors.push({ field, value: i.code, reason: `code ${i.code} appears more than once` });
      seen.add(i.code);
    }
  }
  const stateCodes = new Set([...states.map((s) => s.code), NO_STATE]);
  const activityCodes = new Set(activities.map((a) => a.code));
  let satisfies = DEFAULT_SETTINGS.satisfies;
  if (b.satisfies !== undefined) {
    if (!isRecord(b.satisfies)) errors.push({ field: 'satisfies', reason: 'must be an object: activity code → array of state codes' });
    else satisfies = b.satisfies as Record<string, string[]>;
  }
  for (const [a, list2] of Object.entries(satisfies)) {
    if (!activityCodes.has(a)) errors.push({ field: `satisfies.${a}`, reason: `${a} is not an activity of the list` });
    if (!Array.isArray(list2) || list2.some((s) => typeof s !== 'string' || !stateCodes.has(s))) {
      errors.push({ field: `satisfies.${a}`, value: list2, reason: `must be an array of state codes of the list (or "${NO_STATE}")` });
    }
  }
  const graceSeconds = b.graceSeconds ?? DEFAULT_SETTINGS.graceSeconds;
  if (typeof graceSeconds !== 'number' || !Number.isFinite(graceSeconds) || graceSeconds < 0 || graceSeconds > 3600) {
    errors.push({ field: 'graceSeconds', value: graceSeconds, reason: 'must be a number of seconds from 0 to 3600' });
  }
  const countEarlyLogOff = flag(b, 'countEarlyLogOff', '', DEFAULT_SETTINGS.countEarlyLogOff);
  const countLateLogOff = flag(b, 'countLateLogOff', '', DEFAULT_SETTINGS.countLateLogOff);
  if (b.midnightAttribution !== undefined && b.midnightAttribution !== 'shift-start') {
    errors.push({ field: 'midnightAttribution', value: b.midnightAttribution, reason: 'must be shift-start (a shift belongs to the day it starts)' });
  }
  if (errors.length) throw validationFailed(errors.map((e) => ({ ...e, field: e.field?.replace(/^\./, '') })));
  return { activities, states, satisfies, graceSeconds: graceSeconds as number, countEarlyLogOff, countLateLogOff, midnightAttribution: 'shift-start' };
}

/** Settings as the kernels read them: codes numbered in list order. */
export interface CompiledSettings {
  settings: AdherenceSettings;
  rules: AdherenceRules;
  activityIndex: Map<string, number>;
  stateIndex: Map<string, number>;
}

/** Numbers the codes and builds the satisfaction matrix. */
export function compileSettings(settings: AdherenceSettings): CompiledSettings {
  const S = settings.states.length;
  const activityIndex = new Map(settings.activities.map((a, i) => [a.code, i]));
  const stateIndex = new Map(settings.states.map((s, i) => [s.code, i]));
  const satisfies = new Uint8Array(settings.activities.length * (S + 1));
  for (const [a, states] of Object.entries(settings.satisfies)) {
    const ai = activityIndex.get(a);
    if (ai === undefined) continue;
    for (const s of states) satisfies[ai * (S + 1) + (s === NO_STATE ? S : (stateIndex.get(s) ?? S))] = 1;
  }
  return {
    settings,
    activityIndex,
    stateIndex,
    rules: {
      stateCount: S,
      satisfies,
      productiveActivity: Uint8Array.from(settings.activities, (a) => (a.productive ? 1 : 0)),
      productiveState: Uint8Array.from(settings.states, (s) => (s.productive ? 1 : 0)),
      loggedInState: Uint8Array.from(settings.states, (s) => (s.loggedIn ? 1 : 0)),
      graceSeconds: settings.graceSeconds,
      countEarlyLogOff: settings.countEarlyLogOff,
      countLateLogOff: settings.countLateLogOff,
    },
  };
}
