import { mulberry32 } from '../numeric/mulberry32.js';
import { accuracyMeasures } from './accuracy-measures.js';
import { poissonNoiseFloor } from './poisson-noise-floor.js';
import { rollingOriginBacktest } from './rolling-origin-backtest.js';
import { sumBlocks } from './sum-blocks.js';
import { FORECAST_METHODS, type ForecastMethod } from './types.js';

/**
 * Back-test on a generated center, very unlike the bank: 15-minute intervals, about 6,000
 * contacts a weekday growing 0.5% a day (+3.5% a week), open 07:00–22:00 with a morning and an
 * afternoon peak, a quiet Saturday and a closed Sunday, and a public holiday (closed) in the
 * training weeks and another inside the evaluated weeks, both known as special days. Arrivals
 * are Poisson draws (seeded) around the true rate.
 *
 * What is proven and against what:
 * - seasonal-naive's forecasts, actuals and scores, the true rate's WAPE and the Poisson noise
 *   floor equal independent computations written here with plain loops (the textbook seasonal
 *   naïve method, Hyndman & Athanasopoulos, FPP 3rd ed., §5.2, with the documented holiday fill;
 *   WAPE and bias by their definitions; the Poisson mean absolute deviation summed over the
 *   probability mass function, not Crow's closed form the code uses), to 1e-9 relative;
 * - properties that hold whatever the figures: no method beats the generator's true rate, the
 *   true rate scores at the noise floor, the ranking against seasonal-naive and the plain mean;
 * - what remains a regression pin, and only that: the figures of weekday-profile, holt-winters
 *   and double-seasonal (EXPECTED below), measured from the code when the methods landed. They
 *   show that a method changed, not that it is right.
 */
const S = 96;
const DAYS = 140;
const HOLIDAYS = [101, 122];

function poisson(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  const u = random();
  let n = 0;
  while (u > cdf && n < lambda * 10 + 100) {
    n++;
    p *= lambda / n;
    cdf += p;
  }
  return n;
}

function syntheticCenter(): { series: Float64Array; rate: Float64Array; excluded: Uint8Array } {
  const random = mulberry32(20260311);
  const weekday = [1.15, 1.05, 1, 1, 0.95, 0.35, 0]; // day 0 is a Monday
  const shape = new Float64Array(S);
  for (let j = 28; j < 88; j++) {
    const hour = j / 4;
    shape[j] = Math.exp(-((hour - 10) ** 2) / 4) + 0.8 * Math.exp(-((hour - 15.5) ** 2) / 6) + 0.15;
  }
  const shapeTotal = shape.reduce((a, b) => a + b, 0);
  const series = new Float64Array(DAYS * S);
  const rate = new Float64Array(DAYS * S);
  const excluded = new Uint8Array(DAYS);
  for (let d = 0; d < DAYS; d++) {
    const holiday = HOLIDAYS.includes(d);
    if (holiday) excluded[d] = 1;
    const total = holiday ? 0 : 6000 * (1 + 0.005 * d) * weekday[d % 7];
    for (let j = 0; j < S; j++) {
      rate[d * S + j] = (total * shape[j]) / shapeTotal;
      series[d * S + j] = poisson(rate[d * S + j], random);
    }
  }
  return { series, rate, excluded };
}

/** WAPE by its definition, Σ|F − A| ÷ ΣA, in a plain loop. */
function plainWape(f: Float64Array, a: Float64Array): number {
  let error = 0;
  let actual = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== a[i]) continue; // not scored
    error += Math.abs(f[i] - a[i]);
    actual += a[i];
  }
  return error / actual;
}

/** Bias by its definition, (ΣF − ΣA) ÷ ΣA, in a plain loop. */
function plainBias(f: Float64Array, a: Float64Array): number {
  let forecast = 0;
  let actual = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== a[i]) continue; // not scored
    forecast += f[i];
    actual += a[i];
  }
  return (forecast - actual) / actual;
}

/** Daily WAPE by its definition: per day the sums of both columns over its intervals, a day with an unscored interval left out. */
function plainDailyWape(f: Float64Array, a: Float64Array): number {
  let error = 0;
  let actual = 0;
  for (let d = 0; d < a.length / S; d++) {
    let fd = 0;
    let ad = 0;
    for (let j = 0; j < S; j++) {
      fd += f[d * S + j];
      ad += a[d * S + j];
    }
    if (ad !== ad) continue;
    error += Math.abs(fd - ad);
    actual += ad;
  }
  return error / actual;
}

describe('back-test on a generated center with a trend and holidays', () => {
  const { series, rate, excluded } = syntheticCenter();
  const origins = 4;
  const plan = { firstOriginDay: DAYS - 7 * origins, origins, horizonDays: 7, stepDays: 7, trainDays: 84, excludedDays: excluded };
  const scores = new Map<ForecastMethod, { interval: number; daily: number; bias: number }>();
  const truth = { f: new Float64Array(origins * 7 * S), a: new Float64Array(origins * 7 * S) };
  for (const method of FORECAST_METHODS) {
    const f = new Float64Array(origins * 7 * S);
    const a = new Float64Array(f.length);
    rollingOriginBacktest(method, series, S, plan, f, a);
    const fd = new Float64Array(origins * 7);
    const ad = new Float64Array(origins * 7);
    sumBlocks(f, S, fd);
    sumBlocks(a, S, ad);
    const m = accuracyMeasures(f, a);
    scores.set(method, { interval: m.wape, daily: accuracyMeasures(fd, ad).wape, bias: m.bias });
    truth.a = a;
  }
  for (let k = 0; k < origins; k++) {
    const origin = plan.firstOriginDay + 7 * k;
    truth.f.set(rate.subarray(origin * S, (origin + 7) * S), k * 7 * S);
    for (let h = 0; h < 7; h++) if (excluded[origin + h]) truth.f.fill(0, (k * 7 + h) * S, (k * 7 + h + 1) * S);
  }
  // the plain mean of the same interval on the last six same weekdays (nothing cleaned), scored like the methods
  const mean6 = { f: new Float64Array(origins * 7 * S), a: new Float64Array(origins * 7 * S) };
  for (let k = 0; k < origins; k++) {
    for (let h = 0; h < 7; h++) {
      const day = plan.firstOriginDay + 7 * k + h;
      if (excluded[day]) continue;
      for (let j = 0; j < S; j++) {
        let sum = 0;
        for (let w = 1; w <= 6; w++) sum += series[(day - 7 * w) * S + j];
        mean6.f[(k * 7 + h) * S + j] = sum / 6;
        mean6.a[(k * 7 + h) * S + j] = series[day * S + j];
      }
    }
  }
  const sixWeekdayMean = plainWape(mean6.f, mean6.a);
  const floor = poissonNoiseFloor(truth.f);
  const oracle = accuracyMeasures(truth.f, truth.a).wape;

  it('seasonal-naive repeats last week (a holiday replaced by the same weekday before it), scored as plain WAPE, daily WAPE and bias would', () => {
    // Independent forecast: day o + h repeats day o − 7 + h of the training window; a special day
    // there is replaced by the latest ordinary same weekday before it (seasonal naïve never copies
    // a special day forward; none after it lies inside the window); special days of the horizon
    // are blanked from both columns. (The engine's learnt open hours change nothing here: the
    // generator's closed intervals are 0 every day, so repeating them gives 0 already.)
    const f = new Float64Array(origins * 7 * S);
    const a = new Float64Array(origins * 7 * S);
    for (let k = 0; k < origins; k++) {
      const origin = plan.firstOriginDay + 7 * k;
      for (let h = 0; h < 7; h++) {
        if (excluded[origin + h]) {
          // A special day of the horizon is not scored: missing (NaN) in both columns, not 0.
          f.fill(NaN, (k * 7 + h) * S, (k * 7 + h + 1) * S);
          a.fill(NaN, (k * 7 + h) * S, (k * 7 + h + 1) * S);
          continue;
        }
        const source = origin - 7 + h;
        const donors = excluded[source] ? [source - 7, source - 14, source - 21].filter((d) => !excluded[d]).slice(0, 1) : [source];
        for (let j = 0; j < S; j++) {
          f[(k * 7 + h) * S + j] = donors.reduce((sum, d) => sum + series[d * S + j], 0) / donors.length;
          a[(k * 7 + h) * S + j] = series[(origin + h) * S + j];
        }
      }
    }
    // Both rules are exercised: holiday 122 is a horizon day of origin 119 (blanked) and the source
    // of day 129 for origin 126 (taken from day 115).
    expect(HOLIDAYS.filter((d) => d >= plan.firstOriginDay)).toEqual([122]);
    expect(truth.a).toEqual(a);
    const naive = scores.get('seasonal-naive')!;
    expect(Math.abs(naive.interval / plainWape(f, a) - 1)).toBeLessThan(1e-9);
    expect(Math.abs(naive.daily / plainDailyWape(f, a) - 1)).toBeLessThan(1e-9);
    expect(Math.abs(naive.bias / plainBias(f, a) - 1)).toBeLessThan(1e-9);
  });

  it('the true rate and the Poisson noise floor equal their definitions computed here', () => {
    expect(Math.abs(oracle / plainWape(truth.f, truth.a) - 1)).toBeLessThan(1e-9);
    // Σ E|N − λ| ÷ Σ λ with E|N − λ| summed over the Poisson probabilities (no closed form).
    let deviation = 0;
    let total = 0;
    for (const lambda of truth.f) {
      if (lambda <= 0) continue;
      let p = Math.exp(-lambda);
      const last = lambda + 12 * Math.sqrt(lambda) + 30; // the mass beyond 12 standard deviations is below 1e-30
      for (let k = 0; k <= last; k++) {
        deviation += Math.abs(k - lambda) * p;
        p *= lambda / (k + 1);
      }
      total += lambda;
    }
    expect(Math.abs(floor / (deviation / total) - 1)).toBeLessThan(1e-9);
  });

  it('the smoothing methods and the generator keep their measured figures (regression pins, not proofs)', () => {
    const figures = Object.fromEntries([...scores].filter(([m]) => m !== 'seasonal-naive').map(([m, s]) => [m, { interval: +s.interval.toFixed(4), daily: +s.daily.toFixed(4), bias: +s.bias.toFixed(4) }]));
    expect({ figures, sixWeekdayMean: +sixWeekdayMean.toFixed(4), floor: +floor.toFixed(4), oracle: +oracle.toFixed(4) }).toEqual(EXPECTED);
  });
  it('the true rate scores near the Poisson noise floor, and no method beats the true rate', () => {
    expect(Math.abs(oracle - floor) / floor).toBeLessThan(0.05);
    for (const s of scores.values()) expect(s.interval).toBeGreaterThan(oracle);
  });
  it('the best method beats seasonal-naive interval WAPE by at least 20%, and a trend-aware method beats the plain profile', () => {
    const naive = scores.get('seasonal-naive')!.interval;
    const best = Math.min(...[...scores.values()].map((s) => s.interval));
    expect(1 - best / naive).toBeGreaterThanOrEqual(0.2);
    expect(Math.min(scores.get('holt-winters')!.interval, scores.get('double-seasonal')!.interval)).toBeLessThan(scores.get('weekday-profile')!.interval);
    // both smoothing methods earn their place against the plain six-weekday mean (it learns the holiday and lags the trend)
    expect(scores.get('holt-winters')!.interval).toBeLessThan(sixWeekdayMean);
    expect(scores.get('double-seasonal')!.interval).toBeLessThan(sixWeekdayMean);
    // the regression's trend term earns its place against the baseline weekday-mean
    expect(scores.get('daily-regression')!.interval).toBeLessThan(scores.get('weekday-mean')!.interval);
  });
});

/**
 * Regression pins, not independent values: figures measured from the code with this file's
 * generator (seed 20260311) when the methods landed; a change of any smoothing method shows
 * here (seasonal-naive is proven above instead). WAPE, interval and daily, and bias (fractions).
 * sixWeekdayMean, floor and oracle pin the generator (the seed and the rate it draws around),
 * whose exact figures the tests above compute independently. Since then:
 * double-seasonal moved from 0.0767 / 0.0352 / −0.035 when it went to the log scale, fitted at
 * leads of 1–7 days (it has no trend term, so the +3.5%/week growth shows as its bias); the
 * recency-weighted intraday shares moved weekday-profile 0.0869 → 0.0874 and holt-winters
 * 0.067 → 0.0674 at interval level (on the bank they gain: 0.1981 → 0.1969, 0.2005 → 0.1992).
 * When missing became NaN rather than 0, seasonal-naive skips a special day of the calendar
 * (takes the same weekday a week earlier) instead of copying its neighbours' mean: daily
 * 0.0222 → 0.0212. weekday-mean (6 weeks, the holiday skipped) lags the trend: 0.0976, against
 * 0.13 for the plain six-weekday mean that learns the holiday as a day of zeros. daily-regression
 * has the trend term and scores best here; combination averages the four model-based methods
 * (double-seasonal warm-started from the previous origin's fit inside its back-test).
 */
const EXPECTED = {
  figures: {
    'weekday-mean': { interval: 0.0976, daily: 0.0797, bias: -0.0797 },
    'weekday-profile': { interval: 0.0874, daily: 0.0658, bias: -0.0658 },
    'holt-winters': { interval: 0.0674, daily: 0.0096, bias: -0.0004 },
    'double-seasonal': { interval: 0.0764, daily: 0.0385, bias: -0.0385 },
    'daily-regression': { interval: 0.0673, daily: 0.0091, bias: 0.0065 },
    combination: { interval: 0.0704, daily: 0.0246, bias: -0.0246 },
  },
  sixWeekdayMean: 0.13,
  floor: 0.0621,
  oracle: 0.0638,
};
