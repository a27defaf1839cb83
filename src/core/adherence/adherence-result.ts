/** One out-of-adherence span of an agent longer than the grace period. */
export interface AdherenceException {
  agent: number;
  /** The schedule row in effect at the start (the shift's last row for a late log-off). */
  scheduleRow: number;
  /** Scheduled activity code, or -1 after the end of the shift (late log-off). */
  activity: number;
  /** Actual state code; `stateCount` when no state was logged. */
  state: number;
  start: number;
  end: number;
}

/** What the adherence sweep writes: seconds per schedule row, and the exceptions. */
export interface AdherenceResult {
  /** Per schedule row: its length in seconds. */
  scheduledSeconds: Float64Array;
  /** Per schedule row: seconds whose state satisfied the activity (or excused early log-off). */
  adherentSeconds: Float64Array;
  /** Per schedule row: seconds in a productive state during the row, whatever the activity. */
  workedSeconds: Float64Array;
  /** Per schedule row: seconds logged out after the agent's last logged-in moment of the shift. */
  earlyLogOffSeconds: Float64Array;
  /** Per schedule row (the shift's last): logged-in seconds after the shift's end. */
  lateLogOffSeconds: Float64Array;
  /** Per schedule row: the start of its shift (attribute the row to this instant's local day). */
  shiftStart: Float64Array;
  exceptions: AdherenceException[];
}
