/**
 * Benchmark `forecast-generate`: POST /api/v1/forecasts/generate over loopback with method
 * `auto` for 20 channels (four time zones, 15-minute intervals) with 12 weeks of history each
 * (Poisson arrivals around a weekly and intraday pattern with a trend), 4 weeks ahead: back-tests
 * of every method per channel, the forecasts and the stored version (53,760 intervals) included.
 * Target: under 5 s. Prints one JSON line:
 * {"name","channels","historyIntervals","horizonIntervals","seconds","runs","serverSeconds","target","met","methods","database"}
 * (seconds: the median run over HTTP; runs in order; serverSeconds: the elapsedMs the server reports per run).
 *
 *   npm run build && node dist/bench/forecast-generate.bench.js
 */
import { mulberry32 } from '../src/core/numeric/mulberry32.js';
import { startBenchApp } from './app/start-bench-app.js';

const CHANNELS = 20;
const WEEKS = 12;
const SLOTS = 96;
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
const RUNS = 3;
const TARGET_SECONDS = 5;
/** The first history day and the horizon start 12 weeks later (Mondays; the horizon crosses the US and EU spring changes). */
const FIRST = Date.UTC(2025, 11, 8);
const HORIZON = '2026-03-02';

function poisson(lambda: number, random: () => number): number {
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random())));
  let p = Math.exp(-lambda);
  let cdf = p;
  const u = random();
  let n = 0;
  while (u > cdf) {
    n++;
    p *= lambda / n;
    cdf += p;
  }
  return n;
}

async function main(): Promise<void> {
  const bench = await startBenchApp();
  try {
    const auth = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });
    const random = mulberry32(2026);
    const lines = ['channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds'];
    const weekday = [1.15, 1.05, 1, 1, 0.95, 0.4, 0.1];
    for (let c = 0; c < CHANNELS; c++) {
      const code = `ch${String(c).padStart(2, '0')}`;
      const res = await fetch(`${bench.baseUrl}/api/v1/channels/${code}`, {
        method: 'PUT',
        headers: { ...auth(bench.adminKey), 'content-type': 'application/json' },
        body: JSON.stringify({ name: code, media: 'voice-inbound', timeZone: ZONES[c % ZONES.length], intervalMinutes: 15 }),
      });
      if (res.status !== 201) throw new Error(`channel ${code}: ${res.status}`);
      const daily = 500 + 400 * c;
      for (let d = 0; d < WEEKS * 7; d++) {
        const date = new Date(FIRST + d * 86_400_000).toISOString().slice(0, 10);
        for (let j = 28; j < 84; j++) {
          const hour = j / 4;
          const shape = (Math.exp(-((hour - 10) ** 2) / 4) + 0.8 * Math.exp(-((hour - 15) ** 2) / 5) + 0.1) / 25;
          const n = poisson(daily * (1 + 0.003 * d) * weekday[d % 7] * shape, random);
          if (n === 0) continue;
          const hh = String(Math.floor(j / 4)).padStart(2, '0');
          const mm = String((j % 4) * 15).padStart(2, '0');
          lines.push(`${code},${date} ${hh}:${mm},${n},${n},0,${n},0,20,${n * (150 + c * 5)},${n * 10}`);
        }
      }
    }
    const upload = await fetch(`${bench.baseUrl}/api/v1/actuals/intervals`, { method: 'POST', headers: { ...auth(bench.plannerKey), 'content-type': 'text/csv' }, body: lines.join('\n') });
    if (upload.status !== 201) throw new Error(`actuals upload answered ${upload.status}: ${await upload.text()}`);
    const channels = Array.from({ length: CHANNELS }, (_, c) => `ch${String(c).padStart(2, '0')}`);
    const times: number[] = [];
    const serverSeconds: number[] = [];
    let methods: Record<string, number> = {};
    let rowCount = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const res = await fetch(`${bench.baseUrl}/api/v1/forecasts/generate`, {
        method: 'POST',
        headers: { ...auth(bench.plannerKey), 'content-type': 'application/json' },
        body: JSON.stringify({ channels, horizonStart: HORIZON, horizonDays: 28, method: 'auto', label: `bench run ${run}` }),
      });
      const json = (await res.json()) as { version: { rowCount: number }; metadata: { channels: Record<string, { method: string }> }; elapsedMs: number };
      times.push((performance.now() - t0) / 1000);
      serverSeconds.push(json.elapsedMs / 1000);
      if (res.status !== 201) throw new Error(`generate answered ${res.status}: ${JSON.stringify(json)}`);
      rowCount = json.version.rowCount;
      methods = {};
      for (const m of Object.values(json.metadata.channels)) methods[m.method] = (methods[m.method] ?? 0) + 1;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const seconds = Math.round(sorted[Math.floor(RUNS / 2)] * 1000) / 1000;
    process.stdout.write(
      JSON.stringify({
        name: 'forecast-generate', channels: CHANNELS, historyIntervals: CHANNELS * WEEKS * 7 * SLOTS, horizonIntervals: rowCount, seconds,
        runs: times.map((t) => Math.round(t * 1000) / 1000), serverSeconds, target: TARGET_SECONDS, met: seconds < TARGET_SECONDS, methods, database: bench.database.kind,
      }) + '\n',
    );
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
