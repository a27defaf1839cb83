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
 * returns the in-sample error, then writes the forecasts of the next `out.length` intervals (an
 * inner kernel: no validation; `out` may be empty).
 *
 * The in-sample error is either one-step (`leadDays` 0: Σe_t² with the AR-adjusted error, as
 * Taylor fits) or multi-step (`leadDays` k ≥ 1: the squared errors of the forecasts made whole
 * days earlier, at leads of 1, 2, …, k days, from the level and within-day seasonal of that
 * origin, which is the error at the horizon a week-ahead plan actually uses).
 *
 * Formula (s₁ slots a day, s₂ = 7·s₁, ε the raw one-step error):
 * ε_t = y_t − (ℓ + d_{t−s₁} + w_{t−s₂}); ℓ ← ℓ + αε_t; d_t = d_{t−s₁} + δε_t;
 * w_t = w_{t−s₂} + ωε_t; the AR(1) coefficient φ = Σε_tε_{t−1} ÷ Σε_{t−1}² (least squares,
 * given α, δ, ω), and the fitted error e_t = ε_t − φε_{t−1}; forecast k ahead:
 * ℓ + d + w + φ^k ε_n, not clamped (on a transformed scale a negative value is valid; callers
 * clamp volumes). Multi-step error at lead L = j·s₁ (j = 1 … leadDays):
 * y_t − (ℓ_{t−L} + d_{t−L} + w_{t−s₂}), counted for origins t − L from the second week on.
 * Initial state from the first two weeks (or one): ℓ their mean, d the mean deviation of each
 * slot of the day, w the remaining mean deviation of each slot of the week.
 * Reference: J. W. Taylor, "Short-term electricity demand forecasting using double seasonal
 * exponential smoothing", JORS 54, 2003, eqs. (5)–(8); "A comparison of univariate time series
 * methods for forecasting intraday arrivals at a call center", Management Science 54(2), 2008,
 * §3.3; multi-step (horizon) estimation: Xia & Tong, "Feature matching in time series
 * modeling", Statistical Science 26(1), 2011.
 * Complexity: O(n + horizon) (the multi-step errors by running sums per slot of the day).
 *
 * @returns sse, the mean squared error `mse` of the errors summed (sse ÷ their count) and φ
 * @example
 * doubleSeasonal(twoWeeks, 48, { alpha: 0.05, delta: 0.1, omega: 0.2 }, nextWeek).phi // 0.31
 */
export function doubleSeasonal(y: Float64Array, slotsPerDay: number, p: DoubleSeasonalParameters, out: Float64Array, leadDays = 0): { sse: number; mse: number; phi: number } {
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
  let leadCount = 0;
  // The multi-step errors of slot t from origins t − j·s₁ (j = 1 … leadDays) share a = y_t − w_t
  // and differ by b_o = ℓ_o + d_o: Σ_j (a − b_j)² = J·a² − 2a·Σb_j + Σb_j², so each slot of the
  // day keeps the last leadDays values of b (a ring) with their sum and sum of squares: O(1) a step.
  const ring = new Float64Array(leadDays * s1);
  const span = ring.length;
  const sumB = new Float64Array(leadDays > 0 ? s1 : 0);
  const sumB2 = new Float64Array(sumB.length);
  const countB = new Int32Array(sumB.length);
  // i = t mod s₁, k = t mod s₂ and the ring row (day index mod leadDays) advance without divisions
  let i = 0;
  let k = 0;
  let row = 0;
  const scoring = leadDays > 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t];
    const wk = week[k];
    const e = yt - (level + day[i] + wk);
    if (scoring && countB[i] > 0) {
      const a = yt - wk;
      const sq = countB[i] * a * a - 2 * a * sumB[i] + sumB2[i];
      leadSq += sq > 0 ? sq : 0; // ≥ 0 exactly; rounding may leave −1e-16
      leadCount += countB[i];
    }
    level += alpha * e;
    day[i] += delta * e;
    week[k] = wk + omega * e;
    cross += e * previous;
    square += previous * previous;
    sumSq += e * e;
    previous = e;
    if (scoring) {
      // evict the value of origin t − leadDays·s₁ (used for the last time above), keep this one;
      // origins in the first week (the start-up) are not scored
      const r = row + i;
      if (t - span >= s2) {
        // ring[r] holds b of origin t − span, which was counted (an origin from the second week on)
        const old = ring[r];
        sumB[i] -= old;
        sumB2[i] -= old * old;
        countB[i]--;
      }
      if (t >= s2) {
        const b = level + day[i];
        ring[r] = b;
        sumB[i] += b;
        sumB2[i] += b * b;
        countB[i]++;
      }
    }
    if (++k === s2) k = 0;
    if (++i === s1) {
      i = 0;
      row += s1;
      if (row >= span) row = 0;
    }
  }
  const phi = square > 0 ? Math.max(-1, Math.min(1, cross / square)) : 0;
  // Σ(ε_t − φε_{t−1})² = Σε² − 2φΣεε₋₁ + φ²Σε₋₁²
  const sse = leadDays > 0 ? leadSq : sumSq - 2 * phi * cross + phi * phi * square;
  const count = leadDays > 0 ? leadCount : n;
  let ar = previous;
  for (let h = 0; h < out.length; h++) {
    const t = n + h;
    ar *= phi;
    const v = level + day[t % s1] + week[t % s2] + ar;
    out[h] = v;
  }
  return { sse, mse: count > 0 ? sse / count : NaN, phi };
}
