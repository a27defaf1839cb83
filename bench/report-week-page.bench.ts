/**
 * Benchmark `report-week-page`: one JSON page of the interval comparison for one channel and one
 * week (336 half-hours) over the demo data (forecast, plan, schedules, agent states and actuals
 * all present, so every source is read and the headcount is computed), as a BI dashboard tile
 * refreshes it. Sequential GETs without If-None-Match over loopback HTTP after a warm-up: p50 and
 * p95 milliseconds (target p50 ≤ 30 ms).
 *
 *   npm run build && node dist/bench/report-week-page.bench.js
 *
 * Database: a throw-away database on the server of WFM_BENCH_DATABASE_URL when set, else an
 * embedded PostgreSQL. BENCH_REQUESTS sets the measured requests (default 60).
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DemoSeeder } from '../src/modules/demo/demo.seeder.js';
import { DEFAULT_TENANT_ID } from '../src/modules/tenants/tenants.service.js';
import { startBenchApp } from './app/start-bench-app.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const TARGET_MS = 30;
const PATH = '/api/v1/reports/interval-comparison?channel=retail&from=1999-10-10T00:00:00%2B02:00&to=1999-10-17T00:00:00%2B02:00&limit=1000';

async function main(): Promise<void> {
  const bench = await startBenchApp();
  try {
    await bench.app.get(DemoSeeder).seedTenant(DEFAULT_TENANT_ID);
    const get = async (): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${bench.baseUrl}${PATH}`, { headers: { Authorization: `Bearer ${bench.adminKey}` } });
      const body = (await res.json()) as { data: unknown[] };
      if (res.status !== 200 || body.data.length < 200) throw new Error(`unexpected answer: ${res.status}, ${body.data?.length} rows`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 10; i++) await get();
    const ms: number[] = [];
    for (let i = 0; i < REQUESTS; i++) ms.push(await get());
    ms.sort((a, b) => a - b);
    const at = (q: number): number => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] * 10) / 10;
    const p50 = at(0.5);
    process.stdout.write(JSON.stringify({
      bench: 'report-week-page', rows: 206, requests: REQUESTS, p50Ms: p50, p95Ms: at(0.95), targetP50Ms: TARGET_MS, met: p50 <= TARGET_MS,
      database: process.env.WFM_BENCH_DATABASE_URL ? 'server' : 'embedded',
    }) + '\n');
  } finally {
    await bench.close();
  }
}

await main();
