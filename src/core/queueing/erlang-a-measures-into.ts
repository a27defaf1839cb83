import { clampProbability } from '../numeric/clamp-probability.js';
import { erlangASeries } from './erlang-a-series.js';
import { inverseErlangB } from './inverse-erlang-b.js';
import { occupancyFromCarried } from './occupancy-from-carried.js';

/** Number of values written by `erlangAMeasuresInto`. */
export const ERLANG_A_MEASURE_COUNT = 7;
/** Scratch length `erlangAMeasuresInto` needs (two series of five values). */
export const ERLANG_A_SCRATCH_LENGTH = 10;

/**
 * All Erlang A (M/M/n+M) measures of one interval, exact, written into a caller's array.
 *
 * Method: with x = n·patience/AHT, y = a·patience/AHT, θ = 1/patience, E = Erlang B(n, a)
 * and the series F, D, M, J of `erlangASeries` at (x, y) and, for the threshold, at
 * y' = y·e^(−θt):
 * - wait probability P(W > 0) = J·E / (1 + (J − 1)·E) = J / (1/E − 1 + J);
 * - given a wait, P(abandon) = D/J and P(answered) = x·F/J; the offered wait V has
 *   P(V > t) = U = (J'/J)·exp(y − y' − n·t/AHT), and the contact still waits and is patient at
 *   t with probability e^(−θt)·U, after which it is answered with probability x·F'/J';
 * - answered within t = (1 − P(W > 0)) + P(W > 0)·(x·F/J − e^(−θt)·U·x·F'/J');
 * - abandoned within t = P(W > 0)·(D/J − e^(−θt)·U·D'/J');
 * - abandon rate = P(W > 0)·D/J (every offered contact is answered or abandons);
 * - ASA of answered contacts = P(W > 0)·E[V·e^(−θV) | wait] / (1 − abandon rate) with
 *   E[V·e^(−θV) | wait] = x·M/(θ·J);
 * - mean wait of all arrivals = abandon rate / θ (Little: abandonment rate = θ·E[queue]);
 * - occupancy = a·(1 − abandon rate)/n.
 * Stable for every n, including n ≤ a (no overload case). n = 0: everybody waits and
 * abandons. With a NaN threshold the "within t" values are NaN and the second series is
 * skipped.
 *
 * Output, at out[offset …]: 0 wait probability, 1 abandon rate, 2 ASA of answered (s, NaN
 * when nothing is answered), 3 mean wait of all arrivals (s), 4 answered within t (share of
 * offered), 5 abandoned within t (share of offered), 6 occupancy. Inner helper: no
 * validation (n a non-negative integer, a > 0, AHT > 0, patience > 0).
 *
 * Units: a in Erlangs, all times in seconds, results fractions or seconds.
 * Reference: Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call
 * centers", 2005; Garnett, Mandelbaum & Reiman, M&SOM 4(3), 2002; docs/queueing.md.
 * Complexity: O(√a + √x) terms (two incomplete-gamma series and one Erlang B recurrence).
 *
 * @example
 * const out = new Float64Array(7);
 * erlangAMeasuresInto(14, 10, 180, 300, 20, new Float64Array(10), out, 0);
 * // out[0] ≈ 0.1452601 (wait), out[1] ≈ 0.0139837 (abandon), out[4] ≈ 0.9167921
 */
export function erlangAMeasuresInto(
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  patienceSeconds: number,
  thresholdSeconds: number,
  scratch: Float64Array,
  out: Float64Array,
  offset: number,
): void {
  const n = agents;
  const a = trafficErlangs;
  const thetaT = thresholdSeconds / patienceSeconds;
  if (n === 0) {
    out[offset] = 1;
    out[offset + 1] = 1;
    out[offset + 2] = NaN;
    out[offset + 3] = patienceSeconds;
    out[offset + 4] = thresholdSeconds >= 0 ? 0 : NaN;
    out[offset + 5] = thresholdSeconds >= 0 ? -Math.expm1(-thetaT) : NaN;
    out[offset + 6] = NaN;
    return;
  }
  const ratio = patienceSeconds / ahtSeconds;
  const x = n * ratio;
  const y = a * ratio;
  const inverseB = inverseErlangB(n, a);
  erlangASeries(x, y, scratch, 0);
  const sumF = scratch[0];
  const sumD = scratch[1];
  const sumM = scratch[2];
  const sumJ = scratch[3];
  const logScale = scratch[4];
  const wait =
    logScale === 0
      ? sumJ / (inverseB - 1 + sumJ)
      : 1 / (1 + (inverseB - 1) * Math.exp(-(logScale + Math.log(sumJ))));
  const abandon = wait * (sumD / sumJ);
  const answered = 1 - abandon;
  out[offset] = clampProbability(wait);
  out[offset + 1] = clampProbability(abandon);
  out[offset + 2] = (wait * x * sumM * patienceSeconds) / sumJ / answered;
  out[offset + 3] = abandon * patienceSeconds;
  out[offset + 6] = occupancyFromCarried(a * answered, n);
  if (!(thresholdSeconds >= 0)) {
    out[offset + 4] = NaN;
    out[offset + 5] = NaN;
    return;
  }
  erlangASeries(x, y * Math.exp(-thetaT), scratch, 5);
  const sumFt = scratch[5];
  const sumDt = scratch[6];
  const sumJt = scratch[8];
  const logScaleT = scratch[9];
  const exponent = -y * Math.expm1(-thetaT) - (n * thresholdSeconds) / ahtSeconds - thetaT;
  const stillWaiting =
    logScale === 0 && logScaleT === 0
      ? (sumJt / sumJ) * Math.exp(exponent)
      : Math.exp(logScaleT + Math.log(sumJt) - logScale - Math.log(sumJ) + exponent);
  const answeredWithinGivenWait = (x * sumF) / sumJ - (stillWaiting * x * sumFt) / sumJt;
  const abandonedWithinGivenWait = sumD / sumJ - (stillWaiting * sumDt) / sumJt;
  out[offset + 4] = clampProbability(1 - wait + wait * answeredWithinGivenWait);
  out[offset + 5] = clampProbability(wait * abandonedWithinGivenWait);
}
