/** Erlang A measures from the birth–death chain (reference only). */
export interface BirthDeathErlangA {
  waitProbability: number;
  abandonRate: number;
  asaSeconds: number;
  answeredWithinThreshold: number;
  abandonedWithinThreshold: number;
}

/** Relative mass below which the stationary tail is cut. */
const TAIL = 1e-22;

/**
 * Reference oracle (tests only, deliberately slow): Erlang A (M/M/n+M) measures from a
 * numeric solution of the truncated birth–death chain, independent of the incomplete-gamma
 * closed forms.
 *
 * Method: the stationary distribution πₖ ∝ Π λ/(min(j, n)·μ + (j − n)⁺·θ) (truncated where the
 * tail falls below 1e-22 of the mass); an arrival sees state k (PASTA) and, if k ≥ n, waits
 * behind i = k − n contacts. The tagged contact then lives in a pure-death chain: with i
 * ahead, the queue ahead shrinks at rate n·μ + i·θ (service or abandonment ahead of it; with
 * i = 0 it is served at rate n·μ) while it abandons at rate θ. Exact backward recursions give
 * P(served | i) and E[wait·1{served} | i]; the "within t" probabilities come from
 * uniformisation of that chain (Poisson-weighted powers of its jump matrix, truncated at
 * 1e-18). Accuracy about 1e-12.
 *
 * Units: Erlangs, seconds. Reference: Palm 1943; Mandelbaum & Zeltyn 2005 (the model);
 * Grassmann, "Transient solutions in Markovian queueing systems", Comput. Oper. Res. 4, 1977
 * (uniformisation). Complexity: O(Q·(Λt)) with Q the queue-length cut.
 *
 * @example
 * erlangABirthDeath(14, 10, 180, 300, 20).abandonRate; // ≈ 0.013983744
 */
export function erlangABirthDeath(
  agents: number,
  trafficErlangs: number,
  ahtSeconds: number,
  patienceSeconds: number,
  thresholdSeconds: number,
): BirthDeathErlangA {
  const n = agents;
  const mu = 1 / ahtSeconds;
  const theta = 1 / patienceSeconds;
  const lambda = trafficErlangs * mu;
  // Stationary distribution relative to π₀ = 1, rescaled against overflow.
  const weights: number[] = [1];
  let total = 1;
  for (let k = 1; ; k++) {
    const death = Math.min(k, n) * mu + Math.max(k - n, 0) * theta;
    let next = (weights[k - 1] * lambda) / death;
    if (next > 1e250) {
      for (let j = 0; j < weights.length; j++) weights[j] /= 1e250;
      total /= 1e250;
      next /= 1e250;
    }
    weights.push(next);
    total += next;
    if (k > n && next < TAIL * total) break;
  }
  let waiting = 0;
  for (let j = n; j < weights.length; j++) waiting += weights[j];
  const waitProbability = waiting / total;
  const queueCut = weights.length - n;
  // Tagged contact with i ahead: it leaves state i at rate r_i = n·μ + (i + 1)·θ, moving on
  // (service ahead, an abandonment ahead, or its own service when i = 0) at rate advance_i.
  const advance = new Float64Array(queueCut);
  for (let i = 0; i < queueCut; i++) advance[i] = n * mu + i * theta;
  const served = new Float64Array(queueCut);
  const servedDelay = new Float64Array(queueCut);
  for (let i = 0; i < queueCut; i++) {
    const rate = advance[i] + theta;
    served[i] = (advance[i] / rate) * (i === 0 ? 1 : served[i - 1]);
    servedDelay[i] = served[i] / rate + (i === 0 ? 0 : (advance[i] / rate) * servedDelay[i - 1]);
  }
  let abandon = 0;
  let delayOfServed = 0;
  const state = new Float64Array(queueCut);
  for (let i = 0; i < queueCut; i++) {
    state[i] = weights[n + i] / total;
    abandon += state[i] * (1 - served[i]);
    delayOfServed += state[i] * servedDelay[i];
  }
  // Uniformisation of the tagged chain over [0, t], in pieces of at most 200 expected jumps.
  const uniform = n * mu + queueCut * theta;
  const pieces = Math.max(1, Math.ceil((uniform * thresholdSeconds) / 200));
  const rate = (uniform * thresholdSeconds) / pieces;
  let servedBy = 0;
  let abandonedBy = 0;
  const power = new Float64Array(queueCut);
  const mixed = new Float64Array(queueCut);
  const nextPower = new Float64Array(queueCut);
  for (let piece = 0; piece < pieces; piece++) {
    power.set(state);
    mixed.fill(0);
    let servedJumps = 0;
    let abandonedJumps = 0;
    let poisson = Math.exp(-rate);
    for (let step = 0; ; step++) {
      // P(N = step) times the mass absorbed within `step` jumps, and the surviving state.
      servedBy += poisson * servedJumps;
      abandonedBy += poisson * abandonedJumps;
      for (let i = 0; i < queueCut; i++) mixed[i] += poisson * power[i];
      if (step > rate && poisson < 1e-20) break;
      for (let i = 0; i < queueCut; i++) {
        const stay = 1 - (advance[i] + theta) / uniform;
        nextPower[i] =
          power[i] * stay + (i + 1 < queueCut ? (power[i + 1] * advance[i + 1]) / uniform : 0);
        abandonedJumps += (power[i] * theta) / uniform;
      }
      servedJumps += (power[0] * advance[0]) / uniform;
      power.set(nextPower);
      poisson *= rate / (step + 1);
    }
    // The mass absorbed in this piece is counted; its surviving state starts the next piece.
    state.set(mixed);
  }
  const answered = 1 - abandon;
  return {
    waitProbability,
    abandonRate: abandon,
    asaSeconds: delayOfServed / answered,
    answeredWithinThreshold: 1 - waitProbability + servedBy,
    abandonedWithinThreshold: abandonedBy,
  };
}
