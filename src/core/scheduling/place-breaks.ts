import { addSpanCoverage } from './add-span-coverage.js';
import { chooseBreakOffsets } from './choose-break-offsets.js';
import { LpWriter, type LpTerm } from './lp-writer.js';
import type { MipLimits, MipResult, MipSolve } from './mip-types.js';
import type { ScheduleGeometry } from './schedule-geometry.js';
import type { SchedulingProblem } from './scheduling-types.js';
import type { PatternedShifts } from './greedy-schedule.js';

/** The placed breaks (one pattern per shift) and the per-day solver answers. */
export interface BreakPlacement {
  shifts: PatternedShifts;
  results: MipResult[];
}

/**
 * Stage 3, break placement: given the designed shifts (counts per candidate), choose for every
 * shift a break pattern (one start per break rule, no two breaks of a shift overlapping, every
 * break inside its window: `breakPatterns`) so that on-phone coverage follows the requirement.
 * One mixed-integer program per day, in day order, each with the stage's time left divided by
 * the days left: columns p_cq ∈ ℤ≥0 shifts of candidate c
 * (of that day) taking pattern q, u_t, o_t ≥ 0; minimise h·(penaltyUnder·Σ u_t + penaltyOver·Σ
 * o_t) subject to Σ_q p_cq = count_c and, for every interval t some break of the day can touch,
 * base_t − Σ_cq brk_cqt·p_cq + u_t − o_t = required_t, where base_t is the coverage of all
 * designed shifts minus the breaks already placed on earlier days. Identical shifts are
 * aggregated into counts (Aykin 1996's explicit break columns, per pattern); shifts of one
 * candidate then take the patterns in order. A day whose solve gives no solution keeps the
 * heuristic placement it started from (each break rule in turn where it lowers the cost most;
 * status time-limit).
 *
 * Units: minutes, agents, hours. Reference: Aykin, T. (1996), Management Science 42(4).
 * Complexity: per day, Σ_c patterns columns and (candidates + touched intervals) rows.
 *
 * @example
 * // two 4 h shifts, one 15-min break each, requirement lowest at two different half-hours:
 * // each break lands in one of them
 */
export function placeBreaks(
  problem: SchedulingProblem,
  geometry: ScheduleGeometry,
  counts: Int32Array,
  solve: MipSolve,
  limits: MipLimits,
): BreakPlacement {
  const { candidates, shiftTypes, intervalMinutes, requiredAgents } = problem;
  const n = requiredAgents.length;
  const hours = intervalMinutes / 60;
  const base = new Float64Array(n);
  for (let c = 0; c < counts.length; c++) {
    if (!counts[c]) continue;
    const start = candidates.startMinutes[c];
    addSpanCoverage(
      base,
      intervalMinutes,
      start,
      start + shiftTypes[candidates.type[c]].lengthMinutes,
      counts[c],
    );
  }
  const byDay: number[][] = Array.from({ length: problem.dayCount }, () => []);
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0) byDay[candidates.day[c]].push(c);
  const chosen = new Map<number, Int32Array>();
  const results: MipResult[] = [];
  const scratch = new Float64Array(n);
  const hasBreaks = (c: number): boolean =>
    geometry.types[candidates.type[c]].patterns.length > 1 ||
    shiftTypes[candidates.type[c]].breaks.length > 0;
  const workDays: number[] = [];
  for (let d = 0; d < problem.dayCount; d++) if (byDay[d].some(hasBreaks)) workDays.push(d);
  let secondsLeft = limits.timeLimitSeconds;
  for (let d = 0; d < problem.dayCount; d++) {
    const day = byDay[d].filter(
      (c) =>
        geometry.types[candidates.type[c]].patterns.length > 1 ||
        shiftTypes[candidates.type[c]].breaks.length > 0,
    );
    if (!day.length) continue;
    const lp = new LpWriter();
    const coverage = new Map<number, LpTerm[]>();
    for (const c of day) {
      const type = shiftTypes[candidates.type[c]];
      const start = candidates.startMinutes[c];
      const patterns = geometry.types[candidates.type[c]].patterns;
      const terms: LpTerm[] = [];
      for (let q = 0; q < patterns.length; q++) {
        const p = `p${c}_${q}`;
        terms.push([1, p]);
        lp.setInteger(p);
        const touched: number[] = [];
        for (let r = 0; r < type.breaks.length; r++) {
          const b = start + patterns[q][r];
          const first = Math.max(0, Math.floor(b / intervalMinutes));
          const last =
            Math.min(n, Math.ceil((b + type.breaks[r].lengthMinutes) / intervalMinutes)) - 1;
          for (let t = first; t <= last; t++) {
            if (!touched.includes(t)) {
              touched.push(t);
              scratch[t] = 0;
            }
          }
          addSpanCoverage(scratch, intervalMinutes, b, b + type.breaks[r].lengthMinutes, -1);
        }
        for (const t of touched) {
          if (Number.isNaN(requiredAgents[t]) || scratch[t] === 0) continue;
          let row = coverage.get(t);
          if (!row) coverage.set(t, (row = []));
          row.push([scratch[t], p]);
        }
      }
      lp.addRow(`n${c}`, terms, '=', counts[c]);
    }
    if (!coverage.size) {
      for (const c of day) chosen.set(c, new Int32Array(counts[c]));
      continue;
    }
    for (const [t, terms] of coverage) {
      lp.addObjective(problem.penalties.underPerAgentHour * hours, `u${t}`);
      lp.addObjective(problem.penalties.overPerAgentHour * hours, `o${t}`);
      lp.addRow(`c${t}`, [...terms, [1, `u${t}`], [-1, `o${t}`]], '=', requiredAgents[t] - base[t]);
    }
    const { patternsOf: heuristic, onPhone: heuristicOnPhone } = heuristicPlacement(
      problem,
      geometry,
      day,
      counts,
      base,
    );
    const start = new Map<string, number>();
    for (const c of day)
      for (const q of heuristic.get(c) ?? [])
        start.set(`p${c}_${q}`, (start.get(`p${c}_${q}`) ?? 0) + 1);
    for (const t of coverage.keys()) {
      const gap = requiredAgents[t] - heuristicOnPhone[t];
      start.set(`u${t}`, Math.max(0, gap));
      start.set(`o${t}`, Math.max(0, -gap));
    }
    const daysLeft = workDays.filter((w) => w >= d).length;
    const result = solve(
      lp.text(),
      { ...limits, timeLimitSeconds: Math.max(0.05, secondsLeft / daysLeft) },
      start,
    );
    secondsLeft -= result.solveSeconds;
    results.push(result);
    for (const c of day) {
      const patterns = geometry.types[candidates.type[c]].patterns;
      let list: Int32Array = new Int32Array(counts[c]);
      let k = 0;
      if (result.hasSolution) {
        for (let q = 0; q < patterns.length && k < list.length; q++) {
          const take = Math.round(result.values.get(`p${c}_${q}`) ?? 0);
          for (let i = 0; i < take && k < list.length; i++) list[k++] = q;
        }
      } else {
        list = heuristic.get(c) ?? list;
      }
      chosen.set(c, list);
      const type = shiftTypes[candidates.type[c]];
      for (const q of list) {
        for (let r = 0; r < type.breaks.length; r++) {
          const b = candidates.startMinutes[c] + patterns[q][r];
          addSpanCoverage(base, intervalMinutes, b, b + type.breaks[r].lengthMinutes, -1);
        }
      }
    }
  }
  const candidate: number[] = [];
  const pattern: number[] = [];
  for (let c = 0; c < counts.length; c++) {
    const list = chosen.get(c);
    for (let i = 0; i < counts[c]; i++) {
      candidate.push(c);
      pattern.push(list ? list[i] : 0);
    }
  }
  return {
    shifts: { candidate: Int32Array.from(candidate), pattern: Int32Array.from(pattern) },
    results,
  };
}

/**
 * A feasible placement of one day's breaks, the start of that day's program and its answer when
 * the solver returns none: shift by shift, each break rule in turn goes to the option that lowers
 * the cost most on the coverage so far (the first pattern when the rules block each other).
 */
function heuristicPlacement(
  problem: SchedulingProblem,
  geometry: ScheduleGeometry,
  day: readonly number[],
  counts: Int32Array,
  base: Float64Array,
): { patternsOf: Map<number, Int32Array>; onPhone: Float64Array } {
  const { candidates, shiftTypes, intervalMinutes, requiredAgents } = problem;
  const hours = intervalMinutes / 60;
  const under = problem.penalties.underPerAgentHour * hours;
  const over = problem.penalties.overPerAgentHour * hours;
  const onPhone = Float64Array.from(base);
  const patternsOf = new Map<number, Int32Array>();
  for (const c of day) {
    const type = shiftTypes[candidates.type[c]];
    const { options, patterns } = geometry.types[candidates.type[c]];
    const index = new Map(patterns.map((p, i) => [p.join(','), i]));
    const start = candidates.startMinutes[c];
    const list = new Int32Array(counts[c]);
    for (let k = 0; k < list.length; k++) {
      const offsets = chooseBreakOffsets(type, options, start, intervalMinutes, requiredAgents, under, over, (t) => onPhone[t]);
      const q = offsets ? (index.get(offsets.join(',')) ?? 0) : 0;
      list[k] = q;
      for (let r = 0; r < type.breaks.length; r++) {
        const b = start + patterns[q][r];
        addSpanCoverage(onPhone, intervalMinutes, b, b + type.breaks[r].lengthMinutes, -1);
      }
    }
    patternsOf.set(c, list);
  }
  return { patternsOf, onPhone };
}
