import { coverageFromActivities } from './coverage-from-activities.js';
import type { SchedulingProblem, ScheduleSolution } from './scheduling-types.js';

/** Coverage, under/over columns, totals and the design objective of a set of shifts and breaks. */
export interface ScheduleEvaluation {
  onPhoneAgents: Float64Array;
  underAgents: Float64Array;
  overAgents: Float64Array;
  totals: Omit<ScheduleSolution['totals'], 'unassignedShifts'>;
  /** paid hours + underPerAgentHour × under agent-hours + overPerAgentHour × over agent-hours. */
  objective: number;
}

/**
 * Evaluates shifts and breaks with the shift-design objective: coverage by
 * `coverageFromActivities`, under = max(0, required − on phones) and over = max(0, on phones −
 * required) per interval (NaN where required is NaN, and not counted), paid hours = Σ (shift
 * length − its unpaid breaks) ÷ 60, agent-hours = agents × intervalMinutes ÷ 60. The same
 * function scores the MIP stages' answer and the greedy baseline.
 *
 * Units: hours and agent-hours. Reference: the design objective of docs/scheduling.md.
 * Complexity: O(intervals + shifts × length ÷ interval + breaks).
 *
 * @example
 * // one 4 h shift, no breaks, required 1 over its 8 half-hours, penalties 4/0.1: objective 4
 */
export function evaluateSchedule(
  problem: SchedulingProblem,
  shifts: Pick<ScheduleSolution['shifts'], 'candidate'>,
  breaks: ScheduleSolution['breaks'],
): ScheduleEvaluation {
  const n = problem.requiredAgents.length;
  const onPhoneAgents = coverageFromActivities(problem, shifts, breaks);
  const underAgents = new Float64Array(n);
  const overAgents = new Float64Array(n);
  const hoursPerInterval = problem.intervalMinutes / 60;
  let under = 0;
  let over = 0;
  let intervalsUnder = 0;
  for (let t = 0; t < n; t++) {
    const required = problem.requiredAgents[t];
    if (Number.isNaN(required)) {
      underAgents[t] = NaN;
      overAgents[t] = NaN;
      continue;
    }
    const gap = required - onPhoneAgents[t];
    underAgents[t] = Math.max(0, gap);
    overAgents[t] = Math.max(0, -gap);
    under += underAgents[t];
    over += overAgents[t];
    if (underAgents[t] > 1e-9) intervalsUnder++;
  }
  let paidMinutes = 0;
  const { candidates, shiftTypes } = problem;
  for (let s = 0; s < shifts.candidate.length; s++)
    paidMinutes += shiftTypes[candidates.type[shifts.candidate[s]]].lengthMinutes;
  for (let b = 0; b < breaks.shift.length; b++) {
    const rule =
      shiftTypes[candidates.type[shifts.candidate[breaks.shift[b]]]].breaks[breaks.rule[b]];
    if (!rule.paid) paidMinutes -= rule.lengthMinutes;
  }
  const totals = {
    paidHours: paidMinutes / 60,
    underAgentHours: under * hoursPerInterval,
    overAgentHours: over * hoursPerInterval,
    intervalsUnder,
  };
  const objective =
    totals.paidHours +
    problem.penalties.underPerAgentHour * totals.underAgentHours +
    problem.penalties.overPerAgentHour * totals.overAgentHours;
  return { onPhoneAgents, underAgents, overAgents, totals, objective };
}
