import { validationFailed, type FieldError } from '../../platform/errors/domain-error.js';

/** ISO weekdays, Monday first (the keys of start windows, opening hours and availability). */
export const WEEKDAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** A break of a shift type: its code (an activity of the adherence rules), length and start window after the shift start. */
export interface BreakRuleSetting {
  code: string;
  lengthMinutes: number;
  earliestStartMinutes: number;
  latestStartMinutes: number;
  paid: boolean;
}

/** A kind of shift: its length (breaks included), where it may start, its breaks. */
export interface ShiftTypeSetting {
  code: string;
  lengthMinutes: number;
  /** Local start windows per weekday (`HH:MM`, both inclusive); a weekday left out: no start that day. */
  startWindows: Partial<Record<WeekdayCode, Array<[string, string]>>>;
  /** Minutes between two candidate starts inside a window (a multiple of 15). */
  startStepMinutes: number;
  breaks: BreakRuleSetting[];
}

/** Everything `PUT /api/v1/scheduling/rules` sets. */
export interface SchedulingRules {
  shiftTypes: ShiftTypeSetting[];
  /** Minimum rest between two shifts of an agent. */
  minRestMinutes: number;
  /** Days off in every 7 days. */
  daysOffPerWeek: number;
  /** Open hours per weekday (`HH:MM`, end exclusive, `24:00` allowed) when they differ from the forecast's; null: the plan decides. */
  openingHours: Partial<Record<WeekdayCode, Array<[string, string]>>> | null;
  /** A shift ending after this local time (or after midnight) is late (fairness). */
  lateHour: string;
  penalties: { underPerAgentHour: number; overPerAgentHour: number };
  limits: { timeLimitSeconds: number; mipRelativeGap: number };
}

const ALL_DAYS = (from: string, to: string): Record<WeekdayCode, Array<[string, string]>> =>
  Object.fromEntries(WEEKDAY_CODES.map((d) => [d, [[from, to]]])) as Record<WeekdayCode, Array<[string, string]>>;

const FULL_DAY_BREAKS = (lengthMinutes: number): BreakRuleSetting[] => [
  { code: 'break', lengthMinutes: 15, earliestStartMinutes: 60, latestStartMinutes: 150, paid: true },
  { code: 'lunch', lengthMinutes: 30, earliestStartMinutes: 180, latestStartMinutes: 300, paid: false },
  { code: 'break', lengthMinutes: 15, earliestStartMinutes: 345, latestStartMinutes: lengthMinutes - 60, paid: true },
];

/**
 * The defaults (docs/scheduling-api.md): 4, 6, 8 and 9 hour shifts starting on the half-hour
 * every day, from 06:00 to the latest start that ends by 22:00; a 15-minute paid break in each
 * half (one in a 4 h shift) and, in shifts of 8 h or more, a 30-minute unpaid lunch starting
 * 3 to 5 hours into the shift; 11 h rest, 2 days off a week, late after 20:00, under-coverage
 * 4 and over-coverage 0.1 per agent-hour (paid hours cost 1), 60 s and a 1% MIP gap.
 */
export const DEFAULT_RULES: SchedulingRules = {
  shiftTypes: [
    { code: 'S4', lengthMinutes: 240, startWindows: ALL_DAYS('06:00', '18:00'), startStepMinutes: 30, breaks: [{ code: 'break', lengthMinutes: 15, earliestStartMinutes: 90, latestStartMinutes: 150, paid: true }] },
    {
      code: 'S6', lengthMinutes: 360, startWindows: ALL_DAYS('06:00', '16:00'), startStepMinutes: 30,
      breaks: [
        { code: 'break', lengthMinutes: 15, earliestStartMinutes: 60, latestStartMinutes: 150, paid: true },
        { code: 'break', lengthMinutes: 15, earliestStartMinutes: 210, latestStartMinutes: 300, paid: true },
      ],
    },
    { code: 'S8', lengthMinutes: 480, startWindows: ALL_DAYS('06:00', '14:00'), startStepMinutes: 30, breaks: FULL_DAY_BREAKS(480) },
    { code: 'S9', lengthMinutes: 540, startWindows: ALL_DAYS('06:00', '13:00'), startStepMinutes: 30, breaks: FULL_DAY_BREAKS(540) },
  ],
  minRestMinutes: 660,
  daysOffPerWeek: 2,
  openingHours: null,
  lateHour: '20:00',
  penalties: { underPerAgentHour: 4, overPerAgentHour: 0.1 },
  limits: { timeLimitSeconds: 60, mipRelativeGap: 0.01 },
};

const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/i;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
const MAX_SHIFT_MINUTES = 16 * 60;

/** Minutes after local midnight of `HH:MM` (`24:00` = 1440), or NaN. */
export function minutesOfDay(text: unknown): number {
  if (typeof text !== 'string') return NaN;
  const m = TIME.exec(text);
  if (!m) return NaN;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 1440 ? v : NaN;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the rules an admin PUTs; omitted top-level fields take their defaults. Throws 422 naming every bad field. */
export function parseSchedulingRules(body: unknown, activities: ReadonlySet<string>): SchedulingRules {
  const errors: FieldError[] = [];
  const bad = (field: string, value: unknown, reason: string): void => void errors.push({ field, value, reason });
  if (!isRecord(body)) throw validationFailed([{ field: '(body)', reason: 'must be a JSON object' }]);
  const known = new Set(['shiftTypes', 'minRestMinutes', 'daysOffPerWeek', 'openingHours', 'lateHour', 'penalties', 'limits']);
  for (const k of Object.keys(body)) if (!known.has(k)) bad(k, undefined, 'is not a field of the scheduling rules');

  const int = (field: string, v: unknown, min: number, max: number, multipleOf = 1): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      bad(field, v, `must be a whole number from ${min} to ${max}`);
      return NaN;
    }
    if (v % multipleOf !== 0) bad(field, v, `must be a multiple of ${multipleOf} minutes`);
    return v;
  };
  const num = (field: string, v: unknown, min: number, max: number): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      bad(field, v, `must be a number from ${min} to ${max}`);
      return NaN;
    }
    return v;
  };
  const windows = (field: string, v: unknown, startsInclusive: boolean): Partial<Record<WeekdayCode, Array<[string, string]>>> => {
    if (!isRecord(v)) {
      bad(field, v, 'must be an object keyed by weekday (mon … sun) holding [["HH:MM", "HH:MM"], ...]');
      return {};
    }
    const out: Partial<Record<WeekdayCode, Array<[string, string]>>> = {};
    for (const [day, ranges] of Object.entries(v)) {
      if (!(WEEKDAY_CODES as readonly string[]).includes(day)) {
        bad(`${field}.${day}`, day, 'must be a weekday: mon, tue, wed, thu, fri, sat, sun');
        continue;
      }
      if (!Array.isArray(ranges)) {
        bad(`${field}.${day}`, ranges, 'must be a list of ["HH:MM", "HH:MM"] pairs');
        continue;
      }
      const list: Array<[string, string]> = [];
      ranges.forEach((r: unknown, i) => {
        const where = `${field}.${day}[${i}]`;
        if (!Array.isArray(r) || r.length !== 2) return bad(where, r, 'must be a ["HH:MM", "HH:MM"] pair');
        const [a, b] = [minutesOfDay(r[0]), minutesOfDay(r[1])];
        if (Number.isNaN(a) || Number.isNaN(b)) return bad(where, r, 'must hold two local times HH:MM (00:00 to 24:00)');
        if (a % 15 !== 0 || b % 15 !== 0) return bad(where, r, 'must lie on the quarter-hour grid (minutes 00, 15, 30 or 45)');
        if (startsInclusive ? b < a : b <= a) return bad(where, r, startsInclusive ? 'must not end before it starts' : 'must end after it starts');
        list.push([r[0] as string, r[1] as string]);
      });
      out[day as WeekdayCode] = list;
    }
    return out;
  };

  const rules: SchedulingRules = structuredClone(DEFAULT_RULES);
  if (body.shiftTypes !== undefined) {
    if (!Array.isArray(body.shiftTypes) || body.shiftTypes.length === 0 || body.shiftTypes.length > 50) {
      bad('shiftTypes', undefined, 'must be a list of 1 to 50 shift types');
    } else {
      const codes = new Set<string>();
      rules.shiftTypes = body.shiftTypes.map((t: unknown, i): ShiftTypeSetting => {
        const f = `shiftTypes[${i}]`;
        if (!isRecord(t)) {
          bad(f, t, 'must be an object { code, lengthMinutes, startWindows, startStepMinutes, breaks }');
          return { code: '', lengthMinutes: 0, startWindows: {}, startStepMinutes: 30, breaks: [] };
        }
        for (const k of Object.keys(t)) if (!['code', 'lengthMinutes', 'startWindows', 'startStepMinutes', 'breaks'].includes(k)) bad(`${f}.${k}`, undefined, 'is not a field of a shift type');
        const code = typeof t.code === 'string' ? t.code : '';
        if (!CODE.test(code)) bad(`${f}.code`, t.code, 'must be 1 to 40 letters, digits or dashes');
        else if (codes.has(code)) bad(`${f}.code`, code, 'names a shift type twice');
        codes.add(code);
        const lengthMinutes = int(`${f}.lengthMinutes`, t.lengthMinutes, 15, MAX_SHIFT_MINUTES, 15);
        const startStepMinutes = t.startStepMinutes === undefined ? 30 : int(`${f}.startStepMinutes`, t.startStepMinutes, 15, 1440, 15);
        const startWindows = windows(`${f}.startWindows`, t.startWindows, true);
        const breaks: BreakRuleSetting[] = [];
        if (t.breaks !== undefined && !Array.isArray(t.breaks)) bad(`${f}.breaks`, t.breaks, 'must be a list of breaks');
        const breakList: unknown[] = Array.isArray(t.breaks) ? (t.breaks as unknown[]) : [];
        breakList.forEach((b: unknown, j) => {
          const g = `${f}.breaks[${j}]`;
          if (!isRecord(b)) return bad(g, b, 'must be an object { code, lengthMinutes, earliestStartMinutes, latestStartMinutes, paid }');
          for (const k of Object.keys(b)) if (!['code', 'lengthMinutes', 'earliestStartMinutes', 'latestStartMinutes', 'paid'].includes(k)) bad(`${g}.${k}`, undefined, 'is not a field of a break');
          const bcode = typeof b.code === 'string' ? b.code : '';
          if (!activities.has(bcode)) bad(`${g}.code`, b.code, `must be an activity of the adherence rules: ${[...activities].join(', ')}`);
          if (bcode === 'work') bad(`${g}.code`, b.code, 'must not be work (the on-phone activity)');
          const len = int(`${g}.lengthMinutes`, b.lengthMinutes, 5, 240, 5);
          const lo = int(`${g}.earliestStartMinutes`, b.earliestStartMinutes, 0, MAX_SHIFT_MINUTES, 5);
          const hi = int(`${g}.latestStartMinutes`, b.latestStartMinutes, 0, MAX_SHIFT_MINUTES, 5);
          if (typeof b.paid !== 'boolean') bad(`${g}.paid`, b.paid, 'must be true or false');
          if (lo > hi) bad(`${g}.latestStartMinutes`, hi, 'must not be before earliestStartMinutes');
          if (!(lo > 0)) bad(`${g}.earliestStartMinutes`, lo, 'must be after the shift start (a break inside its shift)');
          if (hi + len >= lengthMinutes) bad(`${g}.latestStartMinutes`, hi, `a break starting then ends at or after the end of its ${lengthMinutes}-minute shift`);
          breaks.push({ code: bcode, lengthMinutes: len, earliestStartMinutes: lo, latestStartMinutes: hi, paid: b.paid === true });
        });
        return { code, lengthMinutes, startWindows, startStepMinutes, breaks };
      });
    }
  }
  if (body.minRestMinutes !== undefined) rules.minRestMinutes = int('minRestMinutes', body.minRestMinutes, 0, 2880, 15);
  if (body.daysOffPerWeek !== undefined) rules.daysOffPerWeek = int('daysOffPerWeek', body.daysOffPerWeek, 0, 6);
  if (body.openingHours !== undefined) rules.openingHours = body.openingHours === null ? null : windows('openingHours', body.openingHours, false);
  if (body.lateHour !== undefined) {
    if (Number.isNaN(minutesOfDay(body.lateHour))) bad('lateHour', body.lateHour, 'must be a local time HH:MM');
    else rules.lateHour = body.lateHour as string;
  }
  if (body.penalties !== undefined) {
    if (!isRecord(body.penalties)) bad('penalties', body.penalties, 'must be { underPerAgentHour, overPerAgentHour }');
    else {
      const p = body.penalties;
      for (const k of Object.keys(p)) if (!['underPerAgentHour', 'overPerAgentHour'].includes(k)) bad(`penalties.${k}`, undefined, 'is not a penalty');
      if (p.underPerAgentHour !== undefined) rules.penalties.underPerAgentHour = num('penalties.underPerAgentHour', p.underPerAgentHour, 0, 1000);
      if (p.overPerAgentHour !== undefined) rules.penalties.overPerAgentHour = num('penalties.overPerAgentHour', p.overPerAgentHour, 0, 1000);
    }
  }
  if (body.limits !== undefined) {
    if (!isRecord(body.limits)) bad('limits', body.limits, 'must be { timeLimitSeconds, mipRelativeGap }');
    else {
      const l = body.limits;
      for (const k of Object.keys(l)) if (!['timeLimitSeconds', 'mipRelativeGap'].includes(k)) bad(`limits.${k}`, undefined, 'is not a solver limit');
      if (l.timeLimitSeconds !== undefined) rules.limits.timeLimitSeconds = num('limits.timeLimitSeconds', l.timeLimitSeconds, 1, 3600);
      if (l.mipRelativeGap !== undefined) rules.limits.mipRelativeGap = num('limits.mipRelativeGap', l.mipRelativeGap, 0, 1);
    }
  }
  if (errors.length) throw validationFailed(errors);
  return rules;
}
