/**
 * Shared shapes of the scheduling core: shift design, named roster and break placement on one
 * channel's (or one group of channels') horizon of intervals.
 *
 * The horizon is a run of `requiredAgents.length` consecutive intervals of `intervalMinutes`
 * (UTC instants; the caller maps local windows onto it), starting at interval 0. Every time
 * inside a problem is a count of minutes from the horizon's start, or an interval index; days
 * are indices 0..dayCount−1 of the local days the horizon covers (a shift belongs to the local
 * day it starts on). The caller (src/modules/scheduling) does the calendar; the core only sees
 * numbers.
 */

/** A break or lunch of a shift: where it may start and how long it lasts. */
export interface BreakRule {
  /** Activity code written to the schedule (for example `lunch`, `break`). */
  code: string;
  lengthMinutes: number;
  /** The window of the break's start, minutes after the shift's start (both inclusive). */
  earliestStartMinutes: number;
  latestStartMinutes: number;
  /** Paid breaks count in paid hours; unpaid ones do not. */
  paid: boolean;
}

/** A kind of shift: its length (breaks included) and the breaks it holds. */
export interface ShiftType {
  code: string;
  lengthMinutes: number;
  breaks: readonly BreakRule[];
}

/**
 * The candidate shifts, as columns of equal length: the shift type (index into `shiftTypes`),
 * the start (minutes from the horizon start, a multiple of `startStepMinutes` of the rules),
 * the day index it belongs to, and whether it counts as undesirable (late, weekend) for
 * fairness. A shift whose minutes leave the horizon is the caller's error.
 */
export interface CandidateShifts {
  type: Int32Array;
  startMinutes: Int32Array;
  day: Int32Array;
  /** 1 when the shift ends late (after the rules' late hour), else 0. */
  late: Uint8Array;
  /** 1 when the shift falls on a weekend day, else 0. */
  weekend: Uint8Array;
}

/** Penalties of the shift design objective (paid hours cost 1 per hour). */
export interface DesignPenalties {
  /** Cost of one agent-hour on the phones below the requirement (for example 4). */
  underPerAgentHour: number;
  /** Cost of one agent-hour on the phones above the requirement (for example 0.1). */
  overPerAgentHour: number;
}

/** A named agent of the roster, as the solver sees it. */
export interface RosterAgent {
  /** The agent's id (agent_id of the schedules). */
  id: string;
  minWeeklyMinutes: number;
  maxWeeklyMinutes: number;
  /** Per day index of the horizon: 1 when the agent may work a shift starting that day. */
  availableDays: Uint8Array;
  /**
   * Time the agent is already booked (time off, other activities on the schedule), as
   * [start, end) minute pairs from the horizon start: no shift may overlap them.
   */
  blockedMinutes: readonly (readonly [number, number])[];
  /** Minutes the agent worked before the horizon's start ends (for the rest rule), or null when unknown. */
  lastShiftEndMinutes: number | null;
}

/** The rules of the named roster stage. */
export interface RosterRules {
  /** Minimum rest between the end of one shift and the start of the next (default 660). */
  minRestMinutes: number;
  /** Days off in every 7 days of the horizon (default 2). */
  minDaysOffPerWeek: number;
}

/** Solver limits of one request; every stage gets them. */
export interface SolverLimits {
  timeLimitSeconds: number;
  /** Relative MIP gap at which HiGHS may stop (for example 0.01). */
  mipRelativeGap: number;
}

/** A whole scheduling problem: the three stages run on it in turn. */
export interface SchedulingProblem {
  intervalMinutes: number;
  /** Agents needed on the phones per interval; NaN where no requirement is known (neither under nor over is counted there). */
  requiredAgents: Float64Array;
  dayCount: number;
  shiftTypes: readonly ShiftType[];
  candidates: CandidateShifts;
  penalties: DesignPenalties;
  /** The named agents; empty for anonymous open shifts. */
  agents: readonly RosterAgent[];
  roster: RosterRules;
  limits: SolverLimits;
}

/** How a stage ended. */
export type StageStatus = 'optimal' | 'gap-reached' | 'time-limit' | 'greedy';

/** The solver figures of one stage. */
export interface StageReport {
  status: StageStatus;
  objective: number;
  /** Best proven bound of the objective (a lower bound: the problems minimise). */
  bound: number;
  /** (objective − bound) ÷ |objective|, 0 when optimal. */
  gap: number;
  solveSeconds: number;
  variables: number;
  constraints: number;
}

/** The answer: shifts, breaks, and coverage recomputed from them. */
export interface ScheduleSolution {
  /** The shifts, as columns: candidate index, agent index (into `agents`; −1 = an open shift). */
  shifts: { candidate: Int32Array; agent: Int32Array };
  /** The breaks, as columns: shift index (into `shifts`), break rule index (of its shift type), start (minutes from the horizon start). */
  breaks: { shift: Int32Array; rule: Int32Array; startMinutes: Int32Array };
  /** Agents on the phones per interval (fractional where a break covers part of an interval). */
  onPhoneAgents: Float64Array;
  /** max(0, required − on phones) and max(0, on phones − required) per interval; NaN where required is NaN. */
  underAgents: Float64Array;
  overAgents: Float64Array;
  totals: {
    paidHours: number;
    underAgentHours: number;
    overAgentHours: number;
    intervalsUnder: number;
    /** Designed shifts no agent could take (named roster only). */
    unassignedShifts: number;
  };
  stages: { design: StageReport; roster: StageReport | null; breaks: StageReport };
}
