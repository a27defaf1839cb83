import { breakPatterns, type BreakPatterns } from './break-patterns.js';
import type { SchedulingProblem } from './scheduling-types.js';

/** What every stage needs to know about the candidates, computed once per problem. */
export interface ScheduleGeometry {
  /** Per shift type: its break options and patterns (break starts on the interval grid). */
  types: BreakPatterns[];
  /** Per candidate: paid minutes (length − unpaid breaks). */
  paidMinutes: Float64Array;
  /** Per candidate: 1 when it can be used (inside the horizon, every break has an option). */
  usable: Uint8Array;
  /** Per day: the agents available that day (Infinity without named agents). */
  dayCapacity: Float64Array;
  /** The 7-day blocks: first day of each block and its length in days. */
  blockFirstDay: Int32Array;
  blockDays: Int32Array;
  /** Per block: Σ agents' max weekly minutes, not prorated (Infinity without agents). */
  blockPaidMinutesCapacity: Float64Array;
  /** Per block: Σ agents' min(available days, days − days off) in the block (Infinity without agents). */
  blockShiftCapacity: Float64Array;
}

/**
 * Precomputes the break patterns of every shift type (`breakPatterns`, step = the interval
 * length), the paid minutes and usability of every candidate, the per-day agent capacity and
 * the 7-day blocks of the horizon (the last one may be shorter: its days off are prorated by
 * its days ÷ 7, the weekly maximum is not) with the agents' paid-minute and shift capacity of each block (a shift
 * capacity of min(available days, days − days off) per agent).
 *
 * Units: minutes, agents. Reference: docs/scheduling.md. Complexity: O(candidates + agents ×
 * days + Σ patterns).
 *
 * @example
 * // 7 days, 3 agents available every day: dayCapacity = [3, 3, 3, 3, 3, 3, 3], one block of 7
 */
export function scheduleGeometry(problem: SchedulingProblem): ScheduleGeometry {
  const { candidates, shiftTypes, intervalMinutes, agents, dayCount } = problem;
  const types = shiftTypes.map((type) => breakPatterns(type, intervalMinutes));
  const count = candidates.type.length;
  const horizonMinutes = problem.requiredAgents.length * intervalMinutes;
  const paidMinutes = new Float64Array(count);
  const usable = new Uint8Array(count);
  for (let c = 0; c < count; c++) {
    const type = shiftTypes[candidates.type[c]];
    let paid = type.lengthMinutes;
    for (const rule of type.breaks) if (!rule.paid) paid -= rule.lengthMinutes;
    paidMinutes[c] = paid;
    const start = candidates.startMinutes[c];
    usable[c] =
      types[candidates.type[c]].patterns.length > 0 &&
      start >= 0 &&
      start + type.lengthMinutes <= horizonMinutes
        ? 1
        : 0;
  }
  const dayCapacity = new Float64Array(dayCount).fill(agents.length ? 0 : Infinity);
  for (const agent of agents)
    for (let d = 0; d < dayCount; d++) if (agent.availableDays[d]) dayCapacity[d]++;
  const blocks = Math.ceil(dayCount / 7);
  const blockFirstDay = new Int32Array(blocks);
  const blockDays = new Int32Array(blocks);
  const blockPaidMinutesCapacity = new Float64Array(blocks).fill(agents.length ? 0 : Infinity);
  const blockShiftCapacity = new Float64Array(blocks).fill(agents.length ? 0 : Infinity);
  for (let w = 0; w < blocks; w++) {
    blockFirstDay[w] = 7 * w;
    blockDays[w] = Math.min(7, dayCount - 7 * w);
    const workable =
      blockDays[w] - Math.floor((problem.roster.minDaysOffPerWeek * blockDays[w]) / 7 + 1e-9);
    for (const agent of agents) {
      blockPaidMinutesCapacity[w] += agent.maxWeeklyMinutes;
      let available = 0;
      for (let d = blockFirstDay[w]; d < blockFirstDay[w] + blockDays[w]; d++)
        available += agent.availableDays[d];
      blockShiftCapacity[w] += Math.max(0, Math.min(available, workable));
    }
  }
  return {
    types,
    paidMinutes,
    usable,
    dayCapacity,
    blockFirstDay,
    blockDays,
    blockPaidMinutesCapacity,
    blockShiftCapacity,
  };
}
