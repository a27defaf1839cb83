import { mulberry32 } from '../../src/core/numeric/mulberry32.js';
import type { MipSolve } from '../../src/core/scheduling/mip-types.js';
import type {
  RosterAgent,
  ScheduleSolution,
  SchedulingProblem,
  ShiftType,
} from '../../src/core/scheduling/scheduling-types.js';
import { coverageFromActivities } from '../../src/core/scheduling/coverage-from-activities.js';
import { highsMipSolve, loadHighs } from '../../src/modules/scheduling/highs-mip-solve.js';

/** HiGHS (WebAssembly) as the core's MipSolve, loaded once per test file. */
export async function testMipSolve(): Promise<MipSolve> {
  return highsMipSolve(await loadHighs());
}

export interface ProblemRules {
  intervalMinutes: number;
  dayCount: number;
  requiredAgents: Float64Array;
  shiftTypes: ShiftType[];
  startStepMinutes: number;
  /** Minute of the day from which shifts may start, and by which they must end. */
  openMinute: number;
  closeMinute: number;
  /** A shift ending after this minute of its day is late. */
  lateAfterMinute?: number;
  weekendDays?: number[];
  agents?: RosterAgent[];
  underPerAgentHour?: number;
  overPerAgentHour?: number;
  timeLimitSeconds?: number;
  minRestMinutes?: number;
  minDaysOffPerWeek?: number;
  mipRelativeGap?: number;
}

/** A problem whose candidates are every type at every start step inside opening hours, every day. */
export function problemFromRules(rules: ProblemRules): SchedulingProblem {
  const type: number[] = [];
  const start: number[] = [];
  const day: number[] = [];
  const late: number[] = [];
  const weekend: number[] = [];
  for (let d = 0; d < rules.dayCount; d++) {
    rules.shiftTypes.forEach((shiftType, k) => {
      for (
        let m = rules.openMinute;
        m + shiftType.lengthMinutes <= rules.closeMinute;
        m += rules.startStepMinutes
      ) {
        type.push(k);
        start.push(d * 1440 + m);
        day.push(d);
        late.push(m + shiftType.lengthMinutes > (rules.lateAfterMinute ?? Infinity) ? 1 : 0);
        weekend.push(rules.weekendDays?.includes(d % 7) ? 1 : 0);
      }
    });
  }
  return {
    intervalMinutes: rules.intervalMinutes,
    requiredAgents: rules.requiredAgents,
    dayCount: rules.dayCount,
    shiftTypes: rules.shiftTypes,
    candidates: {
      type: Int32Array.from(type),
      startMinutes: Int32Array.from(start),
      day: Int32Array.from(day),
      late: Uint8Array.from(late),
      weekend: Uint8Array.from(weekend),
    },
    penalties: {
      underPerAgentHour: rules.underPerAgentHour ?? 4,
      overPerAgentHour: rules.overPerAgentHour ?? 0.1,
    },
    agents: rules.agents ?? [],
    roster: {
      minRestMinutes: rules.minRestMinutes ?? 660,
      minDaysOffPerWeek: rules.minDaysOffPerWeek ?? 2,
    },
    limits: {
      timeLimitSeconds: rules.timeLimitSeconds ?? 10,
      mipRelativeGap: rules.mipRelativeGap ?? 1e-6,
    },
  };
}

/** A random seeded instance: 30-minute intervals, 1–7 days, 2–4 shift types with breaks, agents or not. */
export function randomProblem(seed: number, withAgents: boolean): SchedulingProblem {
  const random = mulberry32(seed);
  const intervalMinutes = 30;
  const dayCount = 1 + Math.floor(random() * 7);
  const perDay = 1440 / intervalMinutes;
  const required = new Float64Array(dayCount * perDay);
  const peak = 2 + random() * 10;
  for (let d = 0; d < dayCount; d++) {
    for (let i = 0; i < perDay; i++) {
      const h = (i * intervalMinutes) / 60;
      const value =
        h < 7 || h >= 21
          ? 0
          : peak * (0.4 + 0.6 * Math.sin((Math.PI * (h - 7)) / 14)) * (0.8 + 0.4 * random());
      required[d * perDay + i] = random() < 0.03 ? NaN : Math.round(value * 10) / 10;
    }
  }
  const allTypes: ShiftType[] = [
    {
      code: 'h4',
      lengthMinutes: 240,
      breaks: [
        {
          code: 'break',
          lengthMinutes: 15,
          earliestStartMinutes: 60,
          latestStartMinutes: 150,
          paid: true,
        },
      ],
    },
    {
      code: 'h6',
      lengthMinutes: 360,
      breaks: [
        {
          code: 'break',
          lengthMinutes: 15,
          earliestStartMinutes: 60,
          latestStartMinutes: 150,
          paid: true,
        },
        {
          code: 'break',
          lengthMinutes: 15,
          earliestStartMinutes: 210,
          latestStartMinutes: 300,
          paid: true,
        },
      ],
    },
    {
      code: 'h8',
      lengthMinutes: 480,
      breaks: [
        {
          code: 'break',
          lengthMinutes: 15,
          earliestStartMinutes: 60,
          latestStartMinutes: 180,
          paid: true,
        },
        {
          code: 'lunch',
          lengthMinutes: 30,
          earliestStartMinutes: 180,
          latestStartMinutes: 300,
          paid: false,
        },
        {
          code: 'break',
          lengthMinutes: 15,
          earliestStartMinutes: 300,
          latestStartMinutes: 420,
          paid: true,
        },
      ],
    },
    {
      code: 'h5',
      lengthMinutes: 300,
      breaks: [
        {
          code: 'lunch',
          lengthMinutes: 30,
          earliestStartMinutes: 120,
          latestStartMinutes: 180,
          paid: false,
        },
      ],
    },
  ];
  const typeCount = 2 + Math.floor(random() * 3);
  const shiftTypes = allTypes.slice(0, typeCount);
  const agents: RosterAgent[] = [];
  if (withAgents) {
    const count = 3 + Math.floor(random() * 12);
    for (let a = 0; a < count; a++) {
      const fullTime = random() < 0.6;
      const availableDays = new Uint8Array(dayCount).map(() => (random() < 0.8 ? 1 : 0));
      const blocked: [number, number][] = [];
      if (random() < 0.3) {
        const d = Math.floor(random() * dayCount);
        const from = d * 1440 + 600 + 30 * Math.floor(random() * 10);
        blocked.push([from, from + 120]);
      }
      agents.push({
        id: `agent-${a}`,
        minWeeklyMinutes: fullTime ? 36 * 60 : 20 * 60,
        maxWeeklyMinutes: fullTime ? 40 * 60 : 30 * 60,
        availableDays,
        blockedMinutes: blocked,
        lastShiftEndMinutes: random() < 0.5 ? -60 * Math.floor(random() * 12) : null,
      });
    }
  }
  return problemFromRules({
    intervalMinutes,
    dayCount,
    requiredAgents: required,
    shiftTypes,
    startStepMinutes: 30,
    openMinute: 7 * 60,
    closeMinute: 21 * 60,
    lateAfterMinute: 19 * 60,
    weekendDays: [5, 6],
    agents,
    timeLimitSeconds: 3,
    mipRelativeGap: 0.01,
  });
}

/**
 * Every rule a solution must obey, as a list of violations (empty when it obeys them all):
 * candidate shifts only, breaks inside their windows and inside their shift, one break per rule
 * per shift, no two breaks of a shift overlapping, agents in range, at most one shift per agent
 * per day, availability, blocked time, rest (also after lastShiftEndMinutes), days off and
 * weekly maximum minutes per 7-day block (the minimum is a penalised target), coverage equal to
 * coverageFromActivities within 1e-9, under/over and totals consistent.
 */
export function violations(problem: SchedulingProblem, solution: ScheduleSolution): string[] {
  const out: string[] = [];
  const { candidates, shiftTypes, agents } = problem;
  const shifts = solution.shifts;
  const perShiftRules = new Map<number, Set<number>>();
  for (let b = 0; b < solution.breaks.shift.length; b++) {
    const s = solution.breaks.shift[b];
    const c = shifts.candidate[s];
    const type = shiftTypes[candidates.type[c]];
    const rule = type.breaks[solution.breaks.rule[b]];
    const offset = solution.breaks.startMinutes[b] - candidates.startMinutes[c];
    if (!rule) out.push(`break ${b}: no rule ${solution.breaks.rule[b]}`);
    else {
      if (offset < rule.earliestStartMinutes || offset > rule.latestStartMinutes)
        out.push(`break ${b} outside its window`);
      if (offset + rule.lengthMinutes > type.lengthMinutes) out.push(`break ${b} leaves its shift`);
    }
    let set = perShiftRules.get(s);
    if (!set) perShiftRules.set(s, (set = new Set()));
    if (set.has(solution.breaks.rule[b]))
      out.push(`shift ${s} has rule ${solution.breaks.rule[b]} twice`);
    set.add(solution.breaks.rule[b]);
  }
  const breaksOf = new Map<number, number[]>();
  for (let b = 0; b < solution.breaks.shift.length; b++) {
    const list = breaksOf.get(solution.breaks.shift[b]) ?? [];
    list.push(b);
    breaksOf.set(solution.breaks.shift[b], list);
  }
  for (let s = 0; s < shifts.candidate.length; s++) {
    const c = shifts.candidate[s];
    if (!(c >= 0 && c < candidates.type.length)) {
      out.push(`shift ${s}: not a candidate`);
      continue;
    }
    const type = shiftTypes[candidates.type[c]];
    if ((perShiftRules.get(s)?.size ?? 0) !== type.breaks.length)
      out.push(
        `shift ${s}: ${perShiftRules.get(s)?.size ?? 0} breaks, its type has ${type.breaks.length}`,
      );
    const list = breaksOf.get(s) ?? [];
    for (const b1 of list) {
      for (const b2 of list) {
        if (b1 >= b2) continue;
        const s1 = solution.breaks.startMinutes[b1];
        const s2 = solution.breaks.startMinutes[b2];
        const l1 = type.breaks[solution.breaks.rule[b1]].lengthMinutes;
        const l2 = type.breaks[solution.breaks.rule[b2]].lengthMinutes;
        if (s1 < s2 + l2 && s2 < s1 + l1) out.push(`shift ${s}: breaks ${b1} and ${b2} overlap`);
      }
    }
    const a = shifts.agent[s];
    if (a < -1 || a >= agents.length) out.push(`shift ${s}: agent ${a} out of range`);
    if (!agents.length && a !== -1) out.push(`shift ${s}: an agent without named agents`);
  }
  for (let a = 0; a < agents.length; a++) {
    const agent = agents[a];
    const mine: number[] = [];
    for (let s = 0; s < shifts.candidate.length; s++)
      if (shifts.agent[s] === a) mine.push(shifts.candidate[s]);
    mine.sort((x, y) => candidates.startMinutes[x] - candidates.startMinutes[y]);
    const days = new Set<number>();
    let previousEnd = agent.lastShiftEndMinutes;
    for (const c of mine) {
      const start = candidates.startMinutes[c];
      const end = start + shiftTypes[candidates.type[c]].lengthMinutes;
      const d = candidates.day[c];
      if (days.has(d)) out.push(`agent ${a}: two shifts on day ${d}`);
      days.add(d);
      if (!agent.availableDays[d]) out.push(`agent ${a}: works on unavailable day ${d}`);
      for (const [b0, b1] of agent.blockedMinutes)
        if (start < b1 && b0 < end) out.push(`agent ${a}: shift overlaps blocked [${b0}, ${b1})`);
      if (previousEnd !== null && start < previousEnd + problem.roster.minRestMinutes)
        out.push(`agent ${a}: rest ${start - previousEnd} min before minute ${start}`);
      previousEnd = end;
    }
    for (let w = 0; w * 7 < problem.dayCount; w++) {
      const blockDays = Math.min(7, problem.dayCount - 7 * w);
      let minutes = 0;
      let worked = 0;
      for (const c of mine) {
        if (Math.floor(candidates.day[c] / 7) !== w) continue;
        worked++;
        const type = shiftTypes[candidates.type[c]];
        minutes +=
          type.lengthMinutes -
          type.breaks.filter((r) => !r.paid).reduce((x, r) => x + r.lengthMinutes, 0);
      }
      if (minutes > agent.maxWeeklyMinutes + 1e-6)
        out.push(`agent ${a}: ${minutes} paid minutes in block ${w}`);
      const off = Math.floor((problem.roster.minDaysOffPerWeek * blockDays) / 7 + 1e-9);
      if (worked > blockDays - off)
        out.push(`agent ${a}: ${worked} shifts in block ${w} of ${blockDays} days`);
    }
  }
  const recomputed = coverageFromActivities(problem, shifts, solution.breaks);
  const hours = problem.intervalMinutes / 60;
  let under = 0;
  let over = 0;
  for (let t = 0; t < recomputed.length; t++) {
    if (Math.abs(recomputed[t] - solution.onPhoneAgents[t]) > 1e-9)
      out.push(`interval ${t}: coverage ${solution.onPhoneAgents[t]} ≠ ${recomputed[t]}`);
    const r = problem.requiredAgents[t];
    if (Number.isNaN(r)) {
      if (!Number.isNaN(solution.underAgents[t]) || !Number.isNaN(solution.overAgents[t]))
        out.push(`interval ${t}: under/over not NaN where required is NaN`);
      continue;
    }
    if (Math.abs(solution.underAgents[t] - Math.max(0, r - recomputed[t])) > 1e-9)
      out.push(`interval ${t}: under wrong`);
    if (Math.abs(solution.overAgents[t] - Math.max(0, recomputed[t] - r)) > 1e-9)
      out.push(`interval ${t}: over wrong`);
    under += Math.max(0, r - recomputed[t]);
    over += Math.max(0, recomputed[t] - r);
  }
  let intervalsUnder = 0;
  for (let t = 0; t < recomputed.length; t++)
    if (problem.requiredAgents[t] - recomputed[t] > 1e-9) intervalsUnder++;
  if (solution.totals.intervalsUnder !== intervalsUnder)
    out.push('totals.intervalsUnder inconsistent');
  if (Math.abs(solution.totals.underAgentHours - under * hours) > 1e-6)
    out.push('totals.underAgentHours inconsistent');
  if (Math.abs(solution.totals.overAgentHours - over * hours) > 1e-6)
    out.push('totals.overAgentHours inconsistent');
  let paid = 0;
  for (let s = 0; s < shifts.candidate.length; s++) {
    const type = shiftTypes[candidates.type[shifts.candidate[s]]];
    paid +=
      type.lengthMinutes -
      type.breaks.filter((r) => !r.paid).reduce((x, r) => x + r.lengthMinutes, 0);
  }
  if (Math.abs(solution.totals.paidHours - paid / 60) > 1e-9)
    out.push('totals.paidHours inconsistent');
  const open = agents.length ? [...shifts.agent].filter((a) => a < 0).length : 0;
  if (solution.totals.unassignedShifts !== open) out.push('totals.unassignedShifts inconsistent');
  return out;
}
