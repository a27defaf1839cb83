import type { SchedulingProblem } from './scheduling-types.js';

/**
 * Whether agent `a` may take candidate `c` at all: available on its day, no overlap with the
 * agent's blocked minutes, and at least minRestMinutes after the agent's last shift before
 * the horizon. The roster program creates a column only for these pairs.
 *
 * Units: minutes from the horizon start. Reference: docs/scheduling.md, stage 4 (roster).
 * Complexity: O(blocked pairs of the agent).
 *
 * @example
 * // agent whose last shift ended at minute −120, rest 660, candidate starting at 420: false
 */
export function agentMayTake(problem: SchedulingProblem, a: number, c: number): boolean {
  const agent = problem.agents[a];
  const { candidates, shiftTypes } = problem;
  const start = candidates.startMinutes[c];
  const end = start + shiftTypes[candidates.type[c]].lengthMinutes;
  if (!agent.availableDays[candidates.day[c]]) return false;
  for (const [b0, b1] of agent.blockedMinutes) if (start < b1 && b0 < end) return false;
  return (
    agent.lastShiftEndMinutes === null ||
    start >= agent.lastShiftEndMinutes + problem.roster.minRestMinutes
  );
}
