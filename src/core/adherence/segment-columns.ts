/**
 * Time segments of agents as columns: one row per segment, instants in seconds since the epoch
 * (UTC), `code` an activity code (schedules) or a state code (agent states). A segment covers
 * [start, end).
 */
export interface SegmentColumns {
  agent: Int32Array;
  code: Int32Array;
  start: Float64Array;
  end: Float64Array;
}
