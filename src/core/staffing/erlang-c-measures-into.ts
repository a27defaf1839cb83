import { erlangCAsaFromWait } from '../queueing/erlang-c-asa-from-wait.js';
import { erlangCServiceLevelFromWait } from '../queueing/erlang-c-service-level-from-wait.js';
import { occupancyFromCarried } from '../queueing/occupancy-from-carried.js';
import { waitProbabilityFromInverseErlangB } from '../queueing/wait-probability-from-inverse-erlang-b.js';
import {
  SLOT_ABANDON,
  SLOT_ASA,
  SLOT_BLOCKING,
  SLOT_OCCUPANCY,
  SLOT_SERVICE_LEVEL,
  SLOT_WAIT,
} from './staffing-slots.js';

/**
 * Writes the Erlang C measures of one interval into the result block.
 *
 * Method: C from 1/B (`waitProbabilityFromInverseErlangB`), service level 1 − C·D with the
 * delay factor D = exp(−(n − a)·t/AHT) supplied by the caller (NaN without a threshold), ASA C·AHT/(n − a), occupancy a/n;
 * overload (n ≤ a) gives wait 1, service level 0, ASA NaN, occupancy 1 (`inverseErlangB` is
 * then ignored). Abandon rate and blocking are NaN (not applicable). Inner helper.
 *
 * Units: n in agents, a in Erlangs, seconds. Reference: Gans, Koole & Mandelbaum 2003, §4.1.
 * Complexity: O(1).
 *
 * @example
 * // n = 14, a = 10, AHT 180, t = 20: wait 0.1741319, SL 0.8883500, ASA 7.835937 s
 */
export function erlangCMeasuresInto(
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  thresholdSeconds: number,
  inverseErlangB: number,
  delayFactor: number,
  result: Float64Array,
): void {
  const wait = waitProbabilityFromInverseErlangB(agents, trafficErlangs, inverseErlangB);
  result[SLOT_WAIT] = wait;
  result[SLOT_SERVICE_LEVEL] =
    thresholdSeconds >= 0
      ? erlangCServiceLevelFromWait(wait, agents, trafficErlangs, delayFactor)
      : NaN;
  result[SLOT_ASA] = erlangCAsaFromWait(wait, agents, trafficErlangs, ahtSeconds);
  result[SLOT_OCCUPANCY] = occupancyFromCarried(trafficErlangs, agents);
  result[SLOT_ABANDON] = NaN;
  result[SLOT_BLOCKING] = NaN;
}
