import { compileBusinessCalendar } from '../../core/service-objectives/compile-business-calendar.js';
import type { BusinessCalendar } from '../../core/service-objectives/business-calendar.js';
import { parseCivilDate } from '../../core/time/parse-civil-date.js';
import { validationFailed, type FieldError } from '../../platform/errors/domain-error.js';
import { zoneClockFor } from '../channels/zone-clocks.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A tenant's business calendar as the API reads and writes it. */
export interface BusinessCalendarSettings {
  timeZone: string;
  workingDays: Weekday[];
  /** Wall-clock HH:MM; closesAt may be 24:00. */
  opensAt: string;
  closesAt: string;
  /** Local dates (YYYY-MM-DD) not worked, sorted. */
  holidays: string[];
}

/** Until a PUT: Monday to Friday, 09:00–17:00 UTC, no holidays. */
export const DEFAULT_CALENDAR: BusinessCalendarSettings = { timeZone: 'UTC', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], opensAt: '09:00', closesAt: '17:00', holidays: [] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function minuteOf(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return NaN;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h === 24 && min === 0) return 1440;
  return h < 24 && min < 60 ? h * 60 + min : NaN;
}

function dayOf(text: string): number {
  return parseCivilDate(text);
}

function validZone(zone: string): boolean {
  try {
    zoneClockFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Checks a business calendar document; 422 VALIDATION_FAILED naming every bad field. */
export function parseBusinessCalendar(body: unknown): BusinessCalendarSettings {
  if (!isRecord(body)) throw validationFailed([{ field: '', reason: 'must be a JSON object { timeZone, workingDays, opensAt, closesAt, holidays }' }]);
  const errors: FieldError[] = [];
  for (const k of Object.keys(body)) if (!['timeZone', 'workingDays', 'opensAt', 'closesAt', 'holidays'].includes(k)) errors.push({ field: k, reason: 'is not a calendar property' });
  const { timeZone, workingDays, opensAt, closesAt, holidays } = body;
  if (typeof timeZone !== 'string' || !validZone(timeZone)) errors.push({ field: 'timeZone', value: timeZone, reason: 'must be an IANA time zone such as Europe/Berlin' });
  if (!Array.isArray(workingDays) || workingDays.length === 0 || !workingDays.every((d) => typeof d === 'string' && (WEEKDAYS as readonly string[]).includes(d)) || new Set(workingDays).size !== workingDays.length) {
    errors.push({ field: 'workingDays', value: workingDays, reason: `must be a non-empty list of distinct weekdays among ${WEEKDAYS.join(', ')}` });
  }
  const open = typeof opensAt === 'string' ? minuteOf(opensAt) : NaN;
  const close = typeof closesAt === 'string' ? minuteOf(closesAt) : NaN;
  if (Number.isNaN(open) || open === 1440) errors.push({ field: 'opensAt', value: opensAt, reason: 'must be a wall-clock time HH:MM' });
  if (Number.isNaN(close)) errors.push({ field: 'closesAt', value: closesAt, reason: 'must be a wall-clock time HH:MM (24:00 for midnight)' });
  else if (!Number.isNaN(open) && !(close > open)) errors.push({ field: 'closesAt', value: closesAt, reason: 'must be after opensAt' });
  const days: string[] = [];
  if (holidays !== undefined) {
    if (!Array.isArray(holidays) || holidays.length > 2000) errors.push({ field: 'holidays', reason: 'must be a list of at most 2000 dates YYYY-MM-DD' });
    else {
      holidays.forEach((h: unknown, i) => {
        if (typeof h !== 'string' || Number.isNaN(dayOf(h))) errors.push({ field: `holidays[${i}]`, value: h, reason: 'must be a date YYYY-MM-DD' });
        else days.push(h);
      });
    }
  }
  if (errors.length) throw validationFailed(errors);
  const order = (d: string): number => WEEKDAYS.indexOf(d as Weekday);
  return {
    timeZone: timeZone as string,
    workingDays: [...(workingDays as Weekday[])].sort((a, b) => order(a) - order(b)),
    opensAt: opensAt as string,
    closesAt: closesAt as string,
    holidays: [...new Set(days)].sort(),
  };
}

/** The calendar for the business-time kernels, and the seconds of one business day. */
export function compileCalendar(s: BusinessCalendarSettings): { calendar: BusinessCalendar; businessDaySeconds: number } {
  const open = minuteOf(s.opensAt);
  const close = minuteOf(s.closesAt);
  const calendar = compileBusinessCalendar(zoneClockFor(s.timeZone), s.workingDays.map((d) => WEEKDAYS.indexOf(d) + 1), open, close, s.holidays.map(dayOf));
  return { calendar, businessDaySeconds: (close - open) * 60 };
}
