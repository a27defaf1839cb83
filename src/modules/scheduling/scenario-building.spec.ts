import { coverageFromActivities } from '../../core/scheduling/coverage-from-activities.js';
import type { SchedulingProblem, ScheduleSolution, StageReport } from '../../core/scheduling/scheduling-types.js';
import { activitiesOfSolution, coverageTotals, onPhoneAgents, openShiftId, predictedMeasures } from './scenario-building.js';

const FROM = Date.parse('2026-03-02T07:00:00Z');
const stage: StageReport = { status: 'optimal', objective: 0, bound: 0, gap: 0, solveSeconds: 0, variables: 0, constraints: 0 };

/** Two 4 h candidates at minutes 0 and 60 (a paid 15-min break and an unpaid 30-min lunch), 30-minute intervals over 6 h. */
const problem: SchedulingProblem = {
  intervalMinutes: 30,
  requiredAgents: Float64Array.from([1, 2, 2, 2, 2, 2, 1, 1, NaN, NaN, NaN, NaN]),
  dayCount: 1,
  shiftTypes: [{ code: 'T', lengthMinutes: 240, breaks: [
    { code: 'break', lengthMinutes: 15, earliestStartMinutes: 60, latestStartMinutes: 120, paid: true },
    { code: 'lunch', lengthMinutes: 30, earliestStartMinutes: 120, latestStartMinutes: 180, paid: false },
  ] }],
  candidates: { type: Int32Array.from([0, 0]), startMinutes: Int32Array.from([0, 60]), day: Int32Array.from([0, 0]), late: new Uint8Array(2), weekend: new Uint8Array(2) },
  penalties: { underPerAgentHour: 4, overPerAgentHour: 0.1 },
  agents: [],
  roster: { minRestMinutes: 660, minDaysOffPerWeek: 2 },
  limits: { timeLimitSeconds: 1, mipRelativeGap: 0.01 },
};
const solution: ScheduleSolution = {
  shifts: { candidate: Int32Array.from([1, 0]), agent: Int32Array.from([-1, 0]) },
  breaks: { shift: Int32Array.from([0, 0, 1]), rule: Int32Array.from([1, 0, 0]), startMinutes: Int32Array.from([210, 135, 75]) },
  onPhoneAgents: new Float64Array(12), underAgents: new Float64Array(12), overAgents: new Float64Array(12),
  totals: { paidHours: 0, underAgentHours: 0, overAgentHours: 0, intervalsUnder: 0, unassignedShifts: 1 },
  stages: { design: stage, roster: stage, breaks: stage },
};

describe('activitiesOfSolution', () => {
  const activities = activitiesOfSolution(problem, solution, FROM, [{ agentId: 'ANNA', team: 'red', channelCodes: ['sales'] }], (n) => ({ agentId: openShiftId('c225dd9d-f629', n), team: null, channelCodes: ['sales'] }));
  const minutes = (ms: number): number => (ms - FROM) / 60_000;

  it('cuts each shift into work between its breaks; named agents keep their id, open shifts get OPEN ids', () => {
    expect(activities.map((a) => [a.agentId, a.activity, minutes(a.startMs), minutes(a.endMs), a.paid])).toEqual([
      ['ANNA', 'work', 0, 75, true],
      ['ANNA', 'break', 75, 90, true],
      ['ANNA', 'work', 90, 240, true],
      ['OPEN-C225DD9D-001', 'work', 60, 135, true],
      ['OPEN-C225DD9D-001', 'break', 135, 150, true],
      ['OPEN-C225DD9D-001', 'work', 150, 210, true],
      ['OPEN-C225DD9D-001', 'lunch', 210, 240, false],
      ['OPEN-C225DD9D-001', 'work', 240, 300, true],
    ]);
    expect(activities[0]).toMatchObject({ team: 'red', channelCodes: ['sales'] });
  });

  it('gives the coverage the core computes from shifts and breaks', () => {
    const onPhone = onPhoneAgents(activities, FROM, 30, 12);
    const core = coverageFromActivities(problem, solution.shifts, solution.breaks);
    onPhone.forEach((v, k) => expect(v).toBeCloseTo(core[k], 12));
    expect([...onPhone]).toEqual([1, 1, 1.5, 2, 1.5, 2, 2, 1, 1, 1, 0, 0]);
  });

  it('totals paid hours, under and over only where the requirement is known, and the shifts', () => {
    const onPhone = onPhoneAgents(activities, FROM, 30, 12);
    const { under, over, totals } = coverageTotals(activities, problem.requiredAgents, onPhone, 30, 1);
    expect(totals).toEqual({
      shifts: 2, agents: 1, openShifts: 1, paidHours: 7.5, underAgentHours: (1 + 0.5 + 0.5) * 0.5, overAgentHours: 0.5,
      intervalsUnder: 3, requiredIntervals: 8, unassignedShifts: 1,
    });
    expect(under[8]).toBeNaN();
    expect(over[8]).toBeNaN();
    expect(under[1]).toBe(1);
  });
});

describe('predictedMeasures', () => {
  it('evaluates Erlang C at the agents on the phones (100 contacts in 30 min, AHT 180 s, 14 agents, 20 s: 0.88835)', () => {
    const out = predictedMeasures(
      { model: 'erlang-c', intervalSeconds: 1800, volume: Float64Array.from([100, NaN, 0]), ahtSeconds: Float64Array.from([180, NaN, NaN]), thresholdSeconds: 20, patienceSeconds: null, concurrency: 1 },
      Float64Array.from([14, 3, 2]),
    );
    expect(out.serviceLevel[0]).toBeCloseTo(0.88835, 5);
    expect(out.asaSeconds[0]).toBeGreaterThan(0);
    expect(out.serviceLevel[1]).toBeNaN();
    expect(out.serviceLevel[2]).toBeNaN();
  });

  it('predicts nothing under Erlang B', () => {
    const out = predictedMeasures({ model: 'erlang-b', intervalSeconds: 1800, volume: Float64Array.from([100]), ahtSeconds: Float64Array.from([180]), thresholdSeconds: 20, patienceSeconds: null, concurrency: 1 }, Float64Array.from([14]));
    expect(out.serviceLevel[0]).toBeNaN();
  });
});
