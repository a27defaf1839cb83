import type { CandidateShifts, RosterAgent, ShiftType } from '../../core/scheduling/scheduling-types.js';
import type { ZoneClock } from '../../core/time/create-zone-clock.js';
import { minutesOfDay, WEEKDAY_CODES, type SchedulingRules, type WeekdayCode } from './scheduling-rules.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The horizon of a scheduling problem: `intervalCount` intervals of `intervalMinutes` from the
 * UTC instant `fromMs`, and the local days (of `clock`) they touch. Day d is the local date
 * `firstLocalDay + d` (days since 1970-01-01); a shift belongs to the local day it starts on.
 */
export interface Horizon {
  fromMs: number;
  toMs: number;
  intervalMinutes: number;
  intervalCount: number;
  clock: ZoneClock;
  firstLocalDay: number;
  dayCount: number;
}

/** Local date (days since 1970-01-01) of an instant on a clock. */
export function localDayOf(clock: ZoneClock, utcMs: number): number {
  return Math.floor((utcMs + clock.offsetMinutesAt(utcMs) * MINUTE_MS) / DAY_MS);
}

/** ISO weekday index (0 = Monday) of a local date. */
export function weekdayOf(localDay: number): number {
  return (((localDay + 3) % 7) + 7) % 7;
}

/** The instant of a local wall-clock time (minutes after midnight of a local date): the earlier of a repeated time, null in a spring-forward gap. */
export function instantOfLocal(clock: ZoneClock, localDay: number, minutes: number): number | null {
  const r = clock.resolveLocal(localDay * DAY_MS + minutes * MINUTE_MS);
  if (r.kind === 'unique') return r.utcMs;
  if (r.kind === 'ambiguous') return r.earlierUtcMs;
  return null;
}

/** The first instant of a local date (midnight, or the end of a clock change skipping it). */
export function localMidnightOf(clock: ZoneClock, localDay: number): number {
  for (let m = 0; m <= 180; m += 15) {
    const at = instantOfLocal(clock, localDay, m);
    if (at !== null) return at;
  }
  return localDay * DAY_MS;
}

/** The horizon [fromMs, toMs) cut into intervals; both bounds on the interval grid (the caller checks). */
export function buildHorizon(fromMs: number, toMs: number, intervalMinutes: number, clock: ZoneClock): Horizon {
  const firstLocalDay = localDayOf(clock, fromMs);
  const lastLocalDay = localDayOf(clock, toMs - 1);
  return {
    fromMs, toMs, intervalMinutes, clock, firstLocalDay,
    intervalCount: Math.round((toMs - fromMs) / (intervalMinutes * MINUTE_MS)),
    dayCount: Math.max(0, lastLocalDay - firstLocalDay + 1),
  };
}

/** Whether [startMin, endMin) (minutes of the local day) lies inside one open range of the weekday. */
function insideOpening(rules: SchedulingRules, weekday: WeekdayCode, startMin: number, endMin: number): boolean {
  if (!rules.openingHours) return true;
  return (rules.openingHours[weekday] ?? []).some(([a, b]) => minutesOfDay(a) <= startMin && endMin <= minutesOfDay(b));
}

/**
 * The candidate shifts of the rules on a horizon: for every local day, shift type and start
 * window of the day's weekday, every start from the window's first time to its last (both
 * inclusive) in steps of the type's `startStepMinutes`, as local wall-clock times of the
 * horizon's zone. A local time skipped by a spring-forward change has no candidate; one repeated
 * in the autumn starts at its earlier instant. A shift that would leave the horizon, or (when
 * the rules set opening hours) leave the open hours of its start day, is no candidate. Late: the
 * shift ends after the rules' late hour (local start + length); weekend: Saturday or Sunday.
 */
export function buildCandidates(h: Horizon, rules: SchedulingRules): { shiftTypes: ShiftType[]; candidates: CandidateShifts } {
  const shiftTypes: ShiftType[] = rules.shiftTypes.map((t) => ({ code: t.code, lengthMinutes: t.lengthMinutes, breaks: t.breaks.map((b) => ({ ...b })) }));
  const horizonMinutes = (h.toMs - h.fromMs) / MINUTE_MS;
  const late = minutesOfDay(rules.lateHour);
  const type: number[] = [], start: number[] = [], day: number[] = [], isLate: number[] = [], weekend: number[] = [];
  for (let d = 0; d < h.dayCount; d++) {
    const localDay = h.firstLocalDay + d;
    const w = weekdayOf(localDay);
    const weekday = WEEKDAY_CODES[w];
    rules.shiftTypes.forEach((t, ti) => {
      const seen = new Set<number>();
      for (const [a, b] of t.startWindows[weekday] ?? []) {
        for (let m = minutesOfDay(a); m <= minutesOfDay(b); m += t.startStepMinutes) {
          if (!insideOpening(rules, weekday, m, m + t.lengthMinutes)) continue;
          const at = instantOfLocal(h.clock, localDay, m);
          if (at === null) continue;
          const minutes = (at - h.fromMs) / MINUTE_MS;
          if (minutes < 0 || minutes + t.lengthMinutes > horizonMinutes || seen.has(minutes)) continue;
          seen.add(minutes);
          type.push(ti);
          start.push(minutes);
          day.push(d);
          isLate.push(m + t.lengthMinutes > late ? 1 : 0);
          weekend.push(w >= 5 ? 1 : 0);
        }
      }
    });
  }
  return {
    shiftTypes,
    candidates: { type: Int32Array.from(type), startMinutes: Int32Array.from(start), day: Int32Array.from(day), late: Uint8Array.from(isLate), weekend: Uint8Array.from(weekend) },
  };
}

/**
 * Agents needed on the phones per interval of the horizon: the sum over the channels of the
 * plan's `agents` at that interval start; NaN where no channel's plan holds the interval
 * (missing, not zero). When the rules set opening hours, an interval outside them needs 0.
 */
export function requiredAgents(h: Horizon, channels: ReadonlyArray<ReadonlyArray<{ startMs: number; agents: number }>>, rules: SchedulingRules): Float64Array {
  const out = new Float64Array(h.intervalCount).fill(NaN);
  const step = h.intervalMinutes * MINUTE_MS;
  for (const rows of channels) {
    for (const r of rows) {
      const k = (r.startMs - h.fromMs) / step;
      if (!Number.isInteger(k) || k < 0 || k >= h.intervalCount || !Number.isFinite(r.agents)) continue;
      out[k] = (out[k] === out[k] ? out[k] : 0) + r.agents;
    }
  }
  if (rules.openingHours) {
    for (let k = 0; k < h.intervalCount; k++) {
      const t = h.fromMs + k * step;
      const localMinutes = Math.round((t + h.clock.offsetMinutesAt(t) * MINUTE_MS - localDayOf(h.clock, t) * DAY_MS) / MINUTE_MS);
      const weekday = WEEKDAY_CODES[weekdayOf(localDayOf(h.clock, t))];
      if (!insideOpening(rules, weekday, localMinutes, localMinutes + h.intervalMinutes)) out[k] = 0;
    }
  }
  return out;
}

/** An agent of the roster with the contract data the solver needs. */
export interface RosterEntry {
  agentId: string;
  minWeeklyMinutes: number;
  maxWeeklyMinutes: number;
  availableDays: readonly WeekdayCode[];
  /** Daily availability window, local minutes after midnight (end exclusive); null: all day. */
  availableFromMinutes: number | null;
  availableToMinutes: number | null;
}

/** An activity already on the schedule: `shift` for shift activities (work, the rules' breaks), else time off or another booking. */
export interface BookedActivity {
  agentId: string;
  startMs: number;
  endMs: number;
  shift: boolean;
}

/**
 * The roster as the solver sees it: available days from the agent's weekdays; blocked minutes
 * from the bookings that are not shift activities (time off, meetings, training ... overlapping
 * the horizon) and, on available days, the time outside the agent's daily window; the end of
 * the agent's last shift activity ending at or before the horizon start (minutes from it, ≤ 0)
 * for the rest rule, or null when none is known.
 */
export function rosterAgents(h: Horizon, entries: readonly RosterEntry[], booked: readonly BookedActivity[]): RosterAgent[] {
  const horizonMinutes = (h.toMs - h.fromMs) / MINUTE_MS;
  const byAgent = new Map<string, BookedActivity[]>();
  for (const b of booked) {
    let list = byAgent.get(b.agentId);
    if (!list) byAgent.set(b.agentId, (list = []));
    list.push(b);
  }
  const clamp = (fromMs: number, toMs: number): [number, number] | null => {
    const a = Math.max(0, Math.floor((fromMs - h.fromMs) / MINUTE_MS));
    const b = Math.min(horizonMinutes, Math.ceil((toMs - h.fromMs) / MINUTE_MS));
    return b > a ? [a, b] : null;
  };
  return entries.map((e) => {
    const availableDays = new Uint8Array(h.dayCount);
    const blocked: Array<[number, number]> = [];
    const days = new Set(e.availableDays);
    for (let d = 0; d < h.dayCount; d++) {
      const localDay = h.firstLocalDay + d;
      if (!days.has(WEEKDAY_CODES[weekdayOf(localDay)])) continue;
      availableDays[d] = 1;
      if (e.availableFromMinutes === null && e.availableToMinutes === null) continue;
      const midnight = localMidnightOf(h.clock, localDay);
      const next = localMidnightOf(h.clock, localDay + 1);
      const from = e.availableFromMinutes === null ? midnight : (instantOfLocal(h.clock, localDay, e.availableFromMinutes) ?? midnight);
      const to = e.availableToMinutes === null || e.availableToMinutes >= 1440 ? next : (instantOfLocal(h.clock, localDay, e.availableToMinutes) ?? next);
      const before = clamp(midnight, from);
      const after = clamp(to, next);
      if (before) blocked.push(before);
      if (after) blocked.push(after);
    }
    let last: number | null = null;
    for (const b of byAgent.get(e.agentId) ?? []) {
      if (b.shift) {
        if (b.endMs <= h.fromMs) last = Math.max(last ?? -Infinity, (b.endMs - h.fromMs) / MINUTE_MS);
        continue;
      }
      const span = clamp(b.startMs, b.endMs);
      if (span) blocked.push(span);
    }
    blocked.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return { id: e.agentId, minWeeklyMinutes: e.minWeeklyMinutes, maxWeeklyMinutes: e.maxWeeklyMinutes, availableDays, blockedMinutes: blocked, lastShiftEndMinutes: last };
  });
}
