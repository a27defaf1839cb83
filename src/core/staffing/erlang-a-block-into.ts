import { erlangAMeasuresInto } from '../queueing/erlang-a-measures-into.js';
import { serviceLevelByDefinition } from '../queueing/service-level-by-definition.js';
import type { ResolvedStaffingRequest } from './resolve-staffing-request.js';

/**
 * Erlang A measures of an integer agent count, plus the service level under the request's
 * definition, written as one block of 8 values: 0 wait probability, 1 abandon rate, 2 ASA of
 * answered (s), 3 mean wait of all arrivals (s), 4 answered within t, 5 abandoned within t,
 * 6 occupancy, 7 service level (NaN without a threshold). Inner helper.
 *
 * Method: `erlangAMeasuresInto` (exact incomplete-gamma closed forms) and
 * `serviceLevelByDefinition`. Units: agents, Erlangs, seconds.
 * Reference: Mandelbaum & Zeltyn 2005. Complexity: O(√a + √x).
 *
 * @example
 * // n = 14, a = 10, AHT 180, patience 300, t = 20, ICMI: block[7] ≈ 0.92396
 */
export function erlangABlockInto(
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  patienceSeconds: number,
  request: ResolvedStaffingRequest,
  scratch: Float64Array,
  block: Float64Array,
  offset: number,
): void {
  erlangAMeasuresInto(
    agents,
    trafficErlangs,
    ahtSeconds,
    patienceSeconds,
    request.thresholdSeconds,
    scratch,
    block,
    offset,
  );
  block[offset + 7] =
    request.thresholdSeconds >= 0
      ? serviceLevelByDefinition(
          block[offset + 4],
          block[offset + 5],
          block[offset + 1],
          request.definition,
        )
      : NaN;
}
