/**
 * Benchmark `forecast-backtest-bank`: the Anonymous Bank 1999 arrivals (6-minute bins of
 * anonymous-bank-1999/callcenter_6min_1999.csv in the shared data folder: WFM_SHARED_DATA_DIR,
 * else ../shared/data beside the clone, see test/support/shared-data-dir.ts) as 30-minute intervals of one
 * UTC channel, back-tested with every method: one-week horizons, re-fitted each week over the
 * last 8 weeks of 1999, 12 weeks of training history. Prints one JSON line per method, and one
 * for the plain mean of the last six same weekdays per interval (method "six-weekday-mean", the
 * bar the smoothing methods must clear):
 * {"name","method","intervalWape","dailyWape","intervalMape","dailyMape","bias","poissonNoiseFloor",
 *  "improvementOverSeasonalNaive","improvementOverWeekdayProfile","improvementOverSixWeekdayMean","seconds"}.
 *
 *   npm run build && node dist/bench/forecast-backtest-bank.bench.js
 *
 * Skips (one JSON line with "skipped") when the shared data folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accuracyMeasures } from '../src/core/forecasting/accuracy-measures.js';
import { poissonNoiseFloor } from '../src/core/forecasting/poisson-noise-floor.js';
import { rollingOriginBacktest } from '../src/core/forecasting/rolling-origin-backtest.js';
import { sumBlocks } from '../src/core/forecasting/sum-blocks.js';
import { FORECAST_METHODS } from '../src/core/forecasting/types.js';
import { sharedDataDir } from '../test/support/shared-data-dir.js';

const FILE = join(sharedDataDir(), 'anonymous-bank-1999/callcenter_6min_1999.csv');
const SLOTS = 48;

function loadSeries(): Float64Array {
  const lines = readFileSync(FILE, 'utf8').split(/\r?\n/);
  const series = new Float64Array(365 * SLOTS);
  const first = Date.UTC(1999, 0, 1);
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const [date, start, , , calls] = line.split(',');
    const day = Math.round((Date.parse(`${date}T00:00:00Z`) - first) / 86_400_000);
    const [hh, mm] = start.split(':').map(Number);
    series[day * SLOTS + Math.floor((hh * 60 + mm) / 30)] += Number(calls);
  }
  return series;
}

if (!existsSync(FILE)) {
  console.log(JSON.stringify({ name: 'forecast-backtest-bank', skipped: `${FILE} is absent` }));
} else {
  const series = loadSeries();
  const origins = 8;
  const options = { firstOriginDay: 365 - 7 * origins, origins, horizonDays: 7, stepDays: 7, trainDays: 84 };
  const results: { method: string; f: Float64Array; a: Float64Array; seconds: number }[] = [];
  for (const method of FORECAST_METHODS) {
    const f = new Float64Array(origins * 7 * SLOTS);
    const a = new Float64Array(f.length);
    const start = performance.now();
    rollingOriginBacktest(method, series, SLOTS, options, f, a);
    results.push({ method, f, a, seconds: (performance.now() - start) / 1000 });
  }
  {
    // the plain mean of the same interval on the last six same weekdays (nothing cleaned)
    const f = new Float64Array(origins * 7 * SLOTS);
    const a = new Float64Array(f.length);
    for (let k = 0; k < origins; k++) {
      for (let h = 0; h < 7; h++) {
        const day = options.firstOriginDay + 7 * k + h;
        for (let j = 0; j < SLOTS; j++) {
          let sum = 0;
          for (let w = 1; w <= 6; w++) sum += series[(day - 7 * w) * SLOTS + j];
          f[(k * 7 + h) * SLOTS + j] = sum / 6;
          a[(k * 7 + h) * SLOTS + j] = series[day * SLOTS + j];
        }
      }
    }
    results.push({ method: 'six-weekday-mean', f, a, seconds: 0 });
  }
  const wape = (m: string): number => {
    const r = results.find((x) => x.method === m)!;
    return accuracyMeasures(r.f, r.a).wape;
  };
  const naive = wape('seasonal-naive');
  const profile = wape('weekday-profile');
  const mean6 = wape('six-weekday-mean');
  for (const { method, f, a, seconds } of results) {
    const interval = accuracyMeasures(f, a);
    const fd = new Float64Array(f.length / SLOTS);
    const ad = new Float64Array(fd.length);
    sumBlocks(f, SLOTS, fd);
    sumBlocks(a, SLOTS, ad);
    const daily = accuracyMeasures(fd, ad);
    console.log(JSON.stringify({
      name: 'forecast-backtest-bank', method, intervalWape: interval.wape, dailyWape: daily.wape, intervalMape: interval.mape, dailyMape: daily.mape,
      bias: interval.bias, poissonNoiseFloor: poissonNoiseFloor(f), improvementOverSeasonalNaive: 1 - interval.wape / naive,
      improvementOverWeekdayProfile: 1 - interval.wape / profile, improvementOverSixWeekdayMean: 1 - interval.wape / mean6, seconds,
    }));
  }
}
