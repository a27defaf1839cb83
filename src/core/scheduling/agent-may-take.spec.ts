import { agentMayTake } from './agent-may-take.js';
import type { RosterAgent, SchedulingProblem } from './scheduling-types.js';

function problem(agent: Partial<RosterAgent>): SchedulingProblem {
  return {
    intervalMinutes: 30,
    requiredAgents: new Float64Array(96),
    dayCount: 2,
    shiftTypes: [{ code: 'h8', lengthMinutes: 480, breaks: [] }],
    candidates: {
      type: Int32Array.from([0, 0]),
      startMinutes: Int32Array.from([420, 1440 + 480]),
      day: Int32Array.from([0, 1]),
      late: new Uint8Array(2),
      weekend: new Uint8Array(2),
    },
    penalties: { underPerAgentHour: 4, overPerAgentHour: 0.1 },
    agents: [
      {
        id: 'a',
        minWeeklyMinutes: 0,
        maxWeeklyMinutes: 2400,
        availableDays: Uint8Array.from([1, 1]),
        blockedMinutes: [],
        lastShiftEndMinutes: null,
        ...agent,
      },
    ],
    roster: { minRestMinutes: 660, minDaysOffPerWeek: 2 },
    limits: { timeLimitSeconds: 1, mipRelativeGap: 0 },
  };
}

describe('agentMayTake', () => {
  it('checks availability, blocked time and the rest after the last shift before the horizon', () => {
    expect(agentMayTake(problem({}), 0, 0)).toBe(true);
    expect(agentMayTake(problem({ availableDays: Uint8Array.from([0, 1]) }), 0, 0)).toBe(false);
    expect(agentMayTake(problem({ availableDays: Uint8Array.from([0, 1]) }), 0, 1)).toBe(true);
    // Blocked [900, 960) overlaps 07:00–15:00 (420–900)? No: it starts when the shift ends.
    expect(agentMayTake(problem({ blockedMinutes: [[900, 960]] }), 0, 0)).toBe(true);
    expect(agentMayTake(problem({ blockedMinutes: [[899, 960]] }), 0, 0)).toBe(false);
    // Rest: 420 − (−240) = 660 is enough; 420 − (−239) = 659 is not.
    expect(agentMayTake(problem({ lastShiftEndMinutes: -240 }), 0, 0)).toBe(true);
    expect(agentMayTake(problem({ lastShiftEndMinutes: -239 }), 0, 0)).toBe(false);
  });
});
