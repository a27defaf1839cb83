/**
 * load-calculate and load-report-page: sustained load over loopback, as a closed loop of
 * keep-alive connections in another process (bench/lib/load-client.ts), 20 s at concurrency 10
 * and 50 each (BENCH_LOAD_SECONDS, BENCH_LOAD_CONNECTIONS). One JSON line per figure and
 * concurrency: req/s, p50 and p99 (ms), errors (must be 0), and the app's RSS before and after.
 *
 * - `load-calculate`: `POST /api/v1/staffing/calculate`, a week of half-hours of one channel
 *   (336 intervals, Erlang C 80/20, shrinkage 0.3), with a scheduler key;
 * - `load-report-page`: `GET /api/v1/reports/interval-comparison`, one week of one channel's
 *   15-minute intervals (672 rows: forecast, actuals with staffed agents, so every row has an
 *   Erlang C prediction) as one JSON page, with an analyst key.
 *
 *   npm run build && node dist/bench/load-http.bench.js
 *
 * Rate limits are off (WFM_RATE_LIMIT_ENABLED=false): this measures the engine, not the limiter.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TENANT_ID } from '../src/modules/tenants/tenants.repository.js';
import { ApiKeysService } from '../src/modules/api-keys/api-keys.service.js';
import { startBenchApp } from './app/start-bench-app.js';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const CONNECTIONS = (process.env.BENCH_LOAD_CONNECTIONS ?? '10,50').split(',').map(Number);
const CLIENT = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'load-client.js');

interface LoadSpec {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  bytes: number;
}

function load(spec: LoadSpec & { connections: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLIENT, JSON.stringify({ ...spec, seconds: SECONDS })], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load client exited with ${status}`))));
  });
}

const rssMb = (): number => Math.round((process.memoryUsage().rss / 1048576) * 10) / 10;

async function main(): Promise<void> {
  const bench = await startBenchApp();
  try {
    const analystKey = (await bench.app.get(ApiKeysService).create(DEFAULT_TENANT_ID, 'bench analyst', 'analyst')).key;
    const admin = { authorization: `Bearer ${bench.adminKey}` };
    const put = await fetch(`${bench.baseUrl}/api/v1/channels/voice`, {
      method: 'PUT', headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Voice', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 15, serviceLevelTarget: 0.8, thresholdSeconds: 20 }),
    });
    if (put.status !== 201 && put.status !== 200) throw new Error(`channel: ${put.status}`);
    const start = Date.UTC(2026, 2, 2);
    const forecast = ['channel,interval_start,volume,aht_seconds'];
    const actuals = ['channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds,agents_staffed'];
    for (let k = 0; k < 672; k++) {
      const at = new Date(start + k * 900_000).toISOString();
      const volume = 20 + ((k * 37) % 80);
      forecast.push(`voice,${at},${volume},${180 + (k % 7) * 10}`);
      actuals.push(`voice,${at},${volume},${volume - 2},2,${volume - 8},1,20,${(volume - 2) * 185},${volume * 12},${Math.ceil((volume * 185) / 900) + 2}`);
    }
    for (const [path, csv] of [['/api/v1/forecasts', forecast], ['/api/v1/actuals/intervals', actuals]] as const) {
      const res = await fetch(`${bench.baseUrl}${path}`, { method: 'POST', headers: { ...admin, 'content-type': 'text/csv' }, body: csv.join('\n') });
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    }

    const intervals = [];
    for (let k = 0; k < 336; k++) intervals.push({ start: new Date(start + k * 1_800_000).toISOString(), volume: 20 + ((k * 53) % 300), ahtSeconds: 180 + (k % 9) * 20 });
    const calculate = JSON.stringify({ intervalMinutes: 30, goal: { serviceLevelTarget: 0.8, thresholdSeconds: 20 }, shrinkage: 0.3, intervals });
    const report = `${bench.baseUrl}/api/v1/reports/interval-comparison?channel=voice&from=2026-03-02&to=2026-03-09&limit=1000`;
    const check = await fetch(report, { headers: { authorization: `Bearer ${analystKey}` } });
    const rows = ((await check.json()) as { data: unknown[] }).data.length;
    if (check.status !== 200 || rows !== 672) throw new Error(`report: ${check.status}, ${rows} rows`);

    const figures: Array<{ name: string; spec: LoadSpec; detail: Record<string, number> }> = [
      { name: 'load-calculate', spec: { url: `${bench.baseUrl}/api/v1/staffing/calculate`, method: 'POST', headers: { authorization: `Bearer ${bench.schedulerKey}`, 'content-type': 'application/json' }, body: calculate }, detail: { intervals: 336 } },
      { name: 'load-report-page', spec: { url: report, method: 'GET', headers: { authorization: `Bearer ${analystKey}` }, body: null }, detail: { rows } },
    ];
    for (const figure of figures) {
      for (const connections of CONNECTIONS) {
        const rssBeforeMb = rssMb();
        const result = await load({ ...figure.spec, connections });
        const rssAfterMb = rssMb();
        process.stdout.write(
          JSON.stringify({ name: figure.name, ...figure.detail, connections, ...result, rssBeforeMb, rssAfterMb, database: bench.database.kind, met: result.errors === 0 }) + '\n',
        );
      }
    }
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
