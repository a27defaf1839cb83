/**
 * Benchmark `forecast-backtest-bank`: the Anonymous Bank 1999 arrivals (6-minute bins of
 * anonymous-bank-1999/callcenter_6min_1999.csv in the shared data folder: WFM_SHARED_DATA_DIR,
 * else ../shared/data beside the clone, see test/support/shared-data-dir.ts) as 30-minute intervals of one
 * UTC channel, back-tested with every method and `auto`: one-week horizons, re-fitted each week
 * over the last 8 weeks of 1999, 12 weeks of training history. Then the same with two ordinary
 * weekdays removed from the input (NaN: no rows), one inside the training weeks (1999-10-19) and
 * one inside the evaluated weeks (1999-12-08). Prints one JSON line per method and case:
 * {"name","case","method","intervalWape","dailyWape","intervalMape","bias","poissonNoiseFloor","points",
 *  "improvementOverWeekdayMean","changeWithGap","coverageP10P90","chosen","seconds"}
 * (coverageP10P90 for `auto` only: the share of scored actual intervals inside its p10–p90 band;
 * changeWithGap: the relative change of interval WAPE from the case without the gap), then one
 * line "summary" with auto against weekday-mean in both cases and the missing days found.
 *
 *   npm run build && node dist/bench/forecast-backtest-bank.bench.js
 *
 * Skips (one JSON line with "skipped") when the shared data folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accuracyMeasures } from '../src/core/forecasting/accuracy-measures.js';
import { poissonNoiseFloor } from '../src/core/forecasting/poisson-noise-floor.js';
import { prepareHistory } from '../src/core/forecasting/prepare-history.js';
import { rollingOriginBacktest } from '../src/core/forecasting/rolling-origin-backtest.js';
import { sumBlocks } from '../src/core/forecasting/sum-blocks.js';
import { FORECAST_METHODS, type ForecastChoice } from '../src/core/forecasting/types.js';
import { sharedDataDir } from '../test/support/shared-data-dir.js';

const FILE = join(sharedDataDir(), 'anonymous-bank-1999/callcenter_6min_1999.csv');
const SLOTS = 48;
const FIRST = Date.UTC(1999, 0, 1);
/** The two ordinary weekdays removed in the gap case: one in the training weeks, one evaluated. */
const GAP_DATES = ['1999-10-19', '1999-12-08'];

function dayIndex(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - FIRST) / 86_400_000);
}

function loadSeries(): Float64Array {
  const lines = readFileSync(FILE, 'utf8').split(/\r?\n/);
  const series = new Float64Array(365 * SLOTS);
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const [date, start, , , calls] = line.split(',');
    const [hh, mm] = start.split(':').map(Number);
    series[dayIndex(date) * SLOTS + Math.floor((hh * 60 + mm) / 30)] += Number(calls);
  }
  return series;
}

interface Run {
  method: ForecastChoice;
  f: Float64Array;
  a: Float64Array;
  p10: Float64Array | null;
  p90: Float64Array | null;
  chosen: string[];
  seconds: number;
}

function runAll(series: Float64Array): Run[] {
  const origins = 8;
  const options = { firstOriginDay: 365 - 7 * origins, origins, horizonDays: 7, stepDays: 7, trainDays: 84, firstDay: FIRST / 86_400_000 };
  const runs: Run[] = [];
  for (const method of [...FORECAST_METHODS, 'auto'] as ForecastChoice[]) {
    const f = new Float64Array(origins * 7 * SLOTS);
    const a = new Float64Array(f.length);
    const withBands = method === 'auto';
    const p10 = withBands ? new Float64Array(f.length) : null;
    const p90 = withBands ? new Float64Array(f.length) : null;
    const start = performance.now();
    const chosen = rollingOriginBacktest(method, series, SLOTS, options, f, a, p10 && p90 ? { p10, p90 } : undefined);
    runs.push({ method, f, a, p10, p90, chosen, seconds: (performance.now() - start) / 1000 });
  }
  return runs;
}

function coverage(r: Run): number | null {
  if (!r.p10 || !r.p90) return null;
  let inside = 0;
  let n = 0;
  for (let i = 0; i < r.a.length; i++) {
    if (Number.isNaN(r.a[i]) || !(r.f[i] > 0)) continue;
    n++;
    if (r.a[i] >= r.p10[i] && r.a[i] <= r.p90[i]) inside++;
  }
  return n > 0 ? inside / n : null;
}

if (!existsSync(FILE)) {
  console.log(JSON.stringify({ name: 'forecast-backtest-bank', skipped: `${FILE} is absent` }));
} else {
  const series = loadSeries();
  const gapped = Float64Array.from(series);
  for (const date of GAP_DATES) gapped.fill(NaN, dayIndex(date) * SLOTS, (dayIndex(date) + 1) * SLOTS);
  const wapes = new Map<string, number>();
  const summary: Record<string, unknown> = { name: 'forecast-backtest-bank', case: 'summary' };
  for (const [label, input] of [['complete', series], ['gap', gapped]] as const) {
    const runs = runAll(input);
    const mean = accuracyMeasures(runs.find((r) => r.method === 'weekday-mean')!.f, runs.find((r) => r.method === 'weekday-mean')!.a).wape;
    for (const r of runs) {
      const interval = accuracyMeasures(r.f, r.a);
      const fd = new Float64Array(r.f.length / SLOTS);
      const ad = new Float64Array(fd.length);
      sumBlocks(r.f, SLOTS, fd);
      sumBlocks(r.a, SLOTS, ad);
      const scored = r.f.map((v, i) => (Number.isNaN(r.a[i]) ? NaN : v));
      wapes.set(`${label}|${r.method}`, interval.wape);
      const before = wapes.get(`complete|${r.method}`)!;
      const chosen: Record<string, number> = {};
      for (const m of r.chosen) chosen[m] = (chosen[m] ?? 0) + 1;
      console.log(JSON.stringify({
        name: 'forecast-backtest-bank', case: label, method: r.method, intervalWape: interval.wape, dailyWape: accuracyMeasures(fd, ad).wape,
        intervalMape: interval.mape, bias: interval.bias, poissonNoiseFloor: poissonNoiseFloor(scored), points: interval.points,
        improvementOverWeekdayMean: 1 - interval.wape / mean, changeWithGap: label === 'gap' ? interval.wape / before - 1 : null,
        coverageP10P90: coverage(r), chosen: r.method === 'auto' || r.method === 'combination' ? chosen : undefined, seconds: r.seconds,
      }));
    }
    summary[`${label}AutoWape`] = wapes.get(`${label}|auto`);
    summary[`${label}WeekdayMeanWape`] = mean;
    summary[`${label}AutoImprovementOverWeekdayMean`] = 1 - wapes.get(`${label}|auto`)! / mean;
  }
  summary.worstChangeWithGap = Math.max(...FORECAST_METHODS.map((m) => wapes.get(`gap|${m}`)! / wapes.get(`complete|${m}`)! - 1), wapes.get('gap|auto')! / wapes.get('complete|auto')! - 1);
  const prepared = prepareHistory(gapped.subarray((365 - 56 - 84) * SLOTS), SLOTS);
  summary.missingDays = [...prepared.missingDays.keys()].filter((d) => prepared.missingDays[d]).map((d) => new Date(FIRST + (365 - 56 - 84 + d) * 86_400_000).toISOString().slice(0, 10));
  summary.missingIntervals = prepared.missingIntervals;
  console.log(JSON.stringify(summary));
}
