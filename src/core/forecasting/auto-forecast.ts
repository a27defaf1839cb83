import { accuracyMeasures } from './accuracy-measures.js';
import type { DoubleSeasonalParameters } from './double-seasonal.js';
import { forecastIntervals } from './forecast-intervals.js';
import { prepareHistory, type PreparedHistory } from './prepare-history.js';
import { rotateOpenHours } from './rotate-open-hours.js';
import { sumBlocks } from './sum-blocks.js';
import { MINIMUM_HISTORY_DAYS, SINGLE_METHODS, type ForecastChoice, type ForecastMethod, type SingleMethod } from './types.js';

/** Weeks at the end of the history that the back-test scores (one-week horizons, weekly origins). */
const BACKTEST_WEEKS = 4;
/**
 * Model-based methods a combination averages (fewer when fewer can be back-tested): all four.
 * Choosing the 2 or 3 best by the back-test overfits its four weeks: on the bank 1999 back-test
 * (bench forecast-backtest-bank) auto was 1.4% / 1.9% better than weekday-mean (complete / with
 * two days removed) when the better of the 2 and 3 best was kept, 2.6% / 2.9% with the best of
 * 2, 3 and 4, and 3.2% / 3.9% with all four: the fixed combination is kept.
 */
const COMBINED = 4;
/** A single method replaces the combination only when its back-test interval WAPE is lower by more than this (relative). */
const SINGLE_MARGIN = 0.02;

/** Back-test scores of one method. */
export interface MethodScore {
  intervalWape: number;
  dailyWape: number;
  origins: number;
}

/** What a forecast made through a back-test chose, and the back-test itself. */
export interface AutoForecastResult {
  /** The method used (`weekday-mean` when the history is too short for a back-test). */
  method: ForecastMethod;
  /** The single methods averaged (combination), else the method alone. */
  members: SingleMethod[];
  /** Back-test scores of every method tried (empty without a back-test). */
  scores: Partial<Record<ForecastMethod, MethodScore>>;
  /**
   * The chosen method's back-test over the last `weeks` weeks of the history (its day 0 is the
   * same weekday as the horizon's day 0), for prediction bands; null without a back-test.
   */
  backtest: { forecast: Float64Array; actual: Float64Array; weeks: number } | null;
  /** The full history prepared (open hours, missing days and intervals). */
  prepared: PreparedHistory;
  /** Why the choice was narrowed (a short history), for the planner. */
  warning: string | null;
}

/**
 * Forecasts through a back-test on the last weeks of the history: `auto` takes the method with
 * the lowest interval WAPE among the single methods and their combination, `combination` the
 * mean of the model-based single methods (up to four, ranked by the back-test), a single method itself (the back-test then only
 * gives its residuals for prediction bands).
 *
 * Method: W = min(4, ⌊(days − 14) ÷ 7⌋) one-week origins at the end of the history, each method
 * re-fitted on the T = days − 7W days before each origin (a method needing more than T days is
 * not tried; when no two-week method fits, W = ⌊(days − 7) ÷ 7⌋ with the one-week methods; with
 * fewer than 14 days there is no back-test and `auto` and `combination` fall back to
 * weekday-mean, with a warning). Scores leave out missing actuals and special days. The
 * combination's back-test is the mean of its members' back-test forecasts (a fixed set, not
 * picked on the back-test: see COMBINED). Since weekday-mean is always a candidate, `auto` never scores worse than it.
 * Reference: Tashman, IJF 16(4), 2000 (rolling origins); Makridakis, Spiliotis &
 * Assimakopoulos, "The M4 competition: 100,000 time series and 61 forecasting methods", IJF
 * 36(1), 2020 (combinations of the best methods); Petropoulos et al., "Forecasting: theory and
 * practice", IJF 38(3), 2022, §2.6 (selection by cross-validation). Complexity: W × the
 * candidates' costs, plus the members' fits on the whole history.
 *
 * @param history whole local days, at least 7; NaN where an interval had no row
 * @param o.excludedDays special days (one flag per history day); o.open the planner's open hours
 *   (weekday 0 = the history's first day); o.candidates the single methods tried (default all);
 *   o.firstDay the calendar day of the history's day 0 (see forecastIntervals)
 * @example
 * autoForecast('auto', twelveWeeks, 48, 28, out).method // 'combination'
 */
export function autoForecast(
  choice: ForecastChoice,
  history: Float64Array,
  slotsPerDay: number,
  horizonDays: number,
  out: Float64Array,
  o: { excludedDays?: Uint8Array; open?: Uint8Array; candidates?: readonly SingleMethod[]; firstDay?: number | null } = {},
): AutoForecastResult {
  const s = slotsPerDay;
  const days = history.length / s;
  if (!(days >= MINIMUM_HISTORY_DAYS[choice])) throw new RangeError(`autoForecast requires at least ${MINIMUM_HISTORY_DAYS[choice]} days of history for ${choice}, got ${days}`);
  const prepared = prepareHistory(history, s, { excludedDays: o.excludedDays, open: o.open });
  const pool: readonly SingleMethod[] =
    choice === 'auto' || choice === 'combination' ? (o.candidates ?? SINGLE_METHODS) : [choice];
  let weeks = Math.min(BACKTEST_WEEKS, Math.floor((days - 14) / 7));
  if (weeks < 1) weeks = Math.min(BACKTEST_WEEKS, Math.floor((days - 7) / 7));
  const trainDays = days - 7 * weeks;
  const tried = weeks >= 1 ? pool.filter((m) => MINIMUM_HISTORY_DAYS[m] <= trainDays) : [];
  const scores: Partial<Record<ForecastMethod, MethodScore>> = {};
  const runs = new Map<ForecastMethod, Float64Array>();
  const block = 7 * weeks * s;
  // scored like a planner reads the past: missing, special and unannounced special days left out
  const actual = prepareHistory(history, s, { excludedDays: o.excludedDays, open: prepared.open, outliers: true }).train.slice(trainDays * s);
  const score = (f: Float64Array): MethodScore => {
    const fd = new Float64Array(7 * weeks);
    const ad = new Float64Array(7 * weeks);
    sumBlocks(f, s, fd);
    sumBlocks(actual, s, ad);
    return { intervalWape: accuracyMeasures(f, actual).wape, dailyWape: accuracyMeasures(fd, ad).wape, origins: weeks };
  };
  // double-seasonal's fit at each origin starts from the previous one (no later data: a warm start)
  const memories = new Map<SingleMethod, { doubleSeasonal?: DoubleSeasonalParameters }>();
  for (const m of tried) {
    const memory = {};
    memories.set(m, memory);
    const f = new Float64Array(block);
    for (let k = 0; k < weeks; k++) {
      const origin = trainDays + 7 * k;
      const start = origin - trainDays;
      forecastIntervals(m, history.subarray(start * s, origin * s), s, 7, f.subarray(k * 7 * s, (k + 1) * 7 * s), o.excludedDays?.subarray(start, origin), rotateOpenHours(o.open, s, start), o.firstDay == null ? null : o.firstDay + start, memory);
    }
    runs.set(m, f);
    scores[m] = score(f);
  }
  const ranked = tried.filter((m) => Number.isFinite(scores[m]!.intervalWape)).sort((a, b) => scores[a]!.intervalWape - scores[b]!.intervalWape);
  // the combination averages the best model-based methods: the two baselines are what it must beat
  const models = ranked.filter((m) => m !== 'seasonal-naive' && m !== 'weekday-mean');
  let members: SingleMethod[] = [];
  if ((choice === 'auto' || choice === 'combination') && models.length >= 2) {
    members = models.slice(0, COMBINED);
    const f = new Float64Array(block);
    for (const m of members) {
      const g = runs.get(m)!;
      for (let i = 0; i < block; i++) f[i] += g[i] / members.length;
    }
    scores.combination = score(f);
    runs.set('combination', f);
  }
  let method: ForecastMethod;
  let warning: string | null = null;
  if (choice === 'auto') {
    method = ranked[0] ?? 'weekday-mean';
    const combined = scores.combination?.intervalWape;
    // the combination stays unless a single method beats it by a clear margin, or the baseline beats it at all
    if (combined !== undefined && scores[method]!.intervalWape > combined * (1 - SINGLE_MARGIN) && !(scores['weekday-mean'] && scores['weekday-mean'].intervalWape < combined)) method = 'combination';
  } else if (choice === 'combination') {
    method = members.length ? 'combination' : (ranked[0] ?? 'weekday-mean');
  } else method = choice;
  if (method !== 'combination') members = [method];
  if ((choice === 'auto' || choice === 'combination') && tried.length < pool.length) {
    warning = tried.length === 0
      ? `${days} days of history leave no back-test`
      : `${days} days of history: back-tested only ${tried.join(', ')} (${pool.filter((m) => !tried.includes(m)).join(', ')} need more)`;
  }
  out.fill(0);
  const g = new Float64Array(out.length);
  for (const m of members) {
    forecastIntervals(m, history, s, horizonDays, g, o.excludedDays, o.open, o.firstDay ?? null, memories.get(m));
    for (let i = 0; i < out.length; i++) out[i] += g[i] / members.length;
  }
  const run = runs.get(method);
  return { method, members, scores, backtest: run ? { forecast: run, actual, weeks } : null, prepared, warning };
}
