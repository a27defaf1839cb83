/**
 * Benchmarks `report-csv-year` and `report-json-page`: the interval comparison report
 * over 20 channels × a year of 15-minute intervals (700,800 intervals) of interval actuals (with
 * staffed agents, so every interval gets an Erlang C prediction), a forecast version and a
 * staffing plan, written straight into a throw-away database, then read over loopback HTTP.
 * Prints one JSON line per figure:
 * - `report-csv-year`: the whole CSV, downloaded by a client in another process, three times
 *   (BENCH_DOWNLOADS): the median download's seconds (≤ 5) and time to first byte (median,
 *   ≤ 200 ms), every download's seconds (`secondsRuns`), the largest app RSS growth in MB (≤ 150;
 *   the app runs in this process, sampled every 20 ms; run with --expose-gc for `heapRetainedMb`,
 *   the heap left after a full collection), rows and bytes; and where the CPU went during the
 *   median download (from /proc, on Linux with the server on this machine): the app's, the
 *   client's, the database server's and the whole machine's CPU seconds (two cores give twice
 *   the wall time at most);
 * - `report-json-page`: one JSON page of 1,000 rows at 30 cursors spread over the channels and
 *   the year: p50 (target ≤ 50 ms) and p95;
 * - `report-etag`: a conditional GET of the year CSV answered 304 (fingerprint + ETag): p50.
 *
 *   npm run build && node dist/bench/report-csv-year.bench.js
 *
 * Database: a throw-away database on the server of WFM_BENCH_DATABASE_URL when set, else an
 * embedded PostgreSQL. BENCH_DAYS overrides the length (default 365).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { DataSource } from 'typeorm';
import { DEFAULT_TENANT_ID } from '../src/modules/tenants/tenants.repository.js';
import { encodeCursor } from '../src/modules/listing/paging.js';
import { startBenchApp } from './app/start-bench-app.js';

const CHANNELS = 20;
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
/** Whole downloads measured; the figures are the median one's (this machine's speed drifts between runs). */
const DOWNLOADS = Number(process.env.BENCH_DOWNLOADS ?? 3);
const INTERVALS = DAYS * 96;
const START = Date.UTC(2025, 0, 1);

declare const global: { gc?: () => void };
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
const code = (c: number): string => `ch${String(c).padStart(2, '0')}`;

interface Fetched {
  status: number;
  /** CPU seconds of the client process (downloads only). */
  cpuSeconds?: number;
  ttfbMs: number;
  ms: number;
  bytes: number;
  lines: number;
  etag: string | undefined;
  body: string;
}

/** The client of the CSV download: another process (as a BI tool is), so the app has this one to itself. */
const CLIENT = `
const http = require('node:http');
const [url, key] = process.argv.slice(1);
const t0 = performance.now();
let ttfb = -1, bytes = 0, lines = 0;
http.get(url, { headers: { Authorization: 'Bearer ' + key } }, (res) => {
  res.on('data', (d) => {
    if (ttfb < 0) ttfb = performance.now() - t0;
    bytes += d.length;
    for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
  });
  res.on('end', () => { const c = process.cpuUsage(); process.stdout.write(JSON.stringify({ status: res.statusCode, ttfbMs: ttfb, ms: performance.now() - t0, bytes, lines, etag: res.headers.etag, cpuSeconds: (c.user + c.system) / 1e6 })); });
});`;

function download(url: string, key: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CLIENT, url, key], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve({ ...(JSON.parse(out) as Omit<Fetched, 'body'>), body: '' }) : reject(new Error(`client exited with ${status}`))));
  });
}

/** GETs a path; counts bytes and CRLF lines, keeps at most `keep` characters of the body. */
function get(baseUrl: string, key: string, path: string, headers: Record<string, string> = {}, keep = 0): Promise<Fetched> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ttfb = -1;
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { Authorization: `Bearer ${key}`, ...headers } }, (res) => {
      let bytes = 0;
      let lines = 0;
      let body = '';
      res.on('data', (d: Buffer) => {
        if (ttfb < 0) ttfb = performance.now() - t0;
        bytes += d.length;
        for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
        if (body.length < keep) body += d.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ttfbMs: ttfb < 0 ? performance.now() - t0 : ttfb, ms: performance.now() - t0, bytes, lines, etag: res.headers.etag, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** CPU seconds of the whole machine (user, system, softirq) and of the local PostgreSQL server's processes, from /proc (null where not readable). */
function machineCpu(): { busy: number | null; db: number | null } {
  const tick = 100;
  let busy: number | null = null;
  let db: number | null = null;
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    busy = (f[0] + f[1] + f[2] + f[5] + f[6]) / tick;
    db = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
        const rest = stat.slice(close + 2).split(' ');
        db += (Number(rest[11]) + Number(rest[12])) / tick;
      } catch {
        // The process ended while being read.
      }
    }
  } catch {
    // Not Linux.
  }
  return { busy, db };
}

async function load(db: DataSource, channelIds: number[]): Promise<void> {
  const tenant = DEFAULT_TENANT_ID;
  const from = new Date(START);
  const last = new Date(START + (INTERVALS - 1) * 900_000);
  const version = randomUUID();
  const plan = randomUUID();
  const upload = randomUUID();
  const codes = channelIds.map((_id, c) => code(c));
  await db.query(
    `INSERT INTO forecast_versions (tenant_id, id, label, source, channel_codes, first_interval_start, last_interval_start, row_count, content_sha256)
     VALUES ($1, $2, 'bench year', 'bench', $3, $4, $5, $6, $7)`,
    [tenant, version, codes, from, last, INTERVALS * CHANNELS, version],
  );
  const settings = codes.map((c) => ({ channel: c, goal: { serviceLevelTarget: 0.8, thresholdSeconds: 20 } }));
  await db.query(
    `INSERT INTO staffing_plans (tenant_id, id, label, forecast_version_id, model, service_level_definition, channel_codes, settings, interval_count,
       first_interval_start, last_interval_start, totals)
     VALUES ($1, $2, 'bench plan', $3, 'erlang-c', 'answered-or-abandoned-within/offered', $4, $5, $6, $7, $8, '{}'::jsonb)`,
    [tenant, plan, version, codes, JSON.stringify(settings), INTERVALS * CHANNELS, from, last],
  );
  // Volume: a daily bell with a weekly rhythm, per channel a different size; deterministic.
  const series = `FROM generate_series(0, ${INTERVALS - 1}) AS k,
    LATERAL (SELECT $2::timestamptz + k * interval '15 minutes' AS s,
                    greatest(0, round((20 + 3 * ($3::int % 7)) * (1.2 + sin(((k % 96) - 30) * pi() / 48)) * (1 - 0.3 * ((k / 96) % 7 = 6)::int)))::int AS v) g`;
  for (const id of channelIds) {
    await db.query(
      `INSERT INTO forecast_intervals (tenant_id, version_id, channel_id, interval_start, volume, aht_seconds)
       SELECT $1, $4, $3, s, v * 1.05, 180 + (k % 7) ${series}`,
      [tenant, from, id, version],
    );
    await db.query(
      `INSERT INTO interval_actuals (tenant_id, channel_id, interval_start, offered, answered, abandoned, answered_within_threshold,
         abandoned_within_threshold, threshold_seconds, handle_seconds, wait_seconds, agents_staffed, upload_id)
       SELECT $1, $3, s, v, v - v / 20, v / 20, (v - v / 20) * 8 / 10, v / 40, 20, (v - v / 20) * (175 + k % 11), (v - v / 20) * (5 + k % 13),
              ceil(v * 180 / 900.0) + 2, $4 ${series}`,
      [tenant, from, id, upload],
    );
    await db.query(
      `INSERT INTO staffing_plan_intervals (tenant_id, plan_id, channel_id, interval_start, volume, aht_seconds, shrinkage, agents, agents_fractional,
         required_with_shrinkage, service_level, binding)
       SELECT $1, $4, $3, s, v * 1.05, 180, 0.3, ceil(v * 1.05 * 180 / 900.0)::int + 2, v * 1.05 * 180 / 900.0 + 1.5,
              ceil((ceil(v * 1.05 * 180 / 900.0) + 2) / 0.7)::int, 0.8, 'service-level' ${series}`,
      [tenant, from, id, plan],
    );
  }
  // The steady state a BI refresh meets: autovacuum has passed over the loaded rows (hint bits
  // set, visibility map written). Without this, the download races autovacuum's first pass over
  // 2.1 million fresh rows for the two cores.
  await db.query('VACUUM ANALYZE forecast_intervals, interval_actuals, staffing_plan_intervals');
}

async function main(): Promise<void> {
  const bench = await startBenchApp({ LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' });
  try {
    const url = new URL(bench.baseUrl);
    const put = (c: number): Promise<number> => new Promise((resolve, reject) => {
      const body = JSON.stringify({ name: `channel ${c}`, media: 'voice-inbound', timeZone: ZONES[c % ZONES.length], intervalMinutes: 15, serviceLevelTarget: 0.8, thresholdSeconds: 20 });
      const req = httpRequest({ host: url.hostname, port: url.port, method: 'PUT', path: `/api/v1/channels/${code(c)}`,
        headers: { Authorization: `Bearer ${bench.adminKey}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
    for (let c = 0; c < CHANNELS; c++) if ((await put(c)) >= 300) throw new Error(`channel ${code(c)} refused`);
    const db = bench.app.get(DataSource);
    const ids: Array<{ id: number }> = await db.query('SELECT id FROM channels WHERE tenant_id = $1 ORDER BY code', [DEFAULT_TENANT_ID]);
    const t0 = performance.now();
    await load(db, ids.map((r) => r.id));
    const loadSeconds = (performance.now() - t0) / 1000;
    const database = process.env.WFM_BENCH_DATABASE_URL ? 'server' : 'embedded';
    const to = new Date(START + DAYS * 86_400_000).toISOString().slice(0, 10);
    const path = `/api/v1/reports/interval-comparison?from=2025-01-01T00:00:00Z&to=${to}T00:00:00Z`;

    // Warm-up: one small page (JIT, pool, plans).
    await get(bench.baseUrl, bench.adminKey, `${path}&limit=100`);
    const delta = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.round((b - a) * 100) / 100);
    /** One whole download, with the app's memory growth (sampled every 20 ms) and where the CPU went. */
    const measure = async (): Promise<{ csv: Fetched; rssGrowthMb: number; heapGrowthMb: number; appCpuSeconds: number; dbCpuSeconds: number | null; machineCpuSeconds: number | null }> => {
      global.gc?.();
      const m0 = process.memoryUsage();
      let peak = m0.rss;
      let heapPeak = m0.heapUsed;
      const sample = (): void => {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.rss);
        heapPeak = Math.max(heapPeak, m.heapUsed);
      };
      const sampler = setInterval(sample, 20);
      const cpu0 = process.cpuUsage();
      const machine0 = machineCpu();
      const csv = await download(`${bench.baseUrl}${path}&format=csv`, bench.adminKey);
      const cpu = process.cpuUsage(cpu0);
      const machine1 = machineCpu();
      clearInterval(sampler);
      sample();
      if (csv.status !== 200) throw new Error(`CSV answered ${csv.status}`);
      if (csv.lines - 1 !== CHANNELS * INTERVALS) throw new Error(`CSV had ${csv.lines - 1} rows`);
      return {
        csv, rssGrowthMb: (peak - m0.rss) / 1048576, heapGrowthMb: (heapPeak - m0.heapUsed) / 1048576,
        appCpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100, dbCpuSeconds: delta(machine0.db, machine1.db), machineCpuSeconds: delta(machine0.busy, machine1.busy),
      };
    };
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const runs = [];
    for (let i = 0; i < DOWNLOADS; i++) runs.push(await measure());
    // With --expose-gc: what stays after a full collection (a leak would; garbage not yet collected would not).
    global.gc?.();
    const retainedMb = global.gc ? Math.round((process.memoryUsage().heapUsed - heapBefore) / 1048576) : null;
    const median = [...runs].sort((x, y) => x.csv.ms - y.csv.ms)[Math.floor(runs.length / 2)];
    const csv = median.csv;
    const seconds = csv.ms / 1000;
    const ttfbMs = [...runs].map((r) => r.csv.ttfbMs).sort((x, y) => x - y)[Math.floor(runs.length / 2)];
    const rssGrowthMb = Math.max(...runs.map((r) => r.rssGrowthMb));
    process.stdout.write(JSON.stringify({
      name: 'report-csv-year', database, channels: CHANNELS, days: DAYS, rows: csv.lines - 1, bytes: csv.bytes, loadSeconds: Math.round(loadSeconds * 10) / 10,
      downloads: runs.length, secondsRuns: runs.map((r) => Math.round(r.csv.ms) / 1000),
      ttfbMs: Math.round(ttfbMs), seconds: Math.round(seconds * 1000) / 1000, rssGrowthMb: Math.round(rssGrowthMb),
      heapGrowthMb: Math.round(Math.max(...runs.map((r) => r.heapGrowthMb))), heapRetainedMb: retainedMb,
      appCpuSeconds: median.appCpuSeconds,
      clientCpuSeconds: Math.round((csv.cpuSeconds ?? NaN) * 100) / 100,
      dbCpuSeconds: median.dbCpuSeconds,
      machineCpuSeconds: median.machineCpuSeconds,
      targets: { ttfbMs: 200, seconds: 5, rssGrowthMb: 150, rows: CHANNELS * INTERVALS },
      met: { ttfb: ttfbMs <= 200, seconds: seconds <= 5, rss: rssGrowthMb <= 150, rows: csv.lines - 1 === CHANNELS * INTERVALS },
    }) + '\n');

    // JSON pages of 1,000 rows at cursors spread over the channels and the year.
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const c = (i * 7) % CHANNELS;
      const afterMs = START + ((i * 9973) % (INTERVALS - 2000)) * 900_000;
      const r = await get(bench.baseUrl, bench.adminKey, `${path}&limit=1000&cursor=${encodeCursor(code(c), String(afterMs))}`, {}, 1 << 30);
      if (r.status !== 200) throw new Error(`JSON page answered ${r.status}`);
      const body = JSON.parse(r.body) as { data: unknown[] };
      if (body.data.length !== 1000) throw new Error(`JSON page had ${body.data.length} rows`);
      times.push(r.ms);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)];
    process.stdout.write(JSON.stringify({
      name: 'report-json-page', database, rowsPerPage: 1000, requests: times.length, p50Ms: Math.round(p50 * 10) / 10,
      p95Ms: Math.round(times[Math.floor(times.length * 0.95)] * 10) / 10, target: 50, met: p50 <= 50,
    }) + '\n');

    // Conditional GETs of the unchanged year: 304 from the fingerprint alone.
    const etagTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await get(bench.baseUrl, bench.adminKey, `${path}&format=csv`, { 'If-None-Match': csv.etag ?? '' });
      if (r.status !== 304) throw new Error(`conditional GET answered ${r.status}`);
      etagTimes.push(r.ms);
    }
    etagTimes.sort((a, b) => a - b);
    process.stdout.write(JSON.stringify({ name: 'report-etag', database, requests: etagTimes.length, p50Ms: Math.round(etagTimes[15] * 10) / 10, target: 10, met: etagTimes[15] <= 10 }) + '\n');
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
