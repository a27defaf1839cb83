import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Granularity } from '../../core/time/granularity.js';
import { periodStartSql } from '../../platform/database/period-sql.js';

/** Where and how far one chunk of a channel's intervals is read. */
export interface ChunkQuery {
  tenantId: string;
  channelId: number;
  timeZone: string;
  granularity: Granularity;
  /** First interval start read (inclusive), UTC ms. */
  fromMs: number;
  /** End of the range (exclusive), UTC ms. */
  toMs: number;
  limit: number;
}

/**
 * A chunk as columns (no object, no string per value): column 0 the interval start and 1 the
 * period start (UTC ms; NaN for interval granularity, where the period is the interval), then
 * the table's columns at the indexes below; NaN where the database has NULL.
 */
export interface ChunkColumns {
  length: number;
  columns: Float64Array[];
}

/** Forecast chunk: volume, AHT seconds. */
export const F_VOLUME = 2;
export const F_AHT = 3;
/** Actuals chunk: offered, answered, abandoned, within (answered + abandoned within the threshold), threshold, handle, wait seconds, agents staffed. */
export const A_OFFERED = 2;
export const A_ANSWERED = 3;
export const A_ABANDONED = 4;
export const A_WITHIN = 5;
export const A_THRESHOLD = 6;
export const A_HANDLE = 7;
export const A_WAIT = 8;
export const A_STAFFED = 9;
/** Plan chunk: the plan's index in the plan ids given, agents, fractional agents. */
export const P_PLAN = 2;
export const P_AGENTS = 3;
export const P_FRACTIONAL = 4;

/**
 * Packs the rows of `select` (every column a number or NULL, ordered by its first column) into
 * one text per chunk: cells joined by `,` (NULL empty), rows by `;`, with the row count. The
 * client then reads one string per chunk instead of one string per cell (a year of intervals is
 * millions of cells, whose strings and parsing were a third of the report's CPU time). The
 * aggregate takes the rows in the order of the ordered subquery (an ORDER BY inside string_agg
 * would sort them again: three times the database time over a channel-year on PostgreSQL 15);
 * `unpack` checks that order.
 * Measured per 2,000-row chunk of actuals (COPY to /dev/null, median of 30): plain rows 1.1 ms,
 * this text 2.5 ms, float8send bytea 5.2 ms (the database's time is the other core's).
 */
function packedSql(select: string, columnCount: number): string {
  const names = Array.from({ length: columnCount }, (_, k) => `c${k}`);
  return `SELECT count(*)::int AS n, string_agg(concat(${names.join(", ',', ")}), ';') AS b FROM (${select}) s(${names.join(', ')})`;
}

/** A cell of packed text: an integer read digit by digit, anything else (decimals, exponents, NaN, Infinity) by parseFloat; empty is NaN. */
function cell(text: string, from: number, to: number): number {
  if (from === to) return NaN;
  let i = from;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let value = 0;
  for (; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return parseFloat(text.slice(from, to));
    value = value * 10 + digit;
  }
  // Integers beyond 2^53 lose digits in the running sum: parse them whole.
  return value > Number.MAX_SAFE_INTEGER ? parseFloat(text.slice(from, to)) : negative ? -value : value;
}

/** Decodes `packedSql` output into columns; throws if the first column does not increase. */
function unpack(n: number, text: string | null, columnCount: number): ChunkColumns {
  const columns = Array.from({ length: columnCount }, () => new Float64Array(n));
  if (text === null || n === 0) return { length: 0, columns };
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < columnCount; k++) {
      let end = at;
      const stop = k === columnCount - 1 ? 59 : 44; // ';' ends a row, ',' a cell
      while (end < text.length && text.charCodeAt(end) !== stop) end++;
      columns[k][i] = cell(text, at, end);
      at = end + 1;
    }
  }
  const first = columns[0];
  for (let i = 1; i < n; i++) if (!(first[i] > first[i - 1])) throw new Error('reports: a packed chunk is not in interval order');
  return { length: n, columns };
}

/** Abandoned contacts of an interval as logged per contact, with their summed waits. */
export interface AbandonedWaitRow {
  t: number;
  abandoned: number;
  waitSeconds: number;
}

/** Interval start in UTC ms (date_part is float8 arithmetic; extract would be numeric). */
const T = "date_part('epoch', interval_start) * 1000";

/** The period start column (UTC ms, or null for interval granularity) and its parameters, numbered from `next`. */
function period(q: ChunkQuery, next: number, column = 'interval_start'): [string, unknown[]] {
  if (q.granularity === 'interval') return ['NULL::float8', []];
  return [`date_part('epoch', ${periodStartSql(column, `$${next}::text`, `$${next + 1}::text`)}) * 1000`, [q.granularity, q.timeZone]];
}

/**
 * SQL of the reports. Interval rows are read in chunks by keyset (interval_start after
 * the last one read) along each table's primary key, so a chunk costs its own size whatever the
 * range, and a year never sits in memory.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The forecast versions holding intervals of this channel in [from, to), newest first (the newest holding an interval is its forecast). */
  async versionsCovering(tenantId: string, channelCode: string, fromMs: number, toMs: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM forecast_versions
        WHERE tenant_id = $1 AND $2 = ANY(channel_codes) AND first_interval_start < $4 AND last_interval_start >= $3
        ORDER BY created_at DESC, id DESC`,
      [tenantId, channelCode, new Date(fromMs), new Date(toMs)],
    );
    return rows.map((r) => r.id);
  }

  /** Forecast against offered actuals of one channel of a version, per local period, after `afterMs`. */
  accuracyRows(
    tenantId: string, versionId: string, channelId: number, timeZone: string, granularity: 'interval' | 'day' | 'week' | 'month',
    fromMs: number, toMs: number, afterMs: number | null, limit: number,
  ): Promise<AccuracyRow[]> {
    return this.db.query(
      `WITH p AS (
         SELECT ${periodStartSql('f.interval_start', '$6', '$7')} AS period_start, f.volume, a.offered AS actual
           FROM forecast_intervals f
           LEFT JOIN interval_actuals a ON a.tenant_id = f.tenant_id AND a.channel_id = f.channel_id AND a.interval_start = f.interval_start
          WHERE f.tenant_id = $1 AND f.version_id = $2 AND f.channel_id = $3 AND f.interval_start >= $4 AND f.interval_start < $5)
       SELECT (extract(epoch FROM period_start) * 1000)::float8 AS t, sum(volume)::float8 AS forecast,
              sum(actual)::float8 AS actual, (sum(volume) FILTER (WHERE actual IS NOT NULL))::float8 AS "forecastMatched",
              count(*)::int AS "forecastIntervals", count(actual)::int AS "actualIntervals"
         FROM p WHERE ($8::timestamptz IS NULL OR period_start > $8)
        GROUP BY period_start ORDER BY period_start LIMIT $9`,
      [tenantId, versionId, channelId, new Date(fromMs), new Date(toMs), granularity, timeZone, afterMs === null ? null : new Date(afterMs), limit],
    );
  }

  /** Per channel summary over [from, to), over the intervals with both a forecast and actuals: intervals and local months within ±5%, WAPE and bias. */
  async accuracySummary(tenantId: string, versionId: string, channelId: number, timeZone: string, fromMs: number, toMs: number): Promise<AccuracySummaryRow> {
    const rows: AccuracySummaryRow[] = await this.db.query(
      `WITH i AS (
         SELECT f.interval_start, f.volume::float8 AS forecast, a.offered::float8 AS actual
           FROM forecast_intervals f
           JOIN interval_actuals a ON a.tenant_id = f.tenant_id AND a.channel_id = f.channel_id AND a.interval_start = f.interval_start
          WHERE f.tenant_id = $1 AND f.version_id = $2 AND f.channel_id = $3 AND f.interval_start >= $4 AND f.interval_start < $5),
       m AS (SELECT sum(forecast) AS forecast, sum(actual) AS actual FROM i GROUP BY date_trunc('month', interval_start AT TIME ZONE $6))
       SELECT (SELECT count(*) FROM i WHERE actual > 0)::int AS intervals,
              (SELECT count(*) FROM i WHERE actual > 0 AND abs(forecast - actual) <= 0.05 * actual)::int AS "intervalsWithin",
              (SELECT count(*) FROM m WHERE actual > 0)::int AS months,
              (SELECT count(*) FROM m WHERE actual > 0 AND abs(forecast - actual) <= 0.05 * actual)::int AS "monthsWithin",
              (SELECT coalesce(sum(abs(forecast - actual)), 0) FROM i)::float8 AS "absError",
              (SELECT coalesce(sum(forecast), 0) FROM i)::float8 AS "sumForecast",
              (SELECT coalesce(sum(actual), 0) FROM i)::float8 AS "sumActual"`,
      [tenantId, versionId, channelId, new Date(fromMs), new Date(toMs), timeZone],
    );
    return rows[0];
  }


  /** The rows of `select` as columns (see `packedSql`). */
  private async columns(select: string, columnCount: number, values: unknown[]): Promise<ChunkColumns> {
    const rows: Array<{ n: number; b: string | null }> = await this.db.query(packedSql(select, columnCount), values);
    return unpack(rows[0].n, rows[0].b, columnCount);
  }

  /**
   * Forecast intervals of one version, or, given several versions (newest first), of the newest
   * of them holding each interval (ranked by position, as `planChunk`).
   */
  forecastChunk(q: ChunkQuery, versionIds: readonly string[]): Promise<ChunkColumns> {
    const [p, params] = period(q, 7);
    if (versionIds.length === 1) {
      return this.columns(
        `SELECT ${T}, ${p}, volume, aht_seconds
           FROM forecast_intervals
          WHERE tenant_id = $1 AND version_id = $2 AND channel_id = $3 AND interval_start >= $4 AND interval_start < $5
          ORDER BY interval_start LIMIT $6`,
        4,
        [q.tenantId, versionIds[0], q.channelId, new Date(q.fromMs), new Date(q.toMs), q.limit, ...params],
      );
    }
    return this.columns(
      `SELECT DISTINCT ON (interval_start) ${T}, ${p}, volume, aht_seconds
         FROM forecast_intervals
        WHERE tenant_id = $1 AND channel_id = $2 AND interval_start >= $3 AND interval_start < $4 AND version_id = ANY($6::uuid[])
        ORDER BY interval_start, array_position($6::uuid[], version_id) LIMIT $5`,
      4,
      [q.tenantId, q.channelId, new Date(q.fromMs), new Date(q.toMs), q.limit, versionIds, ...params],
    );
  }

  actualsChunk(q: ChunkQuery): Promise<ChunkColumns> {
    const [p, params] = period(q, 6);
    return this.columns(
      `SELECT ${T}, ${p}, offered, answered, abandoned, answered_within_threshold + abandoned_within_threshold,
              threshold_seconds, handle_seconds, wait_seconds, agents_staffed
         FROM interval_actuals
        WHERE tenant_id = $1 AND channel_id = $2 AND interval_start >= $3 AND interval_start < $4
        ORDER BY interval_start LIMIT $5`,
      10,
      [q.tenantId, q.channelId, new Date(q.fromMs), new Date(q.toMs), q.limit, ...params],
    );
  }

  /**
   * Plan intervals of one plan, or, given several plans (newest first), of the newest of them
   * covering each interval (ranked by position: no join, no parallel plan for a small read).
   */
  planChunk(q: ChunkQuery, planIds: readonly string[]): Promise<ChunkColumns> {
    if (planIds.length === 1) {
      const [p, params] = period(q, 7);
      return this.columns(
        `SELECT ${T}, ${p}, 0, agents, agents_fractional
           FROM staffing_plan_intervals
          WHERE tenant_id = $1 AND plan_id = $2 AND channel_id = $3 AND interval_start >= $4 AND interval_start < $5
          ORDER BY interval_start LIMIT $6`,
        5,
        [q.tenantId, planIds[0], q.channelId, new Date(q.fromMs), new Date(q.toMs), q.limit, ...params],
      );
    }
    const [p, params] = period(q, 7);
    return this.columns(
      `SELECT DISTINCT ON (interval_start) ${T}, ${p}, array_position($6::uuid[], plan_id) - 1, agents, agents_fractional
         FROM staffing_plan_intervals
        WHERE tenant_id = $1 AND channel_id = $2 AND interval_start >= $3 AND interval_start < $4 AND plan_id = ANY($6::uuid[])
        ORDER BY interval_start, array_position($6::uuid[], plan_id) LIMIT $5`,
      5,
      [q.tenantId, q.channelId, new Date(q.fromMs), new Date(q.toMs), q.limit, planIds, ...params],
    );
  }

  /** The tenant's plans covering a channel, newest first, with the service-level target of their settings for it (null: none). */
  plansCovering(tenantId: string, channelCode: string): Promise<Array<{ id: string; goal: number | null }>> {
    return this.db.query(
      `SELECT sp.id, (SELECT (e->'goal'->>'serviceLevelTarget')::float8
                        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(sp.settings) = 'array' THEN sp.settings ELSE '[]'::jsonb END) e
                       WHERE e->>'channel' = $2 LIMIT 1) AS goal
         FROM staffing_plans sp WHERE sp.tenant_id = $1 AND $2 = ANY(sp.channel_codes)
        ORDER BY sp.created_at DESC, sp.id DESC`,
      [tenantId, channelCode],
    );
  }

  /** Whether any schedule activity / agent state overlaps [from, to) (the adherence headcount has something to say). */
  async headcountInputs(tenantId: string, fromMs: number, toMs: number): Promise<{ schedules: boolean; states: boolean }> {
    const rows: Array<{ schedules: boolean; states: boolean }> = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM schedule_activities WHERE tenant_id = $1 AND start_at < $3 AND end_at > $2) AS schedules,
              EXISTS (SELECT 1 FROM agent_states WHERE tenant_id = $1 AND start_at < $3 AND end_at > $2) AS states`,
      [tenantId, new Date(fromMs), new Date(toMs)],
    );
    return rows[0];
  }

  /** Abandoned contacts and their summed waits per interval, from the per-contact logs of a channel in [from, to). */
  abandonedWaits(tenantId: string, channelId: number, fromMs: number, toMs: number): Promise<AbandonedWaitRow[]> {
    return this.db.query(
      `SELECT ${T} AS t, count(*)::float8 AS abandoned, coalesce(sum(wait_seconds), 0)::float8 AS "waitSeconds"
         FROM contacts
        WHERE tenant_id = $1 AND channel_id = $2 AND interval_start >= $3 AND interval_start < $4 AND outcome = 'abandoned'
        GROUP BY interval_start ORDER BY interval_start`,
      [tenantId, channelId, new Date(fromMs), new Date(toMs)],
    );
  }

  /** Whether the tenant has this staffing plan. */
  async planExists(tenantId: string, planId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM staffing_plans WHERE tenant_id = $1 AND id = $2', [tenantId, planId]);
    return rows.length > 0;
  }

  /** The tenant's data fingerprint, led by the tenant id (see `dataFingerprint`). */
  async dataFingerprint(tenantId: string): Promise<string> {
    return `${tenantId}|${await dataFingerprint(this.db, tenantId)}`;
  }
}

/**
 * A fingerprint of everything the tenant's reports read: uploads (actuals, contacts, forecasts,
 * schedules, states), forecast versions, plans, channel settings and adherence rules. Any write
 * among them changes a count or a latest time. Each part reads one small table (never the
 * interval tables), so it costs about a millisecond at any data size. Shared by every report's
 * weak ETag (interval comparison, calibration, forecast accuracy).
 */
export async function dataFingerprint(db: DataSource, tenantId: string): Promise<string> {
  const rows: Array<{ f: string }> = await db.query(
    `SELECT concat_ws('|',
       (SELECT count(*) || ':' || coalesce(max(started_at)::text, '') || ':' || coalesce(max(finished_at)::text, '') FROM uploads WHERE tenant_id = $1),
       (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM forecast_versions WHERE tenant_id = $1),
       (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM staffing_plans WHERE tenant_id = $1),
       (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM channels WHERE tenant_id = $1),
       (SELECT coalesce(max(updated_at)::text, '') FROM adherence_settings WHERE tenant_id = $1)) AS f`,
    [tenantId],
  );
  return rows[0].f;
}

export interface AccuracyRow {
  t: number;
  /** Σ forecast of the period. */
  forecast: number;
  /** Σ offered over the intervals with actuals; null when none has. */
  actual: number | null;
  /** Σ forecast over the intervals with actuals (what the actual is compared with); null when none has. */
  forecastMatched: number | null;
  forecastIntervals: number;
  actualIntervals: number;
}

export interface AccuracySummaryRow {
  intervals: number;
  intervalsWithin: number;
  months: number;
  monthsWithin: number;
  absError: number;
  sumForecast: number;
  sumActual: number;
}
