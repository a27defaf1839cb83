import { assertRange } from '../numeric/assert-range.js';
import { erlangAMeasuresInto } from './erlang-a-measures-into.js';

/** Parameters of one Erlang A (M/M/n+M) interval. */
export interface ErlangAParameters {
  /** Agents answering contacts: a non-negative integer. */
  agents: number;
  /** Offered load in Erlangs: arrival rate × AHT. */
  trafficErlangs: number;
  /** Average handle time in seconds. */
  ahtSeconds: number;
  /** Mean patience (time a contact is willing to wait, exponential) in seconds. */
  patienceSeconds: number;
  /** Service-level threshold t in seconds; omit to skip the "within t" measures (NaN). */
  thresholdSeconds?: number;
}

/** Every Erlang A measure of one interval; NaN means "not applicable". */
export interface ErlangAMeasures {
  /** P(a contact waits at all). */
  waitProbability: number;
  /** Abandoned ÷ (abandoned + answered). */
  abandonRate: number;
  /** Total delay of answered contacts ÷ answered contacts, seconds (NaN with 0 agents). */
  asaSeconds: number;
  /** Mean wait of all arrivals (answered or abandoned), seconds. */
  meanWaitSeconds: number;
  /** Share of offered contacts answered with a wait ≤ t. */
  answeredWithinThreshold: number;
  /** Share of offered contacts that abandoned with a wait ≤ t. */
  abandonedWithinThreshold: number;
  /** Carried load ÷ agents (NaN with 0 agents). */
  occupancy: number;
}

/**
 * Erlang A (M/M/n+M, exponential patience): every measure of one interval, in closed form.
 *
 * Method: the incomplete-gamma closed forms of Mandelbaum & Zeltyn with J = ₁F₁(1; x + 1; y),
 * x = n·patience/AHT, y = a·patience/AHT: P(wait) = J·E / (1 + (J − 1)·E) with E = Erlang B,
 * abandonment, the answered/abandoned-within-t shares and the mean wait of answered contacts
 * (see `erlangAMeasuresInto` for every formula). Exact (no heuristic), stable for any n
 * including n ≤ a; as patience → ∞ it tends to Erlang C.
 *
 * Units: trafficErlangs in Erlangs; ahtSeconds, patienceSeconds, thresholdSeconds in seconds.
 * Reference: Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call
 * centers", 2005; Garnett, Mandelbaum & Reiman, M&SOM 4(3), 2002.
 * Complexity: O(√a + √x).
 *
 * @example
 * erlangA({ agents: 14, trafficErlangs: 10, ahtSeconds: 180, patienceSeconds: 300,
 *   thresholdSeconds: 20 }).abandonRate; // 0.013983744122408
 */
export function erlangA(parameters: ErlangAParameters): ErlangAMeasures {
  const { agents, trafficErlangs, ahtSeconds, patienceSeconds } = parameters;
  const thresholdSeconds = parameters.thresholdSeconds ?? NaN;
  assertRange('erlangA', 'agents', agents, 0, Infinity);
  if (!Number.isInteger(agents)) throw new RangeError('erlangA requires agents to be an integer');
  assertRange('erlangA', 'trafficErlangs', trafficErlangs, 0, Infinity, true);
  assertRange('erlangA', 'ahtSeconds', ahtSeconds, 0, Infinity, true);
  assertRange('erlangA', 'patienceSeconds', patienceSeconds, 0, Infinity, true);
  if (parameters.thresholdSeconds !== undefined) {
    assertRange('erlangA', 'thresholdSeconds', thresholdSeconds, 0, Infinity);
  }
  const out = new Float64Array(7);
  erlangAMeasuresInto(
    agents,
    trafficErlangs,
    ahtSeconds,
    patienceSeconds,
    thresholdSeconds,
    new Float64Array(10),
    out,
    0,
  );
  return {
    waitProbability: out[0],
    abandonRate: out[1],
    asaSeconds: out[2],
    meanWaitSeconds: out[3],
    answeredWithinThreshold: out[4],
    abandonedWithinThreshold: out[5],
    occupancy: out[6],
  };
}
