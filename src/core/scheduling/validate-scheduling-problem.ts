import type { SchedulingProblem } from './scheduling-types.js';

/**
 * Checks the shape of a scheduling problem and throws a RangeError naming the first fault:
 * positive interval and day counts, requirements finite and ≥ 0 (or NaN: unknown), candidate
 * columns of equal length with types in range and days in 0..dayCount−1, agents' availability
 * of dayCount entries, finite non-negative penalties and limits.
 *
 * Units: minutes, days. Reference: scheduling-types.ts. Complexity: O(candidates + agents).
 *
 * @example
 * validateSchedulingProblem({ ...problem, intervalMinutes: 0 }); // RangeError: solveSchedule requires intervalMinutes greater than 0
 */
export function validateSchedulingProblem(problem: SchedulingProblem): void {
  const fail = (what: string): never => {
    throw new RangeError(`solveSchedule requires ${what}`);
  };
  if (!(problem.intervalMinutes > 0)) fail('intervalMinutes greater than 0');
  if (!(problem.dayCount >= 1) || !Number.isInteger(problem.dayCount))
    fail('dayCount a positive integer');
  for (let t = 0; t < problem.requiredAgents.length; t++) {
    const r = problem.requiredAgents[t];
    if (!Number.isNaN(r) && !(r >= 0 && r < Infinity))
      fail(`requiredAgents[${t}] a finite number ≥ 0 or NaN`);
  }
  const c = problem.candidates;
  const count = c.type.length;
  if (
    c.startMinutes.length !== count ||
    c.day.length !== count ||
    c.late.length !== count ||
    c.weekend.length !== count
  ) {
    fail('candidate columns of equal length');
  }
  for (let i = 0; i < count; i++) {
    if (!(c.type[i] >= 0 && c.type[i] < problem.shiftTypes.length))
      fail(`candidates.type[${i}] to name a shift type`);
    if (!(c.day[i] >= 0 && c.day[i] < problem.dayCount))
      fail(`candidates.day[${i}] within 0..dayCount−1`);
  }
  for (const type of problem.shiftTypes) {
    if (!(type.lengthMinutes > 0)) fail(`shift type ${type.code} lengthMinutes greater than 0`);
    for (const rule of type.breaks) {
      if (!(rule.lengthMinutes > 0) || !(rule.latestStartMinutes >= rule.earliestStartMinutes))
        fail(`break ${rule.code} of ${type.code} a positive length and a window`);
    }
  }
  for (const agent of problem.agents) {
    if (agent.availableDays.length !== problem.dayCount)
      fail(`availableDays of agent ${agent.id} with dayCount entries`);
  }
  const { underPerAgentHour, overPerAgentHour } = problem.penalties;
  if (!(
    underPerAgentHour >= 0 &&
    overPerAgentHour >= 0 &&
    Number.isFinite(underPerAgentHour + overPerAgentHour)
  ))
    fail('finite non-negative penalties');
  if (!(problem.limits.timeLimitSeconds > 0) || !(problem.limits.mipRelativeGap >= 0))
    fail('a positive time limit and a non-negative gap');
}
