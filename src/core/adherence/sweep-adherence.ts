import type { AdherenceRules } from './adherence-rules.js';
import type { AdherenceException, AdherenceResult } from './adherence-result.js';
import { findOverlappingSegments } from './find-overlapping-segments.js';
import type { SegmentColumns } from './segment-columns.js';
import { sortSegments } from './sort-segments.js';

/**
 * Schedule adherence of many agents: compares, second by second, each agent's scheduled
 * activity with the state the ACD logged.
 *
 * Method: both logs are sorted by (agent, start) and swept together with two pointers; every
 * boundary of either log cuts a piece [t, t') with one activity a and one state s (s = "no
 * state" in gaps of the state log). A piece is in adherence when rules.satisfies[a][s].
 * - adherence = Σ adherent seconds ÷ Σ scheduled seconds;
 * - conformance = Σ worked seconds (productive states during scheduled time, whatever activity
 *   was scheduled at that moment) ÷ Σ scheduled seconds of productive activities;
 * - an exception is a maximal run of contiguous out-of-adherence pieces with the same activity
 *   and state, kept when it lasts longer than graceSeconds (so 60 s of grace keeps 61 s, not
 *   59 s or 60 s). Grace does not change the adherent seconds.
 * A shift is a run of touching schedule rows of one agent; every row carries its shift's start,
 * so a shift crossing midnight belongs to the day it starts. Early log-off: the logged-out time
 * between the agent's last logged-in moment of a shift and its end (excused, counted adherent,
 * unless countEarlyLogOff). Late log-off: logged-in time right after the shift's end, up to the
 * next shift, reported as exceptions with activity -1 when countLateLogOff (never part of the
 * scheduled seconds).
 *
 * Units: seconds since the epoch, seconds. Reference: the adherence/conformance definitions of
 * Cleveland, "Call Center Management on Fast Forward" (3rd ed., 2012), ch. 9.
 * Complexity: O((n + m) log(n + m)) for n schedule rows and m state rows (the sorts); the
 * sweep itself is linear.
 * @throws RangeError when two state rows (or two schedule rows) of one agent overlap, or a row
 * ends before it starts
 * @example
 * // work 09:00-17:00 (activity 0), state 0 ("available") 09:00-17:00, 0 satisfies 0
 * sweepAdherence({ agent: Int32Array.of(1), code: Int32Array.of(0), start: Float64Array.of(32400), end: Float64Array.of(61200) },
 *   { agent: Int32Array.of(1), code: Int32Array.of(0), start: Float64Array.of(32400), end: Float64Array.of(61200) },
 *   rules).adherentSeconds[0]; // 28800 (100 %)
 */
export function sweepAdherence(schedule: SegmentColumns, states: SegmentColumns, rules: AdherenceRules): AdherenceResult {
  const S = rules.stateCount;
  const width = S + 1;
  for (const [name, cols] of [['schedule', schedule], ['state', states]] as const) {
    const n = cols.agent.length;
    if (cols.code.length !== n || cols.start.length !== n || cols.end.length !== n) {
      throw new RangeError(`sweepAdherence requires ${name} columns of equal length`);
    }
    for (let i = 0; i < n; i++) {
      if (!(cols.end[i] > cols.start[i])) throw new RangeError(`sweepAdherence requires ${name} row ${i} to end after it starts`);
    }
  }
  for (let i = 0; i < states.code.length; i++) {
    if (!(states.code[i] >= 0 && states.code[i] < S)) throw new RangeError(`sweepAdherence requires state codes in 0..${S - 1}, got ${states.code[i]} on row ${i}`);
  }
  const aOrder = sortSegments(schedule.agent, schedule.start, schedule.end);
  const sOrder = sortSegments(states.agent, states.start, states.end);
  for (const [name, cols, order] of [['schedule', schedule, aOrder], ['state', states, sOrder]] as const) {
    const pair = findOverlappingSegments(cols.agent, cols.start, cols.end, order, 1)[0];
    if (pair) throw new RangeError(`sweepAdherence requires ${name} rows of one agent not to overlap: rows ${pair[0]} and ${pair[1]}`);
  }

  const n = aOrder.length;
  const m = sOrder.length;
  const out: AdherenceResult = {
    scheduledSeconds: new Float64Array(n),
    adherentSeconds: new Float64Array(n),
    workedSeconds: new Float64Array(n),
    earlyLogOffSeconds: new Float64Array(n),
    lateLogOffSeconds: new Float64Array(n),
    shiftStart: new Float64Array(n),
    exceptions: [],
  };
  const { agent: sAgent, code: sCode, start: sStart, end: sEnd } = states;
  const grace = rules.graceSeconds;

  // The exception being grown: contiguous out-of-adherence pieces, same activity and state.
  let open: AdherenceException | null = null;
  const flush = (): void => {
    if (open && open.end - open.start > grace) out.exceptions.push(open);
    open = null;
  };
  const extend = (agentId: number, row: number, activity: number, state: number, t: number, e: number): void => {
    if (open && open.agent === agentId && open.activity === activity && open.state === state && open.end === t) {
      open.end = e;
      return;
    }
    flush();
    open = { agent: agentId, scheduleRow: row, activity, state, start: t, end: e };
  };

  let j = 0;
  let i = 0;
  while (i < n) {
    const agentId = schedule.agent[aOrder[i]];
    while (j < m && sAgent[sOrder[j]] < agentId) j++;
    const mine = (q: number): boolean => q < m && sAgent[sOrder[q]] === agentId;
    while (i < n && schedule.agent[aOrder[i]] === agentId) {
      let k = i + 1;
      while (k < n && schedule.agent[aOrder[k]] === agentId && schedule.start[aOrder[k]] <= schedule.end[aOrder[k - 1]]) k++;
      const shiftStart = schedule.start[aOrder[i]];
      const shiftEnd = schedule.end[aOrder[k - 1]];
      while (mine(j) && sEnd[sOrder[j]] <= shiftStart) j++;
      // The agent's last logged-in moment within the shift.
      let lastActive = -Infinity;
      for (let q = j; mine(q) && sStart[sOrder[q]] < shiftEnd; q++) {
        if (rules.loggedInState[sCode[sOrder[q]]] === 1) lastActive = Math.min(sEnd[sOrder[q]], shiftEnd);
      }
      const earlyFrom = lastActive > shiftStart && lastActive < shiftEnd ? lastActive : Infinity;

      for (let r = i; r < k; r++) {
        const row = aOrder[r];
        const activity = schedule.code[row];
        const e = schedule.end[row];
        let t = schedule.start[row];
        out.shiftStart[row] = shiftStart;
        out.scheduledSeconds[row] = e - t;
        while (t < e) {
          while (mine(j) && sEnd[sOrder[j]] <= t) j++;
          let state: number;
          let pe: number;
          if (mine(j) && sStart[sOrder[j]] <= t) {
            state = sCode[sOrder[j]];
            pe = Math.min(e, sEnd[sOrder[j]]);
          } else {
            state = S;
            pe = mine(j) ? Math.min(e, sStart[sOrder[j]]) : e;
          }
          if (t < earlyFrom && pe > earlyFrom) pe = earlyFrom;
          const d = pe - t;
          const ok = rules.satisfies[activity * width + state] === 1;
          const early = t >= earlyFrom;
          if (early) out.earlyLogOffSeconds[row] += d;
          if (state < S && rules.productiveState[state] === 1) out.workedSeconds[row] += d;
          if (ok || (early && !rules.countEarlyLogOff)) {
            out.adherentSeconds[row] += d;
            flush();
          } else {
            extend(agentId, row, activity, state, t, pe);
          }
          t = pe;
        }
      }
      flush();

      // Late log-off: logged in right after the shift's end, up to the next shift.
      const lastRow = aOrder[k - 1];
      const limit = k < n && schedule.agent[aOrder[k]] === agentId ? schedule.start[aOrder[k]] : Infinity;
      let t = shiftEnd;
      for (let q = j; mine(q) && t < limit; q++) {
        const row = sOrder[q];
        if (sEnd[row] <= t) continue;
        if (sStart[row] > t || rules.loggedInState[sCode[row]] !== 1) break;
        const pe = Math.min(sEnd[row], limit);
        out.lateLogOffSeconds[lastRow] += pe - t;
        if (rules.countLateLogOff) extend(agentId, lastRow, -1, sCode[row], t, pe);
        t = pe;
      }
      flush();
      i = k;
    }
  }
  return out;
}
