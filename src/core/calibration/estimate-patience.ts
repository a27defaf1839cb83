/** The abandonment rate and mean patience that best explain observed abandonment. */
export interface PatienceEstimate {
  /** Σ abandoned contacts. */
  abandoned: number;
  /** Σ time in queue of every contact (answered and abandoned), seconds. */
  waitSeconds: number;
  /** θ = abandoned ÷ total wait, per second; 0 with no abandonment; NaN when abandoned > 0 and the wait is 0. */
  abandonmentRatePerSecond: number;
  /** Mean patience 1/θ, seconds; NaN when θ is 0 (no abandonment: patience unbounded) or not estimable. */
  patienceSeconds: number;
}

/**
 * Estimates the abandonment rate θ of exponential patience (the Erlang A / M/M/n+M model) from
 * interval totals: θ̂ = Σ abandoned ÷ Σ time in queue, mean patience = 1/θ̂ seconds.
 *
 * Method: with exponential patience every queued contact is a censored patience observation
 * (an abandoned contact reveals its patience, an answered one only that it exceeded its wait),
 * and the censored-exponential maximum-likelihood estimate is the number of abandonments over
 * the total time all contacts spent waiting. `waitSeconds[i]` must therefore hold the wait of
 * both the answered and the abandoned contacts of interval i. Both totals are
 * Neumaier-compensated. No abandonment gives θ = 0 and patience NaN (unbounded); abandonment
 * with no recorded wait gives NaN for both (not estimable).
 *
 * Units: contacts, seconds; θ per second. Reference: Brown, Gans, Mandelbaum, Sakov, Shen,
 * Zeltyn & Zhao (2005), "Statistical analysis of a telephone call center", JASA 100, 36–50,
 * §6 (P(Ab) ≈ θ·E[W]); Mandelbaum & Zeltyn (2013), "Data-stories about (im)patient customers
 * in tele-queues", Queueing Systems 75. Complexity: O(n). Throws `RangeError` when the columns
 * differ in length or a value is not a finite number ≥ 0.
 *
 * @example
 * estimatePatience(Float64Array.of(4, 1), Float64Array.of(900, 300));
 * // { abandoned: 5, waitSeconds: 1200, abandonmentRatePerSecond: 0.004166…, patienceSeconds: 240 }
 */
export function estimatePatience(abandoned: Float64Array, waitSeconds: Float64Array): PatienceEstimate {
  if (abandoned.length !== waitSeconds.length) throw new RangeError('estimatePatience requires abandoned and waitSeconds of the same length');
  let a = 0;
  let aCompensation = 0;
  let w = 0;
  let wCompensation = 0;
  for (let i = 0; i < abandoned.length; i++) {
    const x = abandoned[i];
    const y = waitSeconds[i];
    if (!(Number.isFinite(x) && x >= 0)) throw new RangeError(`estimatePatience requires abandoned to be a finite number >= 0 at index ${i}`);
    if (!(Number.isFinite(y) && y >= 0)) throw new RangeError(`estimatePatience requires waitSeconds to be a finite number >= 0 at index ${i}`);
    const t = a + x;
    aCompensation += a >= x ? a - t + x : x - t + a;
    a = t;
    const u = w + y;
    wCompensation += w >= y ? w - u + y : y - u + w;
    w = u;
  }
  const totalAbandoned = a + aCompensation;
  const totalWait = w + wCompensation;
  if (totalAbandoned === 0) return { abandoned: 0, waitSeconds: totalWait, abandonmentRatePerSecond: 0, patienceSeconds: NaN };
  if (totalWait === 0) return { abandoned: totalAbandoned, waitSeconds: 0, abandonmentRatePerSecond: NaN, patienceSeconds: NaN };
  return { abandoned: totalAbandoned, waitSeconds: totalWait, abandonmentRatePerSecond: totalAbandoned / totalWait, patienceSeconds: totalWait / totalAbandoned };
}
