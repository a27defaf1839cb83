import { addSpanCoverage } from './add-span-coverage.js';
import { evaluateSchedule } from './evaluate-schedule.js';
import { breaksFromPatterns } from './breaks-from-patterns.js';
import type { PatternedShifts } from './greedy-schedule.js';
import { LpWriter, type LpTerm } from './lp-writer.js';
import type { MipLimits, MipResult, MipSolve } from './mip-types.js';
import type { ScheduleGeometry } from './schedule-geometry.js';
import type { SchedulingProblem } from './scheduling-types.js';

/** The shift design: how many shifts of each candidate, and the solver's answer. */
export interface ShiftDesign {
  /** Per candidate: the number of shifts. */
  counts: Int32Array;
  result: MipResult;
}

/**
 * Stage 1, shift design, as a mixed-integer program in CPLEX LP text, solved by `solve`.
 *
 * Columns: x_c ∈ ℤ≥0 shifts of candidate c; y_crj ≥ 0 (continuous) breaks of rule r of those
 * shifts starting at option j; u_t, o_t ≥ 0 agents under and over the requirement in interval
 * t (only where it is known). Minimise Σ paidHours_c·x_c + h·(penaltyUnder·Σ u_t +
 * penaltyOver·Σ o_t), h = interval hours, subject to
 * - coverage, per interval t with a known requirement:
 *   Σ_c cover_ct·x_c − Σ_crj brk_crjt·y_crj + u_t − o_t = required_t, where cover and brk are
 *   the shares of interval t the shift and the break cover (a 15-min break in a 30-min
 *   interval takes 0.5);
 * - breaks, per candidate and rule: Σ_j y_crj = x_c (every shift takes each break once);
 * - with named agents: Σ_{c on day d} x_c ≤ agents available on day d, and per 7-day block
 *   Σ paidMinutes_c·x_c ≤ Σ agents' max weekly minutes and Σ x_c ≤ Σ agents'
 *   min(available days, days − days off): aggregate capacity, so the roster can staff the
 *   design (rest and the mix of contracts are left to stage 2).
 * The break columns are Aykin's (1996) explicit break variables relaxed to continuous: the
 * program stays an integer program in the shift counts only, and stage 3 (`placeBreaks`) then
 * realises the breaks as integers; the relaxation is exact when every break count is integral
 * and otherwise optimistic by less than one break per option. Overlap of two breaks of one
 * shift is ignored here and excluded in stage 3. Shortfall and surplus are penalised columns,
 * so the program is always feasible.
 *
 * Units: minutes in, hours in the objective. References: Dantzig (1954) set covering of
 * shifts; Aykin, T. (1996), Management Science 42(4); Bechtold, S. & Jacobs, L. (1990),
 * Management Science 36(11) (implicit breaks, docs/scheduling.md). Complexity of the program:
 * candidates × (1 + Σ options) columns, intervals + candidates × rules + days rows.
 *
 * @example
 * // 8 half-hours needing 1 agent, one 4 h candidate, penalties 4/0.1: counts = [1], objective 4
 */
export function designShifts(
  problem: SchedulingProblem,
  geometry: ScheduleGeometry,
  solve: MipSolve,
  limits: MipLimits,
  start?: PatternedShifts,
): ShiftDesign {
  const { candidates, shiftTypes, intervalMinutes, requiredAgents } = problem;
  const n = requiredAgents.length;
  const hours = intervalMinutes / 60;
  const lp = new LpWriter();
  const coverage: LpTerm[][] = Array.from({ length: n }, () => []);
  const scratch = new Float64Array(n);
  const count = candidates.type.length;
  const dayTerms: LpTerm[][] = Array.from({ length: problem.dayCount }, () => []);
  const blockTerms: LpTerm[][] = Array.from({ length: geometry.blockDays.length }, () => []);
  const blockShiftTerms: LpTerm[][] = Array.from({ length: geometry.blockDays.length }, () => []);
  const spread = (from: number, to: number, weight: number, name: string): void => {
    const first = Math.max(0, Math.floor(from / intervalMinutes));
    const last = Math.min(n, Math.ceil(to / intervalMinutes)) - 1;
    for (let t = first; t <= last; t++) scratch[t] = 0;
    addSpanCoverage(scratch, intervalMinutes, from, to, weight);
    for (let t = first; t <= last; t++)
      if (scratch[t] !== 0 && !Number.isNaN(requiredAgents[t]))
        coverage[t].push([scratch[t], name]);
  };
  for (let c = 0; c < count; c++) {
    if (!geometry.usable[c]) continue;
    const x = `x${c}`;
    const type = shiftTypes[candidates.type[c]];
    const begin = candidates.startMinutes[c];
    lp.addObjective(geometry.paidMinutes[c] / 60, x);
    lp.setInteger(x);
    spread(begin, begin + type.lengthMinutes, 1, x);
    const options = geometry.types[candidates.type[c]].options;
    for (let r = 0; r < options.length; r++) {
      const terms: LpTerm[] = [[-1, x]];
      for (let j = 0; j < options[r].length; j++) {
        const y = `y${c}_${r}_${j}`;
        terms.push([1, y]);
        const b = begin + options[r][j];
        spread(b, b + type.breaks[r].lengthMinutes, -1, y);
      }
      lp.addRow(`b${c}_${r}`, terms, '=', 0);
    }
    dayTerms[candidates.day[c]].push([1, x]);
    blockTerms[Math.floor(candidates.day[c] / 7)].push([geometry.paidMinutes[c], x]);
    blockShiftTerms[Math.floor(candidates.day[c] / 7)].push([1, x]);
  }
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(requiredAgents[t])) continue;
    lp.addObjective(problem.penalties.underPerAgentHour * hours, `u${t}`);
    lp.addObjective(problem.penalties.overPerAgentHour * hours, `o${t}`);
    lp.addRow(`c${t}`, [...coverage[t], [1, `u${t}`], [-1, `o${t}`]], '=', requiredAgents[t]);
  }
  if (problem.agents.length) {
    for (let d = 0; d < problem.dayCount; d++)
      lp.addRow(`d${d}`, dayTerms[d], '<=', geometry.dayCapacity[d]);
    for (let w = 0; w < blockTerms.length; w++) {
      lp.addRow(`w${w}`, blockTerms[w], '<=', geometry.blockPaidMinutesCapacity[w]);
      lp.addRow(`s${w}`, blockShiftTerms[w], '<=', geometry.blockShiftCapacity[w]);
    }
  }
  const result = solve(
    lp.text(),
    limits,
    start ? designStart(problem, geometry, start) : undefined,
  );
  const counts = new Int32Array(count);
  if (result.hasSolution)
    for (let c = 0; c < count; c++)
      counts[c] = Math.max(0, Math.round(result.values.get(`x${c}`) ?? 0));
  return { counts, result };
}

/** The stage-1 columns of a patterned design (the greedy's), as a MIP start. */
function designStart(
  problem: SchedulingProblem,
  geometry: ScheduleGeometry,
  shifts: PatternedShifts,
): Map<string, number> {
  const values = new Map<string, number>();
  const { candidates } = problem;
  for (let c = 0; c < candidates.type.length; c++) {
    if (!geometry.usable[c]) continue;
    values.set(`x${c}`, 0);
    const options = geometry.types[candidates.type[c]].options;
    for (let r = 0; r < options.length; r++)
      for (let j = 0; j < options[r].length; j++) values.set(`y${c}_${r}_${j}`, 0);
  }
  for (let s = 0; s < shifts.candidate.length; s++) {
    const c = shifts.candidate[s];
    values.set(`x${c}`, (values.get(`x${c}`) ?? 0) + 1);
    const { options, patterns } = geometry.types[candidates.type[c]];
    const offsets = patterns[shifts.pattern[s]];
    for (let r = 0; r < offsets.length; r++) {
      const y = `y${c}_${r}_${options[r].indexOf(offsets[r])}`;
      values.set(y, (values.get(y) ?? 0) + 1);
    }
  }
  const evaluation = evaluateSchedule(
    problem,
    shifts,
    breaksFromPatterns(problem, geometry, shifts.candidate, shifts.pattern),
  );
  for (let t = 0; t < problem.requiredAgents.length; t++) {
    if (Number.isNaN(problem.requiredAgents[t])) continue;
    values.set(`u${t}`, evaluation.underAgents[t]);
    values.set(`o${t}`, evaluation.overAgents[t]);
  }
  return values;
}
