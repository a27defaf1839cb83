import { agentMayTake } from './agent-may-take.js';
import { greedyRoster } from './greedy-roster.js';
import { LpWriter, type LpTerm } from './lp-writer.js';
import type { MipLimits, MipResult, MipSolve } from './mip-types.js';
import type { ScheduleGeometry } from './schedule-geometry.js';
import type { SchedulingProblem, StageReport } from './scheduling-types.js';
import { stageReportFrom } from './stage-report-from.js';

/**
 * Above this many agent × candidate columns the roster is solved per 7-day block (a larger
 * program's root LP alone can outlast the time limit in the WebAssembly HiGHS, which checks the
 * limit only between its MIP phases).
 */
export const ROSTER_MAX_COLUMNS = 20_000;

/** Cost of a designed shift no agent takes, per shift. */
export const OPEN_SHIFT_COST = 1000;
/** Cost of an hour an agent stays below the minimum weekly minutes. */
export const MIN_HOURS_SHORT_COST = 10;
/** Cost of one shift of the largest deviation from the mean (late and weekend each). */
export const FAIRNESS_COST = 1;

/** The named roster: the agent of each shift (−1 = open) and the solver's answer. */
export interface Roster {
  agent: Int32Array;
  report: StageReport;
  result: MipResult;
}

/**
 * Stage 2, the named roster: assigns the designed shifts to agents as one mixed-integer
 * program. Identical shifts (same candidate: type, start, day) are aggregated into a count
 * n_c, and a binary column z_ac exists only for the feasible pairs: agent a available on c's
 * day, c not overlapping a's blocked minutes, and c starting at least minRestMinutes after a's
 * last shift before the horizon. Columns open_c ∈ ℤ≥0 (shifts of c nobody takes), short_aw ≥ 0
 * (minutes below the prorated weekly minimum), the mean and the largest deviation of late and
 * of weekend shifts. Minimise OPEN_SHIFT_COST·Σ open + MIN_HOURS_SHORT_COST·Σ short ÷ 60 +
 * FAIRNESS_COST·(devLate + devWeekend), subject to
 * - Σ_a z_ac + open_c = n_c;
 * - per agent and day: Σ_c z_ac ≤ 1;
 * - rest, per agent, later day d′ and start s′ of d′: Σ_{c on an earlier day, end_c +
 *   minRest > s′} z_ac + Σ_{c′ on d′, start ≤ s′} z_ac′ ≤ 1 (one row per distinct conflict
 *   set: every conflicting pair is excluded, with O(starts) rows instead of O(starts²));
 * - per agent and 7-day block: Σ paid·z ≤ maxWeekly, Σ paid·z + short ≥ minWeekly·days÷7,
 *   Σ z ≤ days − ⌊minDaysOffPerWeek·days÷7⌋ (a shorter last block prorates the minimum and
 *   the days off, not the maximum: an agent may work a full week's maximum in it);
 * - fairness: mean = Σ_a late_a ÷ agents (those with at least one possible shift), −dev ≤
 *   late_a − mean ≤ dev (likewise weekend).
 * Every constraint has a slack column or an all-zero solution, so the program is feasible;
 * HiGHS starts from `greedyRoster`'s assignment, which is also the answer when the solve
 * returns no solution. Above `maxColumns` (ROSTER_MAX_COLUMNS) columns the program is solved per 7-day block
 * in turn (rest carried over from the previous block; fairness then per block), and a block
 * still above it is rostered by `greedyRoster` (status 'greedy', no bound).
 *
 * Units: minutes; costs per shift and per hour. Reference: the tour scheduling assignment of
 * Ernst et al. (2004), "Staff scheduling and rostering: a review", EJOR 153(1), §3.
 * Complexity: Σ feasible agent×candidate columns; rows O(agents × (days + starts)).
 *
 * @example
 * // one shift, two agents, only the second available that day: agent = [1]
 */
export function rosterShifts(
  problem: SchedulingProblem,
  geometry: ScheduleGeometry,
  shiftCandidate: Int32Array,
  solve: MipSolve,
  limits: MipLimits,
  maxColumns = ROSTER_MAX_COLUMNS,
): Roster {
  const columns = pairCount(problem, shiftCandidate);
  if (columns <= maxColumns) return rosterProgram(problem, geometry, shiftCandidate, solve, limits);
  // Too large for one program: one per 7-day block in turn, each block's agents starting from
  // the end of their last shift in the blocks before (rest); a block still too large is
  // rostered greedily.
  const agent = new Int32Array(shiftCandidate.length).fill(-1);
  const lastEnd = problem.agents.map((a) => a.lastShiftEndMinutes);
  const results: MipResult[] = [];
  let greedy = false;
  const blocks = geometry.blockDays.length;
  for (let w = 0; w < blocks; w++) {
    const members: number[] = [];
    for (let s = 0; s < shiftCandidate.length; s++) {
      if (Math.floor(problem.candidates.day[shiftCandidate[s]] / 7) === w) members.push(s);
    }
    if (!members.length) continue;
    const sub: SchedulingProblem = {
      ...problem,
      agents: problem.agents.map((a, i) => ({ ...a, lastShiftEndMinutes: lastEnd[i] })),
    };
    const subShifts = Int32Array.from(members.map((s) => shiftCandidate[s]));
    const share = { ...limits, timeLimitSeconds: limits.timeLimitSeconds / blocks };
    let subAgent: Int32Array;
    if (pairCount(sub, subShifts) <= maxColumns) {
      const part = rosterProgram(sub, geometry, subShifts, solve, share);
      results.push(part.result);
      subAgent = part.agent;
    } else {
      greedy = true;
      subAgent = greedyRoster(sub, geometry, subShifts);
    }
    members.forEach((s, k) => {
      agent[s] = subAgent[k];
      const a = subAgent[k];
      if (a < 0) return;
      const c = shiftCandidate[s];
      const end =
        problem.candidates.startMinutes[c] +
        problem.shiftTypes[problem.candidates.type[c]].lengthMinutes;
      lastEnd[a] = Math.max(lastEnd[a] ?? -Infinity, end);
    });
  }
  const report = results.length ? stageReportFrom(results) : stageReportFrom([]);
  if (greedy) {
    report.status = 'greedy';
    report.bound = NaN;
    report.gap = NaN;
  }
  return { agent, report, result: results[0] ?? noProgram() };
}

/** The result of a stage that ran no program (every block rostered greedily). */
function noProgram(): MipResult {
  return {
    status: 'optimal',
    hasSolution: false,
    objective: NaN,
    bound: NaN,
    gap: NaN,
    solveSeconds: 0,
    variables: 0,
    constraints: 0,
    values: new Map(),
  };
}

/** The number of roster columns: feasible (agent, distinct candidate) pairs. */
function pairCount(problem: SchedulingProblem, shiftCandidate: Int32Array): number {
  const used = new Set(shiftCandidate);
  let count = 0;
  for (let a = 0; a < problem.agents.length; a++)
    for (const c of used) if (agentMayTake(problem, a, c)) count++;
  return count;
}

/** One roster program over the given shifts (the formulation above). */
function rosterProgram(
  problem: SchedulingProblem,
  geometry: ScheduleGeometry,
  shiftCandidate: Int32Array,
  solve: MipSolve,
  limits: MipLimits,
): { agent: Int32Array; report: StageReport; result: MipResult } {
  const { candidates, shiftTypes, agents, roster: rules } = problem;
  const counts = new Map<number, number>();
  for (const c of shiftCandidate) counts.set(c, (counts.get(c) ?? 0) + 1);
  const activeBlocks = new Set([...shiftCandidate].map((c) => Math.floor(candidates.day[c] / 7)));
  const used = [...counts.keys()].sort(
    (a, b) => candidates.startMinutes[a] - candidates.startMinutes[b] || a - b,
  );
  const end = (c: number): number =>
    candidates.startMinutes[c] + shiftTypes[candidates.type[c]].lengthMinutes;
  const longest = Math.max(0, ...used.map((c) => shiftTypes[candidates.type[c]].lengthMinutes));
  const reachDays = Math.ceil((longest + rules.minRestMinutes) / 1440) + 1;
  const lp = new LpWriter();
  const open = new Map<number, LpTerm[]>();
  for (const c of used) open.set(c, []);
  const lateTotal: LpTerm[] = [];
  const weekendTotal: LpTerm[] = [];
  const lateRows: LpTerm[][] = [];
  const weekendRows: LpTerm[][] = [];
  const fairAgents: number[] = [];
  for (let a = 0; a < agents.length; a++) {
    const agent = agents[a];
    const byDay: number[][] = Array.from({ length: problem.dayCount }, () => []);
    for (const c of used) if (agentMayTake(problem, a, c)) byDay[candidates.day[c]].push(c);
    const z = (c: number): string => `z${a}_${c}`;
    let any = false;
    const late: LpTerm[] = [];
    const weekend: LpTerm[] = [];
    for (let d = 0; d < problem.dayCount; d++) {
      for (const c of byDay[d]) {
        any = true;
        lp.setBounds(z(c), 0, 1);
        lp.setInteger(z(c));
        open.get(c)?.push([1, z(c)]);
        if (candidates.late[c]) late.push([1, z(c)]);
        if (candidates.weekend[c]) weekend.push([1, z(c)]);
      }
      if (byDay[d].length > 1)
        lp.addRow(
          `a${a}_${d}`,
          byDay[d].map((c) => [1, z(c)] as LpTerm),
          '<=',
          1,
        );
    }
    if (!any) continue;
    // Rest between shifts on different days.
    for (let d2 = 1; d2 < problem.dayCount; d2++) {
      const later = byDay[d2];
      for (let d1 = Math.max(0, d2 - reachDays); d1 < d2; d1++) {
        const earlier = byDay[d1];
        if (!earlier.length || !later.length) continue;
        let previousKey = '';
        let pending: LpTerm[] | null = null;
        for (let k = 0; k < later.length; k++) {
          const s2 = candidates.startMinutes[later[k]];
          if (k + 1 < later.length && candidates.startMinutes[later[k + 1]] === s2) continue;
          const first = earlier.filter((c) => end(c) + rules.minRestMinutes > s2);
          const key = first.join(',');
          if (pending && key !== previousKey) lp.addRow(`r${a}_${d1}_${d2}_${k}`, pending, '<=', 1);
          pending = null;
          if (first.length)
            pending = [
              ...first.map((c) => [1, z(c)] as LpTerm),
              ...later.slice(0, k + 1).map((c) => [1, z(c)] as LpTerm),
            ];
          previousKey = key;
        }
        if (pending) lp.addRow(`r${a}_${d1}_${d2}_end`, pending, '<=', 1);
      }
    }
    // Weekly minutes and days off per 7-day block.
    for (let w = 0; w < geometry.blockDays.length; w++) {
      if (!activeBlocks.has(w)) continue;
      const days = geometry.blockDays[w];
      const minutes: LpTerm[] = [];
      const shifts: LpTerm[] = [];
      for (let d = geometry.blockFirstDay[w]; d < geometry.blockFirstDay[w] + days; d++) {
        for (const c of byDay[d]) {
          minutes.push([geometry.paidMinutes[c], z(c)]);
          shifts.push([1, z(c)]);
        }
      }
      const share = days / 7;
      const minMinutes = agent.minWeeklyMinutes * share;
      if (minMinutes > 0) {
        const short = `m${a}_${w}`;
        lp.addObjective(MIN_HOURS_SHORT_COST / 60, short);
        lp.addRow(`lo${a}_${w}`, [...minutes, [1, short]], '>=', minMinutes);
      }
      if (minutes.length) lp.addRow(`hi${a}_${w}`, minutes, '<=', agent.maxWeeklyMinutes);
      const maxShifts = days - Math.floor((rules.minDaysOffPerWeek * days) / 7 + 1e-9);
      if (shifts.length > maxShifts)
        lp.addRow(`off${a}_${w}`, shifts, '<=', Math.max(0, maxShifts));
    }
    lateRows.push(late);
    weekendRows.push(weekend);
    fairAgents.push(a);
    lateTotal.push(...late);
    weekendTotal.push(...weekend);
  }
  for (const c of used) {
    const k = `k${c}`;
    lp.addObjective(OPEN_SHIFT_COST, k);
    lp.setInteger(k);
    lp.addRow(`n${c}`, [...(open.get(c) ?? []), [1, k]], '=', counts.get(c) ?? 0);
  }
  const fairness = (name: string, rows: LpTerm[][], total: LpTerm[]): void => {
    if (!total.length || rows.length < 2) return;
    lp.addObjective(FAIRNESS_COST, `dev${name}`);
    lp.addRow(`mean${name}`, [...total, [-rows.length, `mean${name}`]], '=', 0);
    rows.forEach((terms, i) => {
      lp.addRow(`up${name}${i}`, [...terms, [-1, `mean${name}`], [-1, `dev${name}`]], '<=', 0);
      lp.addRow(
        `dn${name}${i}`,
        [...terms.map(([v, n]) => [-v, n] as LpTerm), [1, `mean${name}`], [-1, `dev${name}`]],
        '<=',
        0,
      );
    });
  };
  fairness('L', lateRows, lateTotal);
  fairness('W', weekendRows, weekendTotal);
  const initial = greedyRoster(problem, geometry, shiftCandidate);
  const result = solve(
    lp.text(),
    limits,
    rosterStart(problem, geometry, shiftCandidate, initial, fairAgents),
  );
  let agent = initial;
  if (result.hasSolution) {
    agent = new Int32Array(shiftCandidate.length).fill(-1);
    const takers = new Map<number, number[]>();
    for (let a = 0; a < agents.length; a++) {
      for (const c of used) {
        if ((result.values.get(`z${a}_${c}`) ?? 0) > 0.5) {
          let list = takers.get(c);
          if (!list) takers.set(c, (list = []));
          list.push(a);
        }
      }
    }
    for (let s = 0; s < shiftCandidate.length; s++) {
      const list = takers.get(shiftCandidate[s]);
      if (list?.length) agent[s] = list.shift() ?? -1;
    }
  }
  return { agent, report: stageReportFrom([result]), result };
}

/** The roster program's columns for an assignment (the greedy's), as a MIP start. */
function rosterStart(
  problem: SchedulingProblem,
  geometry: ScheduleGeometry,
  shiftCandidate: Int32Array,
  agentOf: Int32Array,
  fairAgents: readonly number[],
): Map<string, number> {
  const { candidates, agents } = problem;
  const values = new Map<string, number>();
  const blocks = geometry.blockDays.length;
  const minutes = new Float64Array(agents.length * blocks);
  const late = new Float64Array(agents.length);
  const weekend = new Float64Array(agents.length);
  for (let s = 0; s < shiftCandidate.length; s++) {
    const c = shiftCandidate[s];
    const a = agentOf[s];
    if (a < 0) {
      values.set(`k${c}`, (values.get(`k${c}`) ?? 0) + 1);
      continue;
    }
    values.set(`z${a}_${c}`, 1);
    minutes[a * blocks + Math.floor(candidates.day[c] / 7)] += geometry.paidMinutes[c];
    late[a] += candidates.late[c];
    weekend[a] += candidates.weekend[c];
  }
  for (let a = 0; a < agents.length; a++) {
    for (let w = 0; w < blocks; w++) {
      const short =
        (agents[a].minWeeklyMinutes * geometry.blockDays[w]) / 7 - minutes[a * blocks + w];
      values.set(`m${a}_${w}`, Math.max(0, short));
    }
  }
  for (const [name, counts] of [
    ['L', late],
    ['W', weekend],
  ] as const) {
    if (!fairAgents.length) continue;
    let mean = 0;
    for (const a of fairAgents) mean += counts[a];
    mean /= fairAgents.length;
    let dev = 0;
    for (const a of fairAgents) dev = Math.max(dev, Math.abs(counts[a] - mean));
    values.set(`mean${name}`, mean);
    values.set(`dev${name}`, dev);
  }
  return values;
}
