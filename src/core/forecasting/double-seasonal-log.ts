import { assertHistory } from './assert-history.js';
import { doubleSeasonal, type DoubleSeasonalParameters } from './double-seasonal.js';
import { fitDoubleSeasonal } from './fit-double-seasonal.js';

/** Parameters are fitted to the errors of forecasts 1 … 7 days ahead: the horizons are weeks. */
const LEAD_DAYS = 7;

/**
 * Double-seasonal forecast of an interval series on the log scale: Taylor's double-seasonal
 * exponential smoothing of z = ln(1 + y), fitted to the in-sample errors at leads of 1 … 7 days,
 * then back-transformed with the lognormal bias adjustment so that the forecast is a mean, not
 * a median.
 *
 * Method: z_t = ln(1 + y_t) (Box–Cox λ = 0 with shift 1: additive seasonal components on the log
 * scale are multiplicative ones on the counts, and the variance of Poisson-like counts is
 * steadied); fit α, δ, ω (fitDoubleSeasonal, leadDays 7); ẑ the forecast and σ² the mean squared
 * multi-step error on the log scale; F = max(0, exp(ẑ + σ²/2) − 1). Units: contacts per interval.
 * Reference: Taylor, Management Science 54(2), 2008, §3.3 (double-seasonal HW for call arrivals);
 * Box & Cox, JRSS B 26, 1964; Hyndman & Athanasopoulos, FPP 3rd ed., §5.6 (bias-adjusted back
 * transformation exp(ẑ)(1 + σ²/2) ≈ exp(ẑ + σ²/2)). Complexity: that of fitDoubleSeasonal, O(e·n), plus O(horizon).
 *
 * @param history whole local days, at least 14
 * @param start a warm start for the fit (see fitDoubleSeasonal)
 * @returns the fitted parameters, φ and σ² (log scale)
 * @example
 * // 1 + y = 40 · day shape · week shape (purely multiplicative): fitted exactly, out continues it
 * doubleSeasonalLog(fourWeeks, 6, 7, out).mse // ≈ 0
 */
export function doubleSeasonalLog(
  history: Float64Array,
  slotsPerDay: number,
  horizonDays: number,
  out: Float64Array,
  start?: DoubleSeasonalParameters,
): { alpha: number; delta: number; omega: number; phi: number; mse: number } {
  assertHistory('doubleSeasonalLog', history, slotsPerDay, horizonDays, out, 14);
  const z = new Float64Array(history.length);
  for (let t = 0; t < z.length; t++) z[t] = Math.log1p(history[t] > 0 ? history[t] : 0);
  const fit = fitDoubleSeasonal(z, slotsPerDay, LEAD_DAYS, start);
  doubleSeasonal(z, slotsPerDay, fit, out);
  const half = Number.isFinite(fit.mse) ? fit.mse / 2 : 0;
  for (let h = 0; h < out.length; h++) {
    const v = Math.expm1(out[h] + half);
    out[h] = v > 0 ? v : 0;
  }
  return { alpha: fit.alpha, delta: fit.delta, omega: fit.omega, phi: fit.phi, mse: fit.mse };
}
