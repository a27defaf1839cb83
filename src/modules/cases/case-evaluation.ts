import type { BusinessCalendar } from '../../core/service-objectives/business-calendar.js';
import { classifyObjectiveInto } from '../../core/service-objectives/classify-objective-into.js';
import { updateCadenceInto } from '../../core/service-objectives/update-cadence-into.js';
import type { CaseRow } from './cases.repository.js';
import { objectiveSeconds, type Objective, type ResponsePolicy } from './response-policy.js';

/** The five measures of a case, each a compliance-status column, and the resolution time. */
export interface CaseEvaluation {
  /** Earliest of the automatic reply and the agent's first response (the resolution when neither). */
  initialResponse: Int8Array;
  /** The agent's first response (the resolution when none). */
  agentResponse: Int8Array;
  /** The automatic reply, for cases that have one, against the initial-response objective. */
  autoReply: Int8Array;
  resolution: Int8Array;
  updateCadence: Int8Array;
  /** Seconds from creation to resolution (elapsed, around the clock); NaN while open. */
  resolutionSeconds: Float64Array;
}

const orNaN = (v: number | null): number => (v === null ? NaN : v);

/**
 * Maps stored cases (ordered by priority) into columns and runs the compliance kernels once per
 * priority and objective, on that objective's clock, at the evaluation instant `asOfMs`.
 */
export function evaluateCases(rows: readonly CaseRow[], policy: ResponsePolicy, calendar: BusinessCalendar, businessDaySeconds: number, asOfMs: number): CaseEvaluation {
  const n = rows.length;
  const created = new Float64Array(n);
  const agent = new Float64Array(n);
  const auto = new Float64Array(n);
  const autoStart = new Float64Array(n);
  const first = new Float64Array(n);
  const resolved = new Float64Array(n);
  const cadenceStart = new Float64Array(n);
  const offsets = new Int32Array(n + 1);
  let updates = 0;
  for (const r of rows) updates += r.updatesMs.length;
  const updateMs = new Float64Array(updates);
  const out: CaseEvaluation = {
    initialResponse: new Int8Array(n), agentResponse: new Int8Array(n), autoReply: new Int8Array(n),
    resolution: new Int8Array(n), updateCadence: new Int8Array(n), resolutionSeconds: new Float64Array(n),
  };
  let u = 0;
  rows.forEach((r, i) => {
    created[i] = r.createdMs;
    agent[i] = orNaN(r.firstResponseMs);
    auto[i] = orNaN(r.autoReplyMs);
    autoStart[i] = r.autoReplyMs === null ? NaN : r.createdMs; // no auto reply: not applicable
    first[i] = Math.min(orNaN(r.firstResponseMs), orNaN(r.autoReplyMs));
    if (Number.isNaN(first[i])) first[i] = r.firstResponseMs ?? r.autoReplyMs ?? NaN;
    resolved[i] = orNaN(r.resolvedMs);
    cadenceStart[i] = r.firstResponseMs ?? r.createdMs;
    offsets[i] = u;
    for (const t of r.updatesMs) updateMs[u++] = t;
    out.resolutionSeconds[i] = r.resolvedMs === null ? NaN : (r.resolvedMs - r.createdMs) / 1000;
  });
  offsets[n] = u;

  const objectives = new Map(policy.priorities.map((p) => [p.priority, p]));
  const limit = new Float64Array(n);
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && rows[b].priority === rows[a].priority) b++;
    const p = objectives.get(rows[a].priority);
    const slice = (c: Float64Array): Float64Array => c.subarray(a, b);
    const run = (o: Objective | null | undefined, each: (lim: Float64Array, cal: BusinessCalendar | null) => void): void => {
      slice(limit).fill(o ? objectiveSeconds(o, businessDaySeconds) : NaN);
      each(slice(limit), o?.clock === 'business' ? calendar : null);
    };
    run(p?.initialResponse, (lim, cal) => {
      classifyObjectiveInto(slice(created), slice(first), slice(resolved), lim, cal, asOfMs, out.initialResponse.subarray(a, b));
      classifyObjectiveInto(slice(created), slice(agent), slice(resolved), lim, cal, asOfMs, out.agentResponse.subarray(a, b));
      classifyObjectiveInto(slice(autoStart), slice(auto), null, lim, cal, asOfMs, out.autoReply.subarray(a, b));
    });
    run(p?.resolution, (lim, cal) => classifyObjectiveInto(slice(created), slice(resolved), null, lim, cal, asOfMs, out.resolution.subarray(a, b)));
    run(p?.updateCadence, (lim, cal) => {
      const local = offsets.subarray(a, b + 1).map((o) => o - offsets[a]);
      updateCadenceInto(slice(cadenceStart), slice(resolved), local, updateMs.subarray(offsets[a], offsets[b]), lim, cal, asOfMs, out.updateCadence.subarray(a, b));
    });
    a = b;
  }
  return out;
}
