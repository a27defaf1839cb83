import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { assertColumnFits } from './assert-column-fits.js';
import { assertOutputColumns } from './assert-output-columns.js';
import { columnValue } from './column-value.js';
import { erlangABlockInto } from './erlang-a-block-into.js';
import { erlangAResultInto } from './erlang-a-result-into.js';
import { erlangBMeasuresInto } from './erlang-b-measures-into.js';
import { erlangCMeasuresInto } from './erlang-c-measures-into.js';
import { markNoVolume } from './mark-no-volume.js';
import type { ResolvedStaffingRequest } from './resolve-staffing-request.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';
import { MAX_AGENTS } from './staffing-limits.js';
import { SLOT_AGENTS } from './staffing-slots.js';
import type { StaffingEvaluateInput, StaffingMeasureColumns } from './staffing-types.js';
import { createStaffingWorkspace, ERLANG_A_BLOCK } from './staffing-workspace.js';
import type { StaffingWorkspace } from './staffing-workspace.js';
import { writeMeasureColumns } from './write-measure-columns.js';

/** Erlang A at a real agent count: linear in each measure between the two integers. */
function evaluateErlangA(
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  patienceSeconds: number,
  request: ResolvedStaffingRequest,
  workspace: StaffingWorkspace,
): void {
  const blocks = workspace.erlangABlocks;
  const scratch = workspace.erlangAScratch;
  const whole = Math.floor(agents);
  const weight = agents - whole;
  erlangABlockInto(whole, trafficErlangs, ahtSeconds, patienceSeconds, request, scratch, blocks, 0);
  if (weight > 0) {
    erlangABlockInto(
      whole + 1,
      trafficErlangs,
      ahtSeconds,
      patienceSeconds,
      request,
      scratch,
      blocks,
      ERLANG_A_BLOCK,
    );
  }
  erlangAResultInto(blocks, 0, blocks, ERLANG_A_BLOCK, weight, workspace.result);
}

/**
 * Outcomes of a given staffing for a batch of intervals (columns in, columns out): service
 * level, ASA, wait probability, occupancy, abandon rate, blocking and warnings.
 *
 * Method: load a = volume·(AHT/concurrency)/intervalSeconds, then per model
 * - erlang-c: C from the stable inverse Erlang B recurrence (incomplete-gamma extension for
 *   fractional agents); agents ≤ load is the explicit overloaded result: wait 1, service
 *   level 0, ASA NaN, occupancy 1, warning `overloaded`;
 * - erlang-b: blocking, carried occupancy; wait 0, service level and ASA NaN;
 * - erlang-a: exact M/M/n+M measures (fractional agents: linear between the two integers).
 * Volume 0: occupancy 0 (NaN with no agents), every per-contact measure NaN. NaN means
 * null / not applicable (abandon rate under Erlang C and B). `agents` is the number answering
 * contacts (net of shrinkage). Warnings: `min-occupancy` below `goals.minOccupancy`,
 * `overloaded` when agents ≤ load. Allocates one small workspace per call, nothing per
 * interval. Throws `RangeError` on invalid parameters or input values (agents above
 * MAX_AGENTS, a load above MAX_TRAFFIC_ERLANGS), before writing.
 *
 * Units: as `solveStaffingBatch`. Reference: Gans, Koole & Mandelbaum 2003; Mandelbaum &
 * Zeltyn 2005. Complexity: O(count·√a).
 *
 * @example
 * const serviceLevel = new Float64Array(1);
 * evaluateStaffingBatch({ model: 'erlang-c', intervalSeconds: 1800,
 *   volume: new Float64Array([100]), ahtSeconds: 180, thresholdSeconds: 20,
 *   agents: new Int32Array([14]) }, { serviceLevel });
 * // serviceLevel[0] ≈ 0.8883500
 */
export function evaluateStaffingBatch(
  input: StaffingEvaluateInput,
  output: StaffingMeasureColumns,
): void {
  const caller = 'evaluateStaffingBatch';
  const request = resolveStaffingRequest(caller, input, false);
  const agentsColumn = input.agents;
  assertColumnFits(
    caller,
    'agents',
    agentsColumn.length,
    request.offset,
    request.stride,
    request.count,
  );
  for (let k = 0; k < request.count; k++) {
    const value = agentsColumn[request.offset + k * request.stride];
    if (!(value >= 0 && value <= MAX_AGENTS)) {
      throw new RangeError(`${caller} requires agents to be a finite number >= 0 and <= ${MAX_AGENTS} at interval ${k}`);
    }
  }
  assertOutputColumns(
    caller,
    {
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
  const patience = input.patienceSeconds ?? 0;
  const model = request.model;
  for (let k = 0; k < request.count; k++) {
    const i = request.offset + k * request.stride;
    const agents = agentsColumn[i];
    const ahtSeconds = columnValue(input.ahtSeconds, i) / request.concurrency;
    const a = (input.volume[i] * ahtSeconds) / request.intervalSeconds;
    if (a === 0) markNoVolume(result, agents);
    else {
      result[SLOT_AGENTS] = agents;
      if (model === 'erlang-c') {
        const inverse = agents > a ? inverseErlangB(agents, a) : 1;
        const delayFactor = Math.exp((-(agents - a) * request.thresholdSeconds) / ahtSeconds);
        erlangCMeasuresInto(
          agents,
          a,
          ahtSeconds,
          request.thresholdSeconds,
          inverse,
          delayFactor,
          result,
        );
      } else if (model === 'erlang-b') {
        erlangBMeasuresInto(agents, a, agents > 0 ? inverseErlangB(agents, a) : 1, result);
      } else {
        evaluateErlangA(agents, a, ahtSeconds, columnValue(patience, i), request, workspace);
      }
    }
    writeMeasureColumns(
      result,
      output,
      request.outputOffset + k * request.outputStride,
      a,
      request.minOccupancy,
    );
  }
}
