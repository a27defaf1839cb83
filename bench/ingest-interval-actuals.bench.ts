/**
 * Benchmark `ingest-interval-actuals`: a generated 1,000,000-row interval-actuals CSV POSTed over
 * loopback to a freshly started engine until committed. Prints one JSON line:
 * {"name","database","rows","seconds","rowsPerSecond","target","met","peakRssMb","rssGrowthMb",...}.
 *
 *   npm run build && node dist/bench/ingest-interval-actuals.bench.js
 *
 * Database: a throw-away database on the server of WFM_BENCH_DATABASE_URL or DATABASE_URL when
 * set, else on an embedded PostgreSQL in a temporary directory. BENCH_ROWS overrides the row count.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createZoneClock } from '../src/core/time/create-zone-clock.js';
import { formatLocalIso } from '../src/core/time/format-local-iso.js';
import { ApiKeysService } from '../src/modules/api-keys/api-keys.service.js';
import { ChannelsService } from '../src/modules/channels/channels.service.js';
import { TenantsRepository } from '../src/modules/tenants/tenants.repository.js';
import { createApp } from '../src/app-factory.js';
import { loadConfig } from '../src/platform/config/app-config.js';
import { dropDatabase, ensureDatabase, startEmbeddedDatabase, type EmbeddedDatabase } from '../src/platform/database/embedded-database.js';
import { createLogger } from '../src/platform/logging/logger.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const TARGET = 250_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'];
const CHANNELS = 100;
const TENANT = '00000000-0000-4000-8000-00000000be01';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Writes the CSV in the order of an ACD interval report: interval by interval, every channel
 * in each (so not in the table's key order). Starts carry their UTC offset, as careful exports
 * do (local times of a repeated autumn hour would be refused as ambiguous).
 */
async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds,talk_seconds,agents_staffed\n');
  const clocks = ZONES.map((z) => createZoneClock(z));
  const intervals = Math.ceil(ROWS / CHANNELS);
  const start = Date.UTC(2025, 0, 1);
  let written = 0;
  let chunk = '';
  for (let i = 0; i < intervals && written < ROWS; i++) {
    const ms = start + i * 1_800_000;
    const stamps = clocks.map((c) => formatLocalIso(ms, c.offsetMinutesAt(ms)));
    for (let c = 0; c < CHANNELS && written < ROWS; c++) {
      const offered = 20 + ((i * 7 + c * 13) % 180);
      const answered = offered - (offered % 9);
      const abandoned = offered - answered;
      const within = Math.floor(answered * 0.8);
      chunk += `ch${String(c).padStart(3, '0')},${stamps[c % ZONES.length]},${offered},${answered},${abandoned},${within},${Math.floor(abandoned / 2)},20,${answered * 183.5},${answered * 12.25},${answered * 150},${(offered / 9).toFixed(2)}\n`;
      written++;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const serverUrl = process.env.WFM_BENCH_DATABASE_URL || process.env.DATABASE_URL || null;
  const dir = mkdtempSync(join(tmpdir(), 'wfm-bench-'));
  const name = `wfm_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl: string;
  if (serverUrl) adminUrl = serverUrl;
  else {
    // Not inside `dir` (mode 0700): as root the cluster runs as the OS user postgres.
    embedded = await startEmbeddedDatabase({ dataDir: join(tmpdir(), `${name}-pg`), port: await freePort(), ephemeral: true });
    adminUrl = embedded.adminUrl;
  }
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const csvPath = join(dir, 'interval-actuals.csv');
  try {
    await generate(csvPath);
    const bytes = statSync(csvPath).size;
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', LOG_FORMAT: 'json', WFM_UPLOAD_LIMIT_BYTES: String(Math.max(200_000_000, bytes + 1)), WFM_SEED_DEMO: 'false' });
    const app = await createApp(config, url.toString(), createLogger(config));
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as { port: number }).port;
    await app.get(TenantsRepository).ensure(TENANT, 'bench');
    const key = (await app.get(ApiKeysService).create(TENANT, 'bench planner', 'planner')).key;
    const channels = app.get(ChannelsService);
    for (let c = 0; c < CHANNELS; c++) {
      await channels.put(TENANT, `ch${String(c).padStart(3, '0')}`, { name: `channel ${c}`, media: 'voice-inbound', timeZone: ZONES[c % ZONES.length], intervalMinutes: 30 });
    }
    if (global.gc) global.gc();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = process.hrtime.bigint();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/actuals/intervals', headers: { 'Content-Type': 'text/csv', 'Content-Length': bytes, Authorization: `Bearer ${key}` } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      createReadStream(csvPath).pipe(req);
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (answer.status !== 201) throw new Error(`upload answered ${answer.status}: ${answer.body.slice(0, 500)}`);
    const result = JSON.parse(answer.body) as { rows: number };
    if (result.rows !== ROWS) throw new Error(`upload wrote ${result.rows} rows, expected ${ROWS}`);
    const rowsPerSecond = Math.round(ROWS / seconds);
    process.stdout.write(
      JSON.stringify({
        name: 'ingest-interval-actuals',
        database: serverUrl ? 'server' : 'embedded',
        rows: ROWS,
        bytes,
        order: 'interval-major',
        seconds: Math.round(seconds * 1000) / 1000,
        rowsPerSecond,
        target: TARGET,
        met: rowsPerSecond >= TARGET,
        peakRssMb: Math.round(peak / 1e6),
        rssGrowthMb: Math.round((peak - baseline) / 1e6),
      }) + '\n',
    );
    await app.close();
  } finally {
    rmSync(csvPath, { force: true });
    await dropDatabase(adminUrl, name).catch(() => undefined);
    if (embedded) await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
