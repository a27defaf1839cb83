import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { KpiRollupRow } from './kpi-source.js';

export type StoredGranularity = 'day' | 'week' | 'month';

/** A stored rollup row as read back. */
export interface StoredRollup {
  channelKey: number;
  periodStart: Date;
  kpi: string;
  /** '' for the row over everything, else `name:value` (`contact-type:PS`). */
  dimension: string;
  numerator: number;
  denominator: number;
  value: number | null;
  detail: Record<string, unknown> | null;
  computedAt: Date;
}

/**
 * Which dimension rows a read wants: `{ exact: '' }` the un-split rows (the default), `{ exact:
 * 'contact-type:PS' }` one value, `{ name: 'contact-type' }` every value of one dimension.
 */
export type DimensionFilter = { readonly exact: string } | { readonly name: string };

/** SQL condition on `dimension` for a filter given as parameters $a (exact or null) and $b (name or null). */
const dimensionWhere = (a: string, b: string): string =>
  `((${a}::text IS NOT NULL AND dimension = ${a}) OR (${b}::text IS NOT NULL AND starts_with(dimension, ${b} || ':')))`;
const dimensionParams = (d: DimensionFilter): [string | null, string | null] => ('exact' in d ? [d.exact, null] : [null, d.name]);

export interface RollupFilter {
  tenantId: string;
  granularity: StoredGranularity;
  channelKey: number;
  kpis: readonly string[];
  dimension: DimensionFilter;
  fromUtc: Date;
  toUtc: Date;
}

/** The rollup table (`kpi_rollups`): replace a range in one transaction, read it in (period start, KPI, dimension) order. */
@Injectable()
export class KpisRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** One recompute of a tenant at a time (concurrent recomputes of the same range would interleave). */
  async lockTenant(m: EntityManager, tenantId: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kpi-rollups:${tenantId}`]);
  }

  /**
   * The range of whole periods of `granularity` that hold [from, to) in any of `zones`: from the
   * earliest start of the period holding `from` to the latest end of the period holding the
   * last instant before `to`.
   */
  async periodRange(granularity: StoredGranularity, fromUtc: Date, toUtc: Date, zones: readonly string[]): Promise<{ fromUtc: Date; toUtc: Date }> {
    const [row] = await this.db.query<Array<{ fromUtc: Date; toUtc: Date }>>(
      `SELECT min(date_trunc($1, $2::timestamptz AT TIME ZONE z) AT TIME ZONE z) AS "fromUtc",
         max((date_trunc($1, ($3::timestamptz - interval '1 microsecond') AT TIME ZONE z) + ('1 ' || $1)::interval) AT TIME ZONE z) AS "toUtc"
       FROM unnest($4::text[]) z`,
      [granularity, fromUtc, toUtc, zones],
    );
    return row;
  }

  /** The start of the `granularity` period holding each instant, cut in the zone beside it (PostgreSQL's calendar, as `periodRange`). */
  async periodStarts(granularity: StoredGranularity, instants: readonly Date[], zones: readonly string[]): Promise<Date[]> {
    if (instants.length === 0) return [];
    const rows = await this.db.query<Array<{ p: Date }>>(
      `SELECT date_trunc($1, t AT TIME ZONE z) AT TIME ZONE z AS p
       FROM unnest($2::timestamptz[], $3::text[]) WITH ORDINALITY AS u(t, z, i) ORDER BY i`,
      [granularity, instants, zones],
    );
    return rows.map((r) => r.p);
  }

  /** Deletes the stored rows of the KPIs (every dimension) in [from, to) for one granularity; returns how many. */
  async deleteRange(m: EntityManager, tenantId: string, granularity: StoredGranularity, fromUtc: Date, toUtc: Date, kpis: readonly string[]): Promise<number> {
    const result = await m.query<[unknown[], number]>(
      `DELETE FROM kpi_rollups WHERE tenant_id = $1 AND granularity = $2 AND period_start >= $3 AND period_start < $4 AND kpi = ANY($5::text[])`,
      [tenantId, granularity, fromUtc, toUtc, kpis],
    );
    return result[1];
  }

  /** Inserts rows in one statement per 20,000 (columns as arrays, unnested by the server). */
  async insert(m: EntityManager, tenantId: string, granularity: StoredGranularity, rows: readonly KpiRollupRow[], computedAt: Date): Promise<void> {
    for (let i = 0; i < rows.length; i += 20_000) {
      const chunk = rows.slice(i, i + 20_000);
      await m.query(
        `INSERT INTO kpi_rollups (tenant_id, channel_key, granularity, period_start, kpi, dimension, numerator, denominator, value, detail, computed_at)
         SELECT $1, k, $2, p, kpi, dim, n, d, v, dt, $3
         FROM unnest($4::int[], $5::timestamptz[], $6::text[], $7::float8[], $8::float8[], $9::float8[], $10::jsonb[], $11::text[]) AS u(k, p, kpi, n, d, v, dt, dim)`,
        [
          tenantId, granularity, computedAt,
          chunk.map((r) => r.channelId ?? 0),
          chunk.map((r) => r.periodStart),
          chunk.map((r) => r.kpi),
          chunk.map((r) => r.numerator),
          chunk.map((r) => r.denominator),
          chunk.map((r) => r.value),
          chunk.map((r) => (r.detail ? JSON.stringify(r.detail) : null)),
          chunk.map((r) => r.dimension ?? ''),
        ],
      );
    }
  }

  /** Rows of one channel key in (period start, KPI, dimension) order after such a key. */
  async read(filter: RollupFilter, after: { periodStart: Date; kpi: string; dimension: string } | null, limit: number): Promise<StoredRollup[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT channel_key AS "channelKey", period_start AS "periodStart", kpi, dimension, numerator, denominator, value, detail, computed_at AS "computedAt"
       FROM kpi_rollups
       WHERE tenant_id = $1 AND channel_key = $2 AND granularity = $3 AND period_start >= $4 AND period_start < $5 AND kpi = ANY($6::text[])
         AND ${dimensionWhere('$10', '$11')}
         AND ($7::timestamptz IS NULL OR (period_start, kpi, dimension) > ($7::timestamptz, $8::text, $12::text))
       ORDER BY period_start, kpi, dimension LIMIT $9`,
      [filter.tenantId, filter.channelKey, filter.granularity, filter.fromUtc, filter.toUtc, filter.kpis, after?.periodStart ?? null, after?.kpi ?? '', limit,
        ...dimensionParams(filter.dimension), after?.dimension ?? ''],
    );
    return rows as unknown as StoredRollup[];
  }

  /** What a listing's ETag is made of: how many rows match, and the last time any of them was computed. */
  async fingerprint(tenantId: string, granularity: StoredGranularity, channelKeys: readonly number[], kpis: readonly string[], dimension: DimensionFilter, fromUtc: Date, toUtc: Date): Promise<string> {
    const [row] = await this.db.query<Array<{ f: string }>>(
      `SELECT count(*)::text || ':' || coalesce((extract(epoch FROM max(computed_at)) * 1e6)::bigint::text, '0') AS f
       FROM kpi_rollups WHERE tenant_id = $1 AND granularity = $2 AND channel_key = ANY($3::int[]) AND kpi = ANY($4::text[])
         AND period_start >= $5 AND period_start < $6 AND ${dimensionWhere('$7', '$8')}`,
      [tenantId, granularity, channelKeys, kpis, fromUtc, toUtc, ...dimensionParams(dimension)],
    );
    return row.f;
  }

  async forecastVersionExists(tenantId: string, id: string): Promise<boolean> {
    const [row] = await this.db.query<Array<{ has: boolean }>>('SELECT EXISTS (SELECT 1 FROM forecast_versions WHERE tenant_id = $1 AND id = $2) AS has', [tenantId, id]);
    return row.has;
  }

  async hasSchedules(tenantId: string): Promise<boolean> {
    const [row] = await this.db.query<Array<{ has: boolean }>>('SELECT EXISTS (SELECT 1 FROM schedule_activities WHERE tenant_id = $1) AS has', [tenantId]);
    return row.has;
  }

  /** Every tenant with its zone: the zone of its channels when they share one, else UTC (as tenantZoneOf). */
  async tenantZones(): Promise<Array<{ tenantId: string; zone: string }>> {
    return this.db.query(
      `SELECT t.id AS "tenantId", CASE WHEN count(DISTINCT c.time_zone) = 1 THEN min(c.time_zone) ELSE 'UTC' END AS zone
       FROM tenants t LEFT JOIN channels c ON c.tenant_id = t.id GROUP BY t.id`,
    );
  }

  /**
   * Claims the nightly recompute of `tenantId`'s local day `day` (YYYY-MM-DD) for this instance:
   * true for the one instance whose claim lands, false for the others (and for a night already run).
   */
  async claimNightlyRun(tenantId: string, day: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO kpi_nightly_runs (tenant_id, day) VALUES ($1, $2::date) ON CONFLICT DO NOTHING RETURNING 1`,
      [tenantId, day],
    );
    return rows.length === 1;
  }

  /** Gives a claimed night back (its recompute failed): the next firing of any instance runs it. */
  async releaseNightlyRun(tenantId: string, day: string): Promise<void> {
    await this.db.query(`DELETE FROM kpi_nightly_runs WHERE tenant_id = $1 AND day = $2::date`, [tenantId, day]);
  }

  /** The local day before the one holding `at` in `zone`: [start, end) in UTC. */
  async previousLocalDay(zone: string, at: Date): Promise<{ fromUtc: Date; toUtc: Date; day: string }> {
    const [row] = await this.db.query<Array<{ fromUtc: Date; toUtc: Date; day: string }>>(
      `SELECT (date_trunc('day', $2::timestamptz AT TIME ZONE $1) - interval '1 day') AT TIME ZONE $1 AS "fromUtc",
         date_trunc('day', $2::timestamptz AT TIME ZONE $1) AT TIME ZONE $1 AS "toUtc",
         to_char(date_trunc('day', $2::timestamptz AT TIME ZONE $1) - interval '1 day', 'YYYY-MM-DD') AS day`,
      [zone, at],
    );
    return row;
  }

  /**
   * The UTC range of the rows an upload wrote into the KPI input tables (nulls when none), with a
   * day of margin on dates (local dates of any zone). Workforce events reach to now: a hire
   * changes the average headcount of every later period.
   */
  async uploadRange(tenantId: string, uploadId: string): Promise<{ fromUtc: Date | null; toUtc: Date | null }> {
    const d = (e: string): string => `(${e})::timestamp AT TIME ZONE 'UTC'`;
    const [row] = await this.db.query<Array<{ fromUtc: Date | null; toUtc: Date | null }>>(
      `SELECT min(f) AS "fromUtc", max(t) AS "toUtc" FROM (
         SELECT ${d("min(evaluated_on) - 1")} AS f, ${d("max(evaluated_on) + 2")} AS t FROM quality_evaluations WHERE tenant_id = $1 AND upload_id = $2
         UNION ALL SELECT ${d("min(responded_on) - 1")}, ${d("max(responded_on) + 2")} FROM survey_responses WHERE tenant_id = $1 AND upload_id = $2
         UNION ALL SELECT ${d("min(contact_on) - 1")}, ${d("max(contact_on) + 2")} FROM fcr_outcomes WHERE tenant_id = $1 AND upload_id = $2
         UNION ALL SELECT ${d("min(period_start) - 1")}, ${d("max(period_end) + 1")} FROM cost_entries WHERE tenant_id = $1 AND upload_id = $2
         UNION ALL SELECT ${d("min(period_start) - 1")}, ${d("max(period_end) + 1")} FROM customer_counts WHERE tenant_id = $1 AND upload_id = $2
         UNION ALL SELECT ${d("min(event_on) - 1")}, CASE WHEN count(*) > 0 THEN now() + interval '1 day' END FROM workforce_events WHERE tenant_id = $1 AND upload_id = $2
         UNION ALL SELECT min(attempted_at), max(attempted_at) + interval '1 second' FROM outbound_attempts WHERE tenant_id = $1 AND upload_id = $2
         UNION ALL SELECT min(created_at), max(greatest(created_at, resolved_at, first_response_at)) + interval '1 second' FROM cases WHERE tenant_id = $1 AND upload_id = $2
         -- an update changes the cadence KPI of the period its case was created in
         UNION ALL SELECT least(min(u.updated_at), min(c.created_at)), max(u.updated_at) + interval '1 second'
           FROM case_updates u JOIN cases c ON c.tenant_id = u.tenant_id AND c.case_id = u.case_id WHERE u.tenant_id = $1 AND u.upload_id = $2
         UNION ALL SELECT min(shift_start), max(end_at) FROM schedule_activities WHERE tenant_id = $1 AND upload_id = $2
         UNION ALL SELECT min(start_at) - interval '1 day', max(end_at) + interval '1 day' FROM agent_states WHERE tenant_id = $1 AND upload_id = $2
       ) r`,
      [tenantId, uploadId],
    );
    return row;
  }
}
