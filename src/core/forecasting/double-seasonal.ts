/** Smoothing parameters of double-seasonal exponential smoothing, each in [0, 1]. */
export interface DoubleSeasonalParameters {
  /** Level. */
  alpha: number;
  /** Within-day seasonal. */
  delta: number;
  /** Within-week seasonal. */
  omega: number;
}

/**
 * Taylor's double-seasonal exponential smoothing (additive, no trend) with a first-order
 * autoregressive adjustment of the errors, on an interval series: runs the filter over `y` and
 * returns the in-sample sum of squared errors (one-step with the AR adjustment; or, with
 * lead > 1, at `lead` intervals ahead from the level of then, lead ≤ slotsPerDay), then writes
 * the forecasts of the next `out.length` intervals (an inner kernel: no validation; `out` may be
 * empty).
 *
 * Formula (s₁ slots a day, s₂ = 7·s₁, ε the raw one-step error):
 * ε_t = y_t − (ℓ + d_{t−s₁} + w_{t−s₂}); ℓ ← ℓ + αε_t; d_t = d_{t−s₁} + δε_t;
 * w_t = w_{t−s₂} + ωε_t; the AR(1) coefficient φ = Σε_tε_{t−1} ÷ Σε_{t−1}² (least squares,
 * given α, δ, ω), and the fitted error e_t = ε_t − φε_{t−1}; forecast k ahead:
 * ℓ + d + w + φ^k ε_n, clamped at 0. Initial state from the first two weeks (or one): ℓ their
 * mean, d the mean deviation of each slot of the day, w the remaining mean deviation of each
 * slot of the week. Reference: J. W. Taylor, "Short-term electricity demand forecasting using
 * double seasonal exponential smoothing", JORS 54, 2003, eqs. (5)–(8); "A comparison of
 * univariate time series methods for forecasting intraday arrivals at a call center",
 * Management Science 54(2), 2008, §3.3. Complexity: O(n + horizon).
 *
 * @returns { sse, phi }
 * @example
 * doubleSeasonal(twoWeeks, 48, { alpha: 0.05, delta: 0.1, omega: 0.2 }, nextWeek).phi // 0.31
 */
export function doubleSeasonal(y: Float64Array, slotsPerDay: number, p: DoubleSeasonalParameters, out: Float64Array, lead = 1): { sse: number; phi: number } {
  const s1 = slotsPerDay;
  const s2 = 7 * s1;
  const n = y.length;
  const initWeeks = n >= 2 * s2 ? 2 : 1;
  const m = initWeeks * s2;
  let level = 0;
  for (let t = 0; t < m; t++) level += y[t];
  level /= m;
  const day = new Float64Array(s1);
  for (let t = 0; t < m; t++) day[t % s1] += y[t] - level;
  for (let j = 0; j < s1; j++) day[j] /= m / s1;
  const week = new Float64Array(s2);
  for (let t = 0; t < m; t++) week[t % s2] += y[t] - level - day[t % s1];
  for (let i = 0; i < s2; i++) week[i] /= initWeeks;
  const { alpha, delta, omega } = p;
  let previous = 0;
  let cross = 0;
  let square = 0;
  let sumSq = 0;
  let leadSq = 0;
  const levels = new Float64Array(lead);
  for (let t = 0; t < n; t++) {
    const i = t % s1;
    const k = t % s2;
    const e = y[t] - (level + day[i] + week[k]);
    if (lead > 1 && t >= lead) {
      const el = y[t] - (levels[t % lead] + day[i] + week[k]);
      leadSq += el * el;
    }
    level += alpha * e;
    day[i] += delta * e;
    week[k] += omega * e;
    cross += e * previous;
    square += previous * previous;
    sumSq += e * e;
    previous = e;
    levels[t % lead] = level;
  }
  const phi = square > 0 ? Math.max(-1, Math.min(1, cross / square)) : 0;
  // Σ(ε_t − φε_{t−1})² = Σε² − 2φΣεε₋₁ + φ²Σε₋₁²
  const sse = lead > 1 ? leadSq : sumSq - 2 * phi * cross + phi * phi * square;
  let ar = previous;
  for (let h = 0; h < out.length; h++) {
    const t = n + h;
    ar *= phi;
    const v = level + day[t % s1] + week[t % s2] + ar;
    out[h] = v > 0 ? v : 0;
  }
  return { sse, phi };
}
