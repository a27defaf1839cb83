/**
 * Benchmark `kpi-rollup-year`: 20 channels × a year of 15-minute interval actuals (700,800
 * rows, with staffed agents) rolled up to every stored granularity (day, ISO week, month; per
 * channel and for all channels) by the KPI engine: SQL sums, src/core/kpi formulas, delete and
 * insert of the range in one transaction. Interval rows are not stored (computed on read); the
 * last figure is such a read: every interval KPI of the 20 channels over 31 days.
 *
 *   npm run build && WFM_BENCH_DATABASE_URL=postgres://... node dist/bench/kpi-rollup-year.bench.js
 *
 * Prints one JSON line per granularity (each recomputed alone), one for the three together
 * (`total`, target under 10 s, `met`) and one for the interval read. Database: a throw-away
 * database on the server of WFM_BENCH_DATABASE_URL when set, else an embedded PostgreSQL.
 */
import 'reflect-metadata';
import { ChannelsService } from '../src/modules/channels/channels.service.js';
import { KpisService } from '../src/modules/kpis/kpis.service.js';
import type { StoredGranularity } from '../src/modules/kpis/kpis.repository.js';
import { DEFAULT_TENANT_ID } from '../src/modules/tenants/tenants.repository.js';
import { startBenchApp } from './app/start-bench-app.js';
import { DataSource } from 'typeorm';

const CHANNELS = 20;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'];
const FROM = new Date('2025-01-01T00:00:00Z');
const TO = new Date('2026-01-01T00:00:00Z');
const TARGET_SECONDS = 10;

async function main(): Promise<void> {
  const bench = await startBenchApp({ KPI_SCHEDULE_ENABLED: 'false', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' });
  const database = process.env.WFM_BENCH_DATABASE_URL ? 'server' : 'embedded';
  try {
    const channels = bench.app.get(ChannelsService);
    for (let c = 0; c < CHANNELS; c++) {
      await channels.put(DEFAULT_TENANT_ID, `ch${String(c).padStart(2, '0')}`, {
        name: `Channel ${c}`, media: 'voice-inbound', timeZone: ZONES[c % ZONES.length], intervalMinutes: 15, thresholdSeconds: 20,
      } as never);
    }
    const db = bench.app.get(DataSource);
    // 96 × 365 × 20 = 700,800 rows, loaded directly (ingestion has its own bench).
    await db.query(
      `INSERT INTO interval_actuals (tenant_id, channel_id, interval_start, offered, answered, abandoned, answered_within_threshold,
         abandoned_within_threshold, threshold_seconds, handle_seconds, wait_seconds, agents_staffed, upload_id)
       SELECT $1, c.id, $2::timestamptz + i * interval '15 minutes', o, o - o % 9, o % 9, ((o - o % 9) * 4) / 5, (o % 9) / 2, 20,
         (o - o % 9) * 183.5, (o - o % 9) * 12.25, o / 9.0, '00000000-0000-4000-8000-00000000be07'
       FROM channels c, generate_series(0, 35039) i, LATERAL (SELECT 20 + ((i * 7 + c.id * 13) % 180) AS o) v
       WHERE c.tenant_id = $1`,
      [DEFAULT_TENANT_ID, FROM],
    );
    await db.query('ANALYZE interval_actuals');
    const [{ rows }] = await db.query<Array<{ rows: number }>>('SELECT count(*)::int AS rows FROM interval_actuals WHERE tenant_id = $1', [DEFAULT_TENANT_ID]);
    const kpis = bench.app.get(KpisService);
    const print = (figure: Record<string, unknown>): void => void process.stdout.write(JSON.stringify({ name: 'kpi-rollup-year', database, rows, ...figure }) + '\n');

    await kpis.recompute(DEFAULT_TENANT_ID, FROM, TO, ['month']); // warm-up (plans, caches)
    for (const granularity of ['day', 'week', 'month'] as StoredGranularity[]) {
      const t0 = performance.now();
      const result = await kpis.recompute(DEFAULT_TENANT_ID, FROM, TO, [granularity]);
      print({ granularity, seconds: round((performance.now() - t0) / 1000), rollupRows: result.rows[granularity] });
    }
    const t0 = performance.now();
    const all = await kpis.recompute(DEFAULT_TENANT_ID, FROM, TO);
    const seconds = (performance.now() - t0) / 1000;
    print({ granularity: 'total', seconds: round(seconds), rollupRows: all.rows.day + all.rows.week + all.rows.month, target: TARGET_SECONDS, met: seconds < TARGET_SECONDS });

    const t1 = performance.now();
    const listing = await kpis.list(DEFAULT_TENANT_ID, { granularity: 'interval', from: '2025-03-01', to: '2025-04-01', format: 'json', limit: 10_000 }, 'json');
    print({ granularity: 'interval-read', range: '31 days', seconds: round((performance.now() - t1) / 1000), pageRows: 'type' in listing && listing.type === 'json' ? listing.body.data.length : 0 });
  } finally {
    await bench.close();
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
