import { agentMayTake } from './agent-may-take.js';
import type { ScheduleGeometry } from './schedule-geometry.js';
import type { SchedulingProblem } from './scheduling-types.js';

/**
 * A feasible named roster built greedily, used as the roster program's start: shifts in order
 * of start time (longest first at equal starts) go to the agent who may take them (availability,
 * blocked time, rest before the horizon: `agentMayTake`), does not work that day yet, keeps
 * minRestMinutes to both neighbouring shifts, and stays within the block's maximum paid minutes
 * and shifts (days off); among those, the agent furthest below the block's minimum minutes,
 * then with the fewest late (for a late shift) and weekend (for a weekend shift) shifts, then
 * the lowest index. A shift nobody can take stays open (−1).
 *
 * Units: minutes. Reference: list scheduling for rostering, Ernst et al. (2004), EJOR 153(1).
 * Complexity: O(shifts × agents × shifts of the agent).
 *
 * @example
 * // one shift, agent 0 unavailable that day, agent 1 available: [1]
 */
export function greedyRoster(
  problem: SchedulingProblem,
  geometry: ScheduleGeometry,
  shiftCandidate: Int32Array,
): Int32Array {
  const { candidates, shiftTypes, agents, roster: rules } = problem;
  const blocks = geometry.blockDays.length;
  const minutes = new Float64Array(agents.length * blocks);
  const shifts = new Int32Array(agents.length * blocks);
  const late = new Int32Array(agents.length);
  const weekend = new Int32Array(agents.length);
  const taken: number[][] = agents.map(() => []);
  const order = [...shiftCandidate.keys()].sort(
    (x, y) =>
      candidates.startMinutes[shiftCandidate[x]] - candidates.startMinutes[shiftCandidate[y]] ||
      shiftTypes[candidates.type[shiftCandidate[y]]].lengthMinutes -
        shiftTypes[candidates.type[shiftCandidate[x]]].lengthMinutes ||
      x - y,
  );
  const agentOf = new Int32Array(shiftCandidate.length).fill(-1);
  for (const s of order) {
    const c = shiftCandidate[s];
    const start = candidates.startMinutes[c];
    const end = start + shiftTypes[candidates.type[c]].lengthMinutes;
    const w = Math.floor(candidates.day[c] / 7);
    const days = geometry.blockDays[w];
    const maxShifts = days - Math.floor((rules.minDaysOffPerWeek * days) / 7 + 1e-9);
    let best = -1;
    let bestKey: number[] = [];
    for (let a = 0; a < agents.length; a++) {
      if (!agentMayTake(problem, a, c)) continue;
      const k = a * blocks + w;
      if (
        shifts[k] + 1 > maxShifts ||
        minutes[k] + geometry.paidMinutes[c] > agents[a].maxWeeklyMinutes + 1e-9
      )
        continue;
      let clash = false;
      for (const o of taken[a]) {
        const oStart = candidates.startMinutes[o];
        const oEnd = oStart + shiftTypes[candidates.type[o]].lengthMinutes;
        if (
          candidates.day[o] === candidates.day[c] ||
          (oStart < end + rules.minRestMinutes && start < oEnd + rules.minRestMinutes)
        ) {
          clash = true;
          break;
        }
      }
      if (clash) continue;
      const key = [
        -Math.max(0, (agents[a].minWeeklyMinutes * days) / 7 - minutes[k]),
        candidates.late[c] ? late[a] : 0,
        candidates.weekend[c] ? weekend[a] : 0,
      ];
      if (
        best < 0 ||
        key[0] < bestKey[0] ||
        (key[0] === bestKey[0] &&
          (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))
      ) {
        best = a;
        bestKey = key;
      }
    }
    if (best < 0) continue;
    agentOf[s] = best;
    const k = best * blocks + w;
    shifts[k]++;
    minutes[k] += geometry.paidMinutes[c];
    late[best] += candidates.late[c];
    weekend[best] += candidates.weekend[c];
    taken[best].push(c);
  }
  return agentOf;
}
