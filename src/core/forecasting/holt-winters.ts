/** Additive or multiplicative seasonality of Holt–Winters smoothing. */
export type Seasonality = 'additive' | 'multiplicative';

/** Smoothing parameters of Holt–Winters, each in [0, 1]. */
export interface HoltWintersParameters {
  alpha: number;
  beta: number;
  gamma: number;
}

/**
 * Holt–Winters exponential smoothing with a linear trend and one seasonal cycle: runs the
 * filter over `y`, returns the in-sample sum of squared one-step errors and writes the
 * forecasts of the next `out.length` points (an inner kernel: no validation; `out` may be empty
 * when only the error is wanted).
 *
 * Formula (period m, error-correction form, ŷ the one-step forecast, e = y − ŷ):
 * additive ŷ = ℓ + b + s_{t−m}; ℓ ← ℓ + b + αe; b ← b + αβe; s_t = s_{t−m} + γ(1−α)e;
 * multiplicative ŷ = (ℓ + b)·s_{t−m}; ℓ ← ℓ + b + αe/s_{t−m}; b ← b + αβe/s_{t−m};
 * s_t = s_{t−m} + γ(1−α)e/(ℓ+b). Forecast h ahead: ℓ + h·b (+ or ×) s. Initial state: ℓ the
 * mean of the first cycle, b 0, s the first cycle's deviations (additive) or ratios (multiplicative) from ℓ.
 * Forecasts are clamped at 0 (volumes). Reference: Hyndman & Athanasopoulos, "Forecasting:
 * principles and practice" 3rd ed., §8.3 (component and error-correction forms).
 * Complexity: O(n + horizon).
 *
 * @example
 * holtWinters(Float64Array.of(1, 2, 1, 2, 1, 2), 2, 'additive', { alpha: 0.5, beta: 0, gamma: 0.5 }, out2) // 0, out2 = [1, 2]
 */
export function holtWinters(y: Float64Array, period: number, seasonality: Seasonality, p: HoltWintersParameters, out: Float64Array, lead = 1): number {
  const m = period;
  const n = y.length;
  let level = 0;
  for (let i = 0; i < m; i++) level += y[i];
  level /= m;
  // The trend starts at 0 (two noisy first cycles make a poor slope); β learns it.
  let trend = 0;
  const mult = seasonality === 'multiplicative';
  if (mult && !(level > 0)) return Infinity;
  const season = new Float64Array(m);
  for (let i = 0; i < m; i++) season[i] = mult ? y[i] / level : y[i] - level;
  const { alpha, beta, gamma } = p;
  let sse = 0;
  const levels = new Float64Array(lead);
  const trends = new Float64Array(lead);
  for (let t = 0; t < n; t++) {
    const i = t % m;
    const s = season[i];
    const base = level + trend;
    const forecast = mult ? base * s : base + s;
    const e = y[t] - forecast;
    if (lead === 1) sse += e * e;
    else if (t >= lead) {
      const r = t % lead;
      const far = levels[r] + lead * trends[r];
      const el = y[t] - (mult ? far * s : far + s);
      sse += el * el;
    }
    if (mult) {
      const ds = s > 1e-9 ? s : 1e-9;
      level = base + (alpha * e) / ds;
      trend += (alpha * beta * e) / ds;
      season[i] = s + (gamma * (1 - alpha) * e) / (base > 1e-9 ? base : 1e-9);
      if (season[i] < 0) season[i] = 0;
    } else {
      level = base + alpha * e;
      trend += alpha * beta * e;
      season[i] = s + gamma * (1 - alpha) * e;
    }
    levels[t % lead] = level;
    trends[t % lead] = trend;
  }
  for (let h = 1; h <= out.length; h++) {
    const s = season[(n + h - 1) % m];
    const base = level + h * trend;
    const v = mult ? base * s : base + s;
    out[h - 1] = v > 0 ? v : 0;
  }
  return sse;
}
