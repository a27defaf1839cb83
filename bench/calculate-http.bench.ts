/**
 * calculate-http: POST /api/v1/staffing/calculate with 3,360 intervals (a week of half-hours ×
 * 10 channels) over loopback, Erlang C 80/20 with 30% shrinkage. Target: p50 ≤ 30 ms.
 * Prints one JSON line.
 */
import { startBenchApp } from './app/start-bench-app.js';

const WARMUP = 20;
const RUNS = 200;

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const bench = await startBenchApp();
  try {
    const random = seeded(3360);
    const start = Date.parse('2026-03-02T00:00:00Z');
    const intervals = [];
    for (let c = 0; c < 10; c++) {
      for (let k = 0; k < 336; k++) {
        intervals.push({
          start: new Date(start + k * 1_800_000).toISOString(),
          channel: `ch${c}`,
          volume: Math.round(Math.exp(Math.log(5) + random() * Math.log(400))),
          ahtSeconds: 120 + Math.round(random() * 480),
        });
      }
    }
    const body = JSON.stringify({ intervalMinutes: 30, goal: { serviceLevelTarget: 0.8, thresholdSeconds: 20 }, shrinkage: 0.3, intervals });
    const call = async (): Promise<number> => {
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${bench.baseUrl}/api/v1/staffing/calculate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bench.schedulerKey}` },
        body,
      });
      const json = (await res.json()) as { intervals?: unknown[] };
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.status !== 200 || json.intervals?.length !== intervals.length) throw new Error(`calculate answered ${res.status}`);
      return ms;
    };
    for (let i = 0; i < WARMUP; i++) await call();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await call());
    times.sort((a, b) => a - b);
    const q = (p: number): number => Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))]) * 100) / 100;
    const p50 = q(0.5);
    process.stdout.write(
      JSON.stringify({ name: 'calculate-http', intervals: intervals.length, requests: RUNS, requestBytes: body.length, p50Ms: p50, p95Ms: q(0.95), p99Ms: q(0.99), targetP50Ms: 30, met: p50 <= 30, database: bench.database.kind }) + '\n',
    );
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
