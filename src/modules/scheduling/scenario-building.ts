import type { SchedulingProblem, ScheduleSolution } from '../../core/scheduling/scheduling-types.js';
import { evaluateStaffingBatch } from '../../core/staffing/evaluate-staffing-batch.js';

const MINUTE_MS = 60_000;

/** The on-phone activity of a generated shift (the time between its breaks). */
export const WORK_ACTIVITY = 'work';

/** One activity of a scenario, as the schedules upload takes it. */
export interface ScenarioActivity {
  agentId: string;
  team: string | null;
  channelCodes: string[];
  activity: string;
  startMs: number;
  endMs: number;
  /** Work and paid breaks count in paid hours. */
  paid: boolean;
}

/** Who works a shift: a named agent of the roster or an open shift. */
export interface ShiftOwner {
  agentId: string;
  team: string | null;
  channelCodes: string[];
}

/**
 * The id of the n-th open shift (1-based, in order of start) of a scenario:
 * `OPEN-<first 8 hex digits of the scenario id>-<n, 3 digits or more>`.
 */
export function openShiftId(scenarioId: string, n: number): string {
  return `OPEN-${scenarioId.slice(0, 8).toUpperCase()}-${String(n).padStart(3, '0')}`;
}

/**
 * The activities of a solution: each shift becomes `work` between its breaks, each break its
 * own activity, from the horizon start `fromMs`. Shifts of named agents carry the agent's id,
 * team and channels (`owners[agent]`); open shifts (agent −1) get `openShiftId` in order of start.
 * Ordered by agent, then start.
 */
export function activitiesOfSolution(
  problem: SchedulingProblem,
  solution: ScheduleSolution,
  fromMs: number,
  owners: readonly ShiftOwner[],
  openOwner: (n: number) => ShiftOwner,
): ScenarioActivity[] {
  const { candidate, agent } = solution.shifts;
  const breaksOf = new Map<number, Array<{ rule: number; start: number }>>();
  for (let b = 0; b < solution.breaks.shift.length; b++) {
    const s = solution.breaks.shift[b];
    let list = breaksOf.get(s);
    if (!list) breaksOf.set(s, (list = []));
    list.push({ rule: solution.breaks.rule[b], start: solution.breaks.startMinutes[b] });
  }
  const order = Array.from(candidate, (_, s) => s).sort((x, y) => problem.candidates.startMinutes[candidate[x]] - problem.candidates.startMinutes[candidate[y]] || x - y);
  const out: ScenarioActivity[] = [];
  let open = 0;
  for (const s of order) {
    const c = candidate[s];
    const type = problem.shiftTypes[problem.candidates.type[c]];
    const start = problem.candidates.startMinutes[c];
    const end = start + type.lengthMinutes;
    const owner = agent[s] >= 0 ? owners[agent[s]] : openOwner(++open);
    const push = (activity: string, a: number, b: number, paid: boolean): void => {
      if (b > a) out.push({ ...owner, channelCodes: [...owner.channelCodes], activity, startMs: fromMs + a * MINUTE_MS, endMs: fromMs + b * MINUTE_MS, paid });
    };
    let t = start;
    for (const br of (breaksOf.get(s) ?? []).sort((x, y) => x.start - y.start)) {
      const rule = type.breaks[br.rule];
      const a = Math.max(t, Math.min(end, br.start));
      const b = Math.min(end, a + rule.lengthMinutes);
      push(WORK_ACTIVITY, t, a, true);
      push(rule.code, a, b, rule.paid);
      t = b;
    }
    push(WORK_ACTIVITY, t, end, true);
  }
  return out.sort((x, y) => (x.agentId < y.agentId ? -1 : x.agentId > y.agentId ? 1 : x.startMs - y.startMs));
}

/**
 * Agents on the phones per interval: the minutes of `work` activities inside each interval of
 * [fromMs, fromMs + count·intervalMinutes), divided by the interval length (a break covering
 * half an interval leaves half an agent there).
 */
export function onPhoneAgents(activities: ReadonlyArray<Pick<ScenarioActivity, 'activity' | 'startMs' | 'endMs'>>, fromMs: number, intervalMinutes: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const step = intervalMinutes * MINUTE_MS;
  for (const a of activities) {
    if (a.activity !== WORK_ACTIVITY) continue;
    const first = Math.max(0, Math.floor((a.startMs - fromMs) / step));
    const last = Math.min(count - 1, Math.ceil((a.endMs - fromMs) / step) - 1);
    for (let k = first; k <= last; k++) {
      const lo = Math.max(a.startMs, fromMs + k * step);
      const hi = Math.min(a.endMs, fromMs + (k + 1) * step);
      if (hi > lo) out[k] += (hi - lo) / step;
    }
  }
  return out;
}

/** Totals of a scenario, recomputed from its activities and coverage. */
export interface ScenarioTotals {
  shifts: number;
  agents: number;
  openShifts: number;
  paidHours: number;
  /** Σ max(0, required − on phones) × interval hours, over the intervals with a requirement. */
  underAgentHours: number;
  overAgentHours: number;
  intervalsUnder: number;
  /** Intervals with a requirement (the others are missing, not zero). */
  requiredIntervals: number;
  unassignedShifts: number;
  /** Share of on-phone time lost to what the schedule does not model; the requirement was grossed up by it. */
  residualShrinkage: number;
}

/** Under and over per interval (NaN where the requirement is missing) and the totals. */
export function coverageTotals(
  activities: readonly ScenarioActivity[],
  required: Float64Array,
  onPhone: Float64Array,
  intervalMinutes: number,
  unassignedShifts: number,
): { under: Float64Array; over: Float64Array; totals: Omit<ScenarioTotals, 'residualShrinkage'> } {
  const n = required.length;
  const under = new Float64Array(n);
  const over = new Float64Array(n);
  const hours = intervalMinutes / 60;
  let underHours = 0, overHours = 0, intervalsUnder = 0, requiredIntervals = 0;
  for (let k = 0; k < n; k++) {
    const r = required[k];
    if (r !== r) {
      under[k] = over[k] = NaN;
      continue;
    }
    requiredIntervals++;
    under[k] = Math.max(0, r - onPhone[k]);
    over[k] = Math.max(0, onPhone[k] - r);
    // 1e-9: fractional coverage summed from minutes is not exactly the requirement.
    if (under[k] > 1e-9) intervalsUnder++;
    underHours += under[k] * hours;
    overHours += over[k] * hours;
  }
  let paidMs = 0;
  const shiftsOf = new Map<string, number>();
  for (const a of activities) if (a.paid) paidMs += a.endMs - a.startMs;
  // A shift: touching activities of one agent.
  let prev: ScenarioActivity | null = null;
  for (const a of activities) {
    if (!prev || prev.agentId !== a.agentId || prev.endMs < a.startMs) shiftsOf.set(a.agentId, (shiftsOf.get(a.agentId) ?? 0) + 1);
    prev = a;
  }
  let shifts = 0, openShifts = 0;
  for (const [id, count] of shiftsOf) {
    shifts += count;
    if (id.startsWith('OPEN-')) openShifts += count;
  }
  return {
    under, over,
    totals: {
      shifts, agents: shiftsOf.size - [...shiftsOf.keys()].filter((id) => id.startsWith('OPEN-')).length, openShifts,
      paidHours: paidMs / 3_600_000, underAgentHours: underHours, overAgentHours: overHours, intervalsUnder, requiredIntervals, unassignedShifts,
    },
  };
}

/** The queueing inputs of the plan per interval: pooled over the scenario's channels. */
export interface PredictionInput {
  model: 'erlang-c' | 'erlang-a' | 'erlang-b';
  intervalSeconds: number;
  /** Contacts per interval (NaN: no plan there). */
  volume: Float64Array;
  /** Volume-weighted handle time per interval, seconds. */
  ahtSeconds: Float64Array;
  thresholdSeconds: number;
  patienceSeconds: number | null;
  concurrency: number;
}

/**
 * Predicted service level and ASA per interval for the agents on the phones, by the plan's
 * model (Erlang C, or Erlang A with the plan's patience; Erlang B predicts neither): NaN where
 * unknown (no plan volume, no volume, overload under Erlang C for ASA).
 */
export function predictedMeasures(input: PredictionInput, onPhone: Float64Array): { serviceLevel: Float64Array; asaSeconds: Float64Array } {
  const n = onPhone.length;
  const serviceLevel = new Float64Array(n).fill(NaN);
  const asaSeconds = new Float64Array(n).fill(NaN);
  if (input.model === 'erlang-b' || (input.model === 'erlang-a' && !(input.patienceSeconds !== null && input.patienceSeconds > 0))) return { serviceLevel, asaSeconds };
  const index: number[] = [];
  for (let k = 0; k < n; k++) if (input.volume[k] > 0 && input.ahtSeconds[k] > 0 && onPhone[k] >= 0) index.push(k);
  if (!index.length) return { serviceLevel, asaSeconds };
  const sl = new Float64Array(index.length);
  const asa = new Float64Array(index.length);
  try {
    evaluateStaffingBatch(
      {
        model: input.model,
        intervalSeconds: input.intervalSeconds,
        volume: Float64Array.from(index, (k) => input.volume[k]),
        ahtSeconds: Float64Array.from(index, (k) => input.ahtSeconds[k]),
        agents: Float64Array.from(index, (k) => onPhone[k]),
        thresholdSeconds: input.thresholdSeconds,
        concurrency: input.concurrency,
        ...(input.model === 'erlang-a' ? { patienceSeconds: input.patienceSeconds ?? undefined } : {}),
      },
      { serviceLevel: sl, asaSeconds: asa },
    );
  } catch (error) {
    // A load the kernels refuse (RangeError: beyond their limits) has no prediction: unknown, not a failed schedule.
    if (error instanceof RangeError) return { serviceLevel, asaSeconds };
    throw error;
  }
  index.forEach((k, j) => {
    serviceLevel[k] = sl[j];
    asaSeconds[k] = asa[j];
  });
  return { serviceLevel, asaSeconds };
}
