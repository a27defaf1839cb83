/**
 * State-to-activity rules in the form the adherence sweep reads. Activity codes are 0..A-1,
 * state codes 0..S-1; the code S stands for "no state" (nothing logged: the agent is logged out).
 */
export interface AdherenceRules {
  stateCount: number;
  /** `satisfies[activity * (stateCount + 1) + state]` is 1 when the state satisfies the activity. */
  satisfies: Uint8Array;
  /** Per activity code: 1 when the activity is productive (counts in conformance's denominator). */
  productiveActivity: Uint8Array;
  /** Per state code: 1 when the state is work (counts as worked time in conformance). */
  productiveState: Uint8Array;
  /** Per state code: 1 when the agent is logged in (every state but offline). */
  loggedInState: Uint8Array;
  /** A mismatch lasting no longer than this is not an exception. */
  graceSeconds: number;
  /** False: logging out before the end of the shift (and staying out) is excused. */
  countEarlyLogOff: boolean;
  /** True: staying logged in after the end of the shift is reported as an exception. */
  countLateLogOff: boolean;
}
