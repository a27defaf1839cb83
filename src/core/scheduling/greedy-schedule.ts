import { addSpanCoverage } from './add-span-coverage.js';
import { chooseBreakOffsets } from './choose-break-offsets.js';
import { intervalCost } from './interval-cost.js';
import type { ScheduleGeometry } from './schedule-geometry.js';
import type { SchedulingProblem } from './scheduling-types.js';

/** Shifts of a design, each with its break pattern (index into its type's patterns). */
export interface PatternedShifts {
  candidate: Int32Array;
  pattern: Int32Array;
}

/** Up to this many break patterns a candidate's patterns are all tried; above it, rule by rule. */
const EXHAUSTIVE_PATTERNS = 32;

/**
 * The greedy baseline of shift design and break placement: take the interval with the largest
 * shortfall (required − on phones), try every usable candidate shift covering it with every
 * break pattern of its type (above 32 patterns: the breaks chosen rule by rule, each where it
 * lowers the cost most), and add the one that lowers the design objective most (paid hours
 * + under/over penalties, the objective of `evaluateSchedule`); when none lowers it, the
 * interval is given up. Repeat until no interval with a shortfall is left. Respects the per-day
 * agent capacity and the block capacities (paid minutes, shifts) of the named agents, as the
 * design stage does.
 *
 * Units: minutes, agents, hours. Reference: the "fill the peak" heuristic of the shift
 * scheduling literature (e.g. Henderson & Berry 1976, Management Science 22(12)).
 * Complexity: O(S × (n + K × P × L)) with S shifts added plus given-up intervals, n
 * intervals, K candidates covering an interval, P = min(patterns, 32 + Σ options) per type
 * and L intervals per shift.
 *
 * @example
 * // required 1 over 8 half-hours, one 4 h candidate: one shift, objective 4
 */
export function greedySchedule(
  problem: SchedulingProblem,
  geometry: ScheduleGeometry,
): PatternedShifts {
  const { candidates, shiftTypes, intervalMinutes, requiredAgents } = problem;
  const n = requiredAgents.length;
  const hours = intervalMinutes / 60;
  const under = problem.penalties.underPerAgentHour * hours;
  const over = problem.penalties.overPerAgentHour * hours;
  const covering: number[][] = Array.from({ length: n }, () => []);
  for (let c = 0; c < candidates.type.length; c++) {
    if (!geometry.usable[c]) continue;
    const start = candidates.startMinutes[c];
    const end = start + shiftTypes[candidates.type[c]].lengthMinutes;
    for (
      let t = Math.floor(start / intervalMinutes);
      t < Math.min(n, Math.ceil(end / intervalMinutes));
      t++
    )
      covering[t].push(c);
  }
  const onPhone = new Float64Array(n);
  const givenUp = new Uint8Array(n);
  const dayLeft = Float64Array.from(geometry.dayCapacity);
  const blockLeft = Float64Array.from(geometry.blockPaidMinutesCapacity);
  const blockShiftsLeft = Float64Array.from(geometry.blockShiftCapacity);
  const chosenCandidate: number[] = [];
  const chosenPattern: number[] = [];
  const scratch = new Float64Array(n);
  const patternIndex = geometry.types.map(
    (t) => new Map(t.patterns.map((p, i) => [p.join(','), i])),
  );
  /**
   * The break pattern of candidate c chosen rule by rule (each break where it lowers the cost
   * most, given the breaks before it), or −1 when the rules block each other that way.
   */
  const sequentialPattern = (c: number): number => {
    const type = shiftTypes[candidates.type[c]];
    const { options } = geometry.types[candidates.type[c]];
    const start = candidates.startMinutes[c];
    const first = Math.floor(start / intervalMinutes);
    const last = Math.min(n, Math.ceil((start + type.lengthMinutes) / intervalMinutes)) - 1;
    for (let t = first; t <= last; t++) scratch[t] = 0;
    addSpanCoverage(scratch, intervalMinutes, start, start + type.lengthMinutes, 1);
    const offsets = chooseBreakOffsets(type, options, start, intervalMinutes, requiredAgents, under, over, (t) => onPhone[t] + scratch[t], (from, to) =>
      addSpanCoverage(scratch, intervalMinutes, from, to, -1),
    );
    if (!offsets) return -1;
    return patternIndex[candidates.type[c]].get(offsets.join(',')) ?? -1;
  };
  for (;;) {
    let target = -1;
    let largest = 1e-9;
    for (let t = 0; t < n; t++) {
      const short = requiredAgents[t] - onPhone[t];
      if (!givenUp[t] && short > largest) {
        largest = short;
        target = t;
      }
    }
    if (target < 0) break;
    let best = -1e-9;
    let bestCandidate = -1;
    let bestPattern = -1;
    for (const c of covering[target]) {
      const day = candidates.day[c];
      const block = Math.floor(day / 7);
      if (
        dayLeft[day] < 1 ||
        blockShiftsLeft[block] < 1 ||
        blockLeft[block] < geometry.paidMinutes[c]
      )
        continue;
      const type = shiftTypes[candidates.type[c]];
      const start = candidates.startMinutes[c];
      const first = Math.floor(start / intervalMinutes);
      const last = Math.min(n, Math.ceil((start + type.lengthMinutes) / intervalMinutes)) - 1;
      const patterns = geometry.types[candidates.type[c]].patterns;
      const evaluate = (p: number): void => {
        for (let t = first; t <= last; t++) scratch[t] = 0;
        addSpanCoverage(scratch, intervalMinutes, start, start + type.lengthMinutes, 1);
        for (let r = 0; r < type.breaks.length; r++) {
          const b = start + patterns[p][r];
          addSpanCoverage(scratch, intervalMinutes, b, b + type.breaks[r].lengthMinutes, -1);
        }
        let delta = geometry.paidMinutes[c] / 60;
        for (let t = first; t <= last; t++) {
          delta +=
            intervalCost(onPhone[t] + scratch[t], requiredAgents[t], under, over) -
            intervalCost(onPhone[t], requiredAgents[t], under, over);
        }
        if (delta < best) {
          best = delta;
          bestCandidate = c;
          bestPattern = p;
        }
      };
      if (patterns.length <= EXHAUSTIVE_PATTERNS) {
        for (let p = 0; p < patterns.length; p++) evaluate(p);
        continue;
      }
      const p = sequentialPattern(c);
      if (p >= 0) evaluate(p);
      else for (let q = 0; q < patterns.length; q++) evaluate(q);
    }
    if (bestCandidate < 0) {
      givenUp[target] = 1;
      continue;
    }
    const type = shiftTypes[candidates.type[bestCandidate]];
    const start = candidates.startMinutes[bestCandidate];
    addSpanCoverage(onPhone, intervalMinutes, start, start + type.lengthMinutes, 1);
    for (let r = 0; r < type.breaks.length; r++) {
      const b = start + geometry.types[candidates.type[bestCandidate]].patterns[bestPattern][r];
      addSpanCoverage(onPhone, intervalMinutes, b, b + type.breaks[r].lengthMinutes, -1);
    }
    dayLeft[candidates.day[bestCandidate]]--;
    blockLeft[Math.floor(candidates.day[bestCandidate] / 7)] -= geometry.paidMinutes[bestCandidate];
    blockShiftsLeft[Math.floor(candidates.day[bestCandidate] / 7)]--;
    chosenCandidate.push(bestCandidate);
    chosenPattern.push(bestPattern);
  }
  return { candidate: Int32Array.from(chosenCandidate), pattern: Int32Array.from(chosenPattern) };
}
