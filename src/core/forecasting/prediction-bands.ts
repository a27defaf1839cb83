import { mean, quantileSorted, variance } from 'simple-statistics';

/** A group of relative errors smaller than this borrows the wider group's (weekday × hour → hour → all). */
const MIN_GROUP = 40;
/** z of the normal quantile at 0.9 (and −z at 0.1). */
const Z90 = 1.2815515655446004;

/**
 * Prediction bands of interval volumes (p10 and p90 by default) from a method's back-test: the
 * empirical quantiles of its relative errors by weekday and hour of day, with the Poisson noise
 * they contain taken out and the Poisson noise of each forecast interval put back in.
 *
 * Method: relative errors r = A ÷ F − 1 of the back-test intervals with F > 0 and A a number
 * (missing actuals are left out), grouped by weekday × hour of day, or by hour of day over all
 * weekdays when a group has fewer than 40 errors, or all together. In a group, r̄ its mean, v its
 * variance and π = mean(1 ÷ F) the share of v that Poisson arrivals alone explain; the
 * rate errors r* = r̄ + c·(r − r̄) with c = √max(0, 1 − π ÷ v) (moment deconvolution: the shape
 * of the empirical errors kept, their Poisson part removed). For a forecast λ > 0 with rate
 * quantiles r*_q: p_q = λ(1 + r̄) ± √(λ²(r*_q − r̄)² + z²λ), the level error and Poisson(λ)
 * noise added as independent errors (z = 1.2816 for 0.1 and 0.9), at least 0. λ = 0 (closed,
 * or a zero forecast) gives 0 and 0; no usable error gives the Poisson band alone.
 * Units: contacts per interval. Reference: Hyndman & Athanasopoulos, FPP 3rd ed., §5.5
 * (prediction intervals from empirical residuals); Jongbloed & Koole,
 * "Managing uncertainty in call centres using Poisson mixtures", Applied Stochastic Models in
 * Business and Industry 17, 2001 (arrival rates uncertain on top of Poisson noise).
 * Complexity: O(b log b + horizon) for b back-test intervals.
 *
 * @param forecast the horizon's interval forecasts, day 0 on the same weekday as the back-test's day 0
 * @param backtestForecast and backtestActual: the method's back-test, whole days (NaN actual = missing)
 * @param p10 and p90: outputs of forecast.length
 * @returns the number of relative errors used
 * @example
 * predictionBands(Float64Array.of(100), 1, Float64Array.of(100, 100), Float64Array.of(90, 110), p10, p90) // p10[0] ≈ 86.4, p90[0] ≈ 113.6
 */
export function predictionBands(
  forecast: Float64Array,
  slotsPerDay: number,
  backtestForecast: Float64Array,
  backtestActual: Float64Array,
  p10: Float64Array,
  p90: Float64Array,
): number {
  const s = slotsPerDay;
  if (forecast.length % s !== 0 || backtestForecast.length % s !== 0) throw new RangeError('predictionBands requires whole days');
  if (backtestActual.length !== backtestForecast.length) throw new RangeError('predictionBands requires back-test columns of equal length');
  if (p10.length !== forecast.length || p90.length !== forecast.length) throw new RangeError(`predictionBands requires outputs of ${forecast.length} intervals`);
  const hours = Math.min(24, s);
  const hourOf = (j: number): number => Math.floor((j * hours) / s);
  const cells = new Map<number, { r: number[]; inv: number[] }>();
  const push = (key: number, r: number, inv: number): void => {
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { r: [], inv: [] }));
    c.r.push(r);
    c.inv.push(inv);
  };
  let used = 0;
  for (let t = 0; t < backtestForecast.length; t++) {
    const f = backtestForecast[t];
    const a = backtestActual[t];
    if (!(f > 0) || Number.isNaN(a)) continue;
    const d = Math.floor(t / s);
    const hour = hourOf(t % s);
    const r = a / f - 1;
    push(((d % 7) + 1) * 100 + hour, r, 1 / f);
    push(hour, r, 1 / f);
    push(-1, r, 1 / f);
    used++;
  }
  const bands = new Map<number, { centre: number; low: number; high: number } | null>();
  const band = (key: number): { centre: number; low: number; high: number } | null => {
    if (bands.has(key)) return bands.get(key)!;
    const c = cells.get(key);
    let b: { centre: number; low: number; high: number } | null = null;
    if (c && c.r.length >= (key === -1 ? 2 : MIN_GROUP)) {
      const centre = mean(c.r);
      const v = variance(c.r);
      const shrink = v > 0 ? Math.sqrt(Math.max(0, 1 - mean(c.inv) / v)) : 0;
      const sorted = [...c.r].sort((x, y) => x - y);
      b = { centre, low: shrink * (centre - quantileSorted(sorted, 0.1)), high: shrink * (quantileSorted(sorted, 0.9) - centre) };
    }
    bands.set(key, b);
    return b;
  };
  for (let t = 0; t < forecast.length; t++) {
    const lambda = forecast[t];
    if (!(lambda > 0)) {
      p10[t] = 0;
      p90[t] = 0;
      continue;
    }
    const d = Math.floor(t / s);
    const hour = hourOf(t % s);
    const b = band(((d % 7) + 1) * 100 + hour) ?? band(hour) ?? band(-1) ?? { centre: 0, low: 0, high: 0 };
    const centre = lambda * (1 + b.centre);
    const noise = Z90 * Z90 * lambda;
    p10[t] = Math.max(0, centre - Math.sqrt(lambda * lambda * b.low * b.low + noise));
    p90[t] = Math.max(0, centre + Math.sqrt(lambda * lambda * b.high * b.high + noise));
  }
  return used;
}
