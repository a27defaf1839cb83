/**
 * Benchmark `adherence-month`: 2,000 agents × 30 days, about 40 state changes per agent-day
 * (2.4 million state segments) and their schedules (5 activities per agent-day), uploaded as CSV
 * over loopback to a freshly started engine, then adherence computed for all agents
 * (GET /api/v1/adherence, level=agent, granularity=day, streamed CSV). Prints one JSON line:
 * {"name","database","agents","days","stateRows","scheduleRows","loadSeconds","computeSeconds",
 *  "seconds","kernelSeconds","target","met",...}; `kernelSeconds` is sweepAdherence alone on the
 * same data in this process (median of 3); `backgroundUntilIdleSeconds` is from the start until
 * the upload listeners running in the background (KPI rollups) are done too.
 *
 *   npm run build && node dist/bench/adherence-month.bench.js
 *
 * Database: a throw-away database on the server of WFM_BENCH_DATABASE_URL when set, else an
 * embedded PostgreSQL. BENCH_AGENTS and BENCH_DAYS override the size.
 */
import 'reflect-metadata';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepAdherence } from '../src/core/adherence/sweep-adherence.js';
import { formatUtcIso } from '../src/core/time/format-utc-iso.js';
import { compileSettings, DEFAULT_SETTINGS } from '../src/modules/adherence/adherence-settings.js';
import { UploadEvents } from '../src/modules/uploads/upload-events.js';
import { startBenchApp } from './app/start-bench-app.js';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 2000);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const STATES_PER_DAY = 40;
const TARGET_SECONDS = 20;
const CHANNELS = 10;
const DAY0 = Date.UTC(2026, 2, 1) / 1000;
const compiled = compileSettings(DEFAULT_SETTINGS);
const act = (code: string): number => compiled.activityIndex.get(code)!;
const st = (code: string): number => compiled.stateIndex.get(code)!;
const CYCLE = ['on-contact', 'after-contact-work', 'available', 'on-contact', 'outbound', 'available'];

interface Columns {
  agent: number[];
  code: number[];
  start: number[];
  end: number[];
}

/** One agent-day: 5 activities and 40 states, with deterministic late returns and early log-offs. */
function agentDay(a: number, d: number, schedule: Columns, states: Columns): void {
  const s0 = DAY0 + d * 86_400 + (6 + (a % 8)) * 3600;
  const plan: Array<[string, number, number]> = [
    ['work', 0, 7200], ['break', 7200, 8100], ['work', 8100, 14_400], ['lunch', 14_400, 16_200], ['work', 16_200, 30_600],
  ];
  for (const [activity, from, to] of plan) {
    schedule.agent.push(a);
    schedule.code.push(act(activity));
    schedule.start.push(s0 + from);
    schedule.end.push(s0 + to);
  }
  // 40 states over [s0 - 120, s0 + 30 600 + 300): break and lunch states follow the plan with a
  // jitter of up to ±3 minutes, the rest cycle through working states.
  const jitter = ((a * 7919 + d * 104_729) % 361) - 180;
  const marks: Array<[number, string]> = [[-120, 'available'], [7200 + jitter, 'break'], [8100 + jitter, 'available'], [14_400 - jitter, 'lunch'], [16_200 + jitter, 'available']];
  const fill = STATES_PER_DAY - marks.length - 1;
  const step = 30_600 / (fill + 1);
  for (let k = 1; k <= fill; k++) {
    const t = Math.round(k * step);
    if ((t > 7200 - 300 && t < 8100 + 300) || (t > 14_400 - 300 && t < 16_200 + 300)) marks.push([t + 600, CYCLE[k % CYCLE.length]]);
    else marks.push([t, CYCLE[k % CYCLE.length]]);
  }
  marks.push([30_600 + (a % 5 === 0 ? -900 : 300), 'offline']);
  marks.sort((x, y) => x[0] - y[0]);
  for (let k = 0; k < marks.length; k++) {
    const end = k + 1 < marks.length ? marks[k + 1][0] : 30_600 + 1800;
    if (end <= marks[k][0]) continue;
    states.agent.push(a);
    states.code.push(st(marks[k][1]));
    states.start.push(s0 + marks[k][0]);
    states.end.push(s0 + end);
  }
}

async function writeCsv(path: string, header: string, n: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let chunk = header + '\n';
  for (let i = 0; i < n; i++) {
    chunk += line(i) + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function send(baseUrl: string, key: string, method: string, path: string, file: string | null): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Authorization: `Bearer ${key}` };
    if (file) Object.assign(headers, { 'Content-Type': 'text/csv', 'Content-Length': statSync(file).size });
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let body = '';
      let bytes = 0;
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        bytes += d.length;
        if (body.length < 2000) body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: method === 'GET' ? `${bytes}` : body }));
    });
    req.on('error', reject);
    if (file) createReadStream(file).pipe(req);
    else req.end();
  });
}

async function main(): Promise<void> {
  const schedule: Columns = { agent: [], code: [], start: [], end: [] };
  const states: Columns = { agent: [], code: [], start: [], end: [] };
  for (let a = 0; a < AGENTS; a++) for (let d = 0; d < DAYS; d++) agentDay(a, d, schedule, states);

  // Kernel alone (median of 3).
  const cols = (c: Columns) => ({ agent: Int32Array.from(c.agent), code: Int32Array.from(c.code), start: Float64Array.from(c.start), end: Float64Array.from(c.end) });
  const [sc, sa] = [cols(schedule), cols(states)];
  const times: number[] = [];
  let exceptions = 0;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    exceptions = sweepAdherence(sc, sa, compiled.rules).exceptions.length;
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((x, y) => x - y);

  const dir = mkdtempSync(join(tmpdir(), 'wfm-bench-adherence-'));
  const agentId = (a: number): string => `agent${String(a).padStart(5, '0')}`;
  const activities = DEFAULT_SETTINGS.activities.map((x) => x.code);
  const stateCodes = DEFAULT_SETTINGS.states.map((x) => x.code);
  const schedulePath = join(dir, 'schedules.csv');
  const statesPath = join(dir, 'states.csv');
  await writeCsv(schedulePath, 'agent_id,team,channels,activity,start,end', schedule.agent.length, (i) => {
    const a = schedule.agent[i];
    const channels = a % 3 === 0 ? `ch${a % CHANNELS}|ch${(a + 1) % CHANNELS}` : `ch${a % CHANNELS}`;
    return `${agentId(a)},team${a % 50},${channels},${activities[schedule.code[i]]},${formatUtcIso(schedule.start[i] * 1000)},${formatUtcIso(schedule.end[i] * 1000)}`;
  });
  await writeCsv(statesPath, 'agent_id,state,start,end', states.agent.length, (i) =>
    `${agentId(states.agent[i])},${stateCodes[states.code[i]]},${formatUtcIso(states.start[i] * 1000)},${formatUtcIso(states.end[i] * 1000)}`);
  const bytes = statSync(schedulePath).size + statSync(statesPath).size;

  const bench = await startBenchApp({ WFM_UPLOAD_LIMIT_BYTES: String(2_000_000_000), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' });
  try {
    for (let c = 0; c < CHANNELS; c++) {
      const r = await new Promise<number>((resolve, reject) => {
        const url = new URL(bench.baseUrl);
        const body = JSON.stringify({ name: `channel ${c}`, media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30 });
        const req = httpRequest({ host: url.hostname, port: url.port, method: 'PUT', path: `/api/v1/channels/ch${c}`, headers: { Authorization: `Bearer ${bench.adminKey}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
      });
      if (r >= 300) throw new Error(`channel ch${c}: ${r}`);
    }
    const t0 = performance.now();
    const s = await send(bench.baseUrl, bench.schedulerKey, 'POST', '/api/v1/schedules', schedulePath);
    if (s.status !== 201) throw new Error(`schedules answered ${s.status}: ${s.body}`);
    const a = await send(bench.baseUrl, bench.schedulerKey, 'POST', '/api/v1/agent-states', statesPath);
    if (a.status !== 201) throw new Error(`agent states answered ${a.status}: ${a.body}`);
    const t1 = performance.now();
    const to = formatUtcIso((DAY0 + DAYS * 86_400) * 1000).slice(0, 10);
    const g = await send(bench.baseUrl, bench.adminKey, 'GET', `/api/v1/adherence?level=agent&granularity=day&from=2026-03-01&to=${to}&format=csv`, null);
    if (g.status !== 200) throw new Error(`adherence answered ${g.status}`);
    const t2 = performance.now();
    const seconds = (t2 - t0) / 1000;
    // Upload listeners (the KPI rollups) run in the background of the same process
    // and compete with the above; reported for attribution, not part of `seconds`.
    await bench.app.get(UploadEvents).idle();
    const t3 = performance.now();
    process.stdout.write(
      JSON.stringify({
        name: 'adherence-month',
        database: process.env.WFM_BENCH_DATABASE_URL ? 'server' : 'embedded',
        agents: AGENTS,
        days: DAYS,
        stateRows: states.agent.length,
        scheduleRows: schedule.agent.length,
        uploadBytes: bytes,
        exceptions,
        loadSeconds: Math.round(t1 - t0) / 1000,
        computeSeconds: Math.round(t2 - t1) / 1000,
        seconds: Math.round(seconds * 1000) / 1000,
        kernelSeconds: Math.round(times[1] * 1000) / 1000,
        backgroundUntilIdleSeconds: Math.round(t3 - t0) / 1000,
        target: TARGET_SECONDS,
        met: seconds < TARGET_SECONDS,
      }) + '\n',
    );
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
