import { assertOutputColumns } from './assert-output-columns.js';
import { columnValue } from './column-value.js';
import { createStaffingWorkspace } from './staffing-workspace.js';
import { markNoVolume } from './mark-no-volume.js';
import { requiredAgentsErlangA } from './required-agents-erlang-a.js';
import { requiredAgentsErlangB } from './required-agents-erlang-b.js';
import { requiredAgentsErlangC } from './required-agents-erlang-c.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';
import { requiredWithShrinkage } from './required-with-shrinkage.js';
import { SLOT_AGENTS, SLOT_BINDING, SLOT_FRACTIONAL } from './staffing-slots.js';
import type {
  StaffingBatchInput,
  StaffingSolveOutput,
  StaffingSolveSummary,
} from './staffing-types.js';
import { BINDING_CODES } from './staffing-types.js';
import { writeMeasureColumns } from './write-measure-columns.js';

/**
 * Required agents for a batch of intervals (columns in, columns out): for each interval the
 * smallest integer agent count meeting every goal, the binding goal, the continuous
 * requirement, scheduled agents after shrinkage, the measures at that count and warnings.
 *
 * Method: load a = volume·(AHT/concurrency)/intervalSeconds (chat concurrency c is modelled
 * as an effective handle time AHT/c); then per model
 * - erlang-c: square-root-staffing first guess a + β·√a (β of the previous interval), O(√a)
 *   stable Erlang B recurrence started 8.5·√a below the load, then ±1 steps with
 *   division-free goal tests (`requiredAgentsErlangC`), fractional requirement through the
 *   incomplete-gamma extension of Erlang B;
 * - erlang-b: lines for maxBlocking / maxOccupancy (`requiredAgentsErlangB`);
 * - erlang-a: exact M/M/n+M measures, galloping search from square-root staffing
 *   (`requiredAgentsErlangA`), fractional requirement by linear interpolation of the binding
 *   measure between n − 1 and n.
 * requiredWithShrinkage = ceil(agents / (1 − shrinkage)). Volume 0 gives 0 agents, binding `none`.
 * A goal no agent count meets marks that interval `infeasible` (agents and scheduled −1,
 * measures NaN) without throwing; the summary counts them and names the first. Outputs not
 * given are not computed (the fractional solve only runs with `agentsFractional`).
 * Allocates one small workspace per call, nothing per interval. Throws `RangeError` on
 * invalid parameters or input values, before writing anything.
 *
 * Units: volume in contacts per interval; seconds for intervalSeconds, ahtSeconds,
 * patienceSeconds, thresholdSeconds, asaSeconds; fractions 0..1 elsewhere.
 * Reference: Gans, Koole & Mandelbaum, M&SOM 5(2), 2003; Mandelbaum & Zeltyn 2005;
 * Jagerman 1974; docs/queueing.md. Complexity: O(count·√a) for Erlang B/C,
 * O(count·log(n)·√a) for Erlang A.
 *
 * @example
 * const agents = new Int32Array(1);
 * const binding = new Uint8Array(1);
 * solveStaffingBatch({ model: 'erlang-c', intervalSeconds: 1800,
 *   volume: new Float64Array([100]), ahtSeconds: 180, thresholdSeconds: 20,
 *   goals: { serviceLevelTarget: 0.8 } }, { agents, binding });
 * // agents[0] === 14, binding[0] === 1 (service-level)
 */
export function solveStaffingBatch(
  input: StaffingBatchInput,
  output: StaffingSolveOutput,
): StaffingSolveSummary {
  const caller = 'solveStaffingBatch';
  const request = resolveStaffingRequest(caller, input, true);
  assertOutputColumns(
    caller,
    {
      agents: output.agents,
      binding: output.binding,
      requiredWithShrinkage: output.requiredWithShrinkage,
      agentsFractional: output.agentsFractional,
      serviceLevel: output.serviceLevel,
      asaSeconds: output.asaSeconds,
      waitProbability: output.waitProbability,
      occupancy: output.occupancy,
      abandonRate: output.abandonRate,
      blockingProbability: output.blockingProbability,
      warnings: output.warnings,
    },
    request,
  );
  const workspace = createStaffingWorkspace();
  const result = workspace.result;
  const wantFractional = output.agentsFractional !== undefined;
  const shrinkage = input.shrinkage ?? 0;
  const patience = input.patienceSeconds ?? 0;
  const model = request.model;
  let infeasibleCount = 0;
  let firstInfeasibleIndex = -1;
  for (let k = 0; k < request.count; k++) {
    const i = request.offset + k * request.stride;
    const o = request.outputOffset + k * request.outputStride;
    const ahtSeconds = columnValue(input.ahtSeconds, i) / request.concurrency;
    const a = (input.volume[i] * ahtSeconds) / request.intervalSeconds;
    if (a === 0) markNoVolume(result, 0);
    else if (model === 'erlang-c') {
      requiredAgentsErlangC(a, ahtSeconds, request, wantFractional, workspace);
    } else if (model === 'erlang-b') requiredAgentsErlangB(a, request, wantFractional, workspace);
    else requiredAgentsErlangA(a, ahtSeconds, columnValue(patience, i), request, workspace);
    const agents = result[SLOT_AGENTS];
    const binding = result[SLOT_BINDING];
    output.agents[o] = agents;
    output.binding[o] = binding;
    if (binding === BINDING_CODES.infeasible) {
      infeasibleCount += 1;
      if (firstInfeasibleIndex < 0) firstInfeasibleIndex = k;
    }
    if (output.requiredWithShrinkage !== undefined) {
      output.requiredWithShrinkage[o] =
        agents < 0 ? -1 : requiredWithShrinkage(agents, columnValue(shrinkage, i));
    }
    if (output.agentsFractional !== undefined) {
      output.agentsFractional[o] = result[SLOT_FRACTIONAL];
    }
    writeMeasureColumns(result, output, o, a, request.minOccupancy);
  }
  return { count: request.count, infeasibleCount, firstInfeasibleIndex };
}
