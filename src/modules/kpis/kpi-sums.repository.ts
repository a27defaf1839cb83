import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KpiGranularity } from './kpi-source.js';

/**
 * The sums the built-in KPI sources are computed from, read in SQL (sums and counts are what
 * the database does best). Every query returns one row per (channel, period) and one per
 * period for all channels together (`channel_id` null), periods cut in the channel's zone and
 * in the tenant zone respectively, for the periods that start in [from, to). Period starts are
 * returned as epoch milliseconds.
 */
export interface ActualsSums {
  channelId: number | null;
  p: number;
  /** Local date of the period start and its length in days (1 for intervals too). */
  localDate: string;
  periodDays: number;
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithin: number;
  abandonedWithin: number;
  handleSeconds: number;
  waitSeconds: number;
  /** Handle seconds and staffed agent-seconds of the intervals with staffed agents. */
  staffedHandleSeconds: number;
  staffedSeconds: number;
  /** Intervals with both a forecast and an actual offered > 0, their Σ forecast, Σ actual, and how many within ±5%. */
  forecastIntervals: number;
  forecastContacts: number;
  forecastActualContacts: number;
  forecastWithin: number;
}

export interface DatedSums {
  channelId: number | null;
  p: number;
  /** What is summed (a survey kind, an event, a cost kind), when the query distinguishes. */
  kind: string;
  n: number;
  sum: number;
  extra: number;
  scaleMinLow: number | null;
  scaleMinHigh: number | null;
  scaleMaxLow: number | null;
  scaleMaxHigh: number | null;
  currency: string | null;
}

/** A sum per contact type, channel (null: all channels) and period. */
export interface ContactTypeSums {
  contactType: string;
  channelId: number | null;
  p: number;
  sum: number;
  /** The smallest currency code of the summed cost entries; null for counts. */
  currency: string | null;
}

export interface AttemptRow {
  targetId: string;
  rightParty: boolean;
  channelId: number | null;
  p: number | null;
  pt: number;
}

export interface CustomerCount {
  channelId: number | null;
  periodStart: string;
  periodEnd: string;
  customers: number;
}

export interface AgentSpan {
  hiredOn: string | null;
  leftOn: string | null;
  voluntary: boolean | null;
}

export interface TenantPeriod {
  p: number;
  localDate: string;
  periodDays: number;
}

/** The period of a timestamptz column in a zone ($2 granularity placeholder). */
function periodOf(column: string, zone: string): string {
  return `CASE WHEN $2 = 'interval' THEN ${column} ELSE (date_trunc($2, ${column} AT TIME ZONE ${zone}) AT TIME ZONE ${zone}) END`;
}

/** The period of a date column in a zone (day, week or month). */
function periodOfDate(column: string, zone: string): string {
  return `(date_trunc($2, ${column}::timestamp) AT TIME ZONE ${zone})`;
}

const MS = (e: string): string => `(extract(epoch FROM ${e}) * 1000)::float8`;
/** Reading window of data whose period may start in [$3, $4): a month is at most 31 days long, zones shift by up to 26 hours. */
const DATA_TO = `$4::timestamptz + interval '33 days'`;

/**
 * The CTEs `days` and `x` of the cost sums: the tenant's cost entries matching `where` (on `ce`)
 * that overlap the range, spread evenly over the days they span (amount ÷ days), each day with
 * the period holding it in its channel's zone (`p`) and in the tenant's zone (`pt`), carrying
 * `column` of the entry, the channel, the amount `v` and the currency. Parameters: $1 tenant,
 * $2 granularity, $3 and $4 the range, $5 the tenant zone.
 */
function proratedCostsSql(column: 'kind' | 'contact_type', where: string): string {
  return `days AS (
         SELECT ce.${column}, ce.channel_id, d::date AS d, ce.amount::float8 / (ce.period_end - ce.period_start) AS v, ce.currency
         FROM cost_entries ce, generate_series(ce.period_start::timestamp, ce.period_end::timestamp - interval '1 day', interval '1 day') d
         WHERE ce.tenant_id = $1 AND ${where} AND ce.period_end >= ($3::timestamptz - interval '1 day')::date AND ce.period_start < ${DATA_TO}
       ), x AS (
         SELECT s.${column}, s.channel_id, ${periodOfDate('s.d', 'c.time_zone')} AS p, ${periodOfDate('s.d', '$5')} AS pt, s.v, s.currency
         FROM days s LEFT JOIN channels c ON c.tenant_id = $1 AND c.id = s.channel_id
       )`;
}

/**
 * The forecast of each interval: the newest version (by creation time) holding it, or the version
 * of the uuid parameter `version` when that is not null; intervals in [from, to).
 */
function newestForecast(version: string, from: string, to: string): string {
  return `SELECT DISTINCT ON (fi.channel_id, fi.interval_start) fi.channel_id, fi.interval_start, fi.volume
         FROM forecast_intervals fi JOIN forecast_versions fv ON fv.tenant_id = fi.tenant_id AND fv.id = fi.version_id
         WHERE fi.tenant_id = $1 AND (${version}::uuid IS NULL OR fi.version_id = ${version}) AND fi.interval_start >= ${from} AND fi.interval_start < ${to}
         ORDER BY fi.channel_id, fi.interval_start, fv.created_at DESC, fv.id DESC`;
}

/**
 * Per-interval measures of interval_actuals `ia` (channel `c`) and its forecast `f`; within ±5% means |F − A| ≤ 0.05 × A for A > 0.
 * Occupancy reads the intervals with staffed agents whose handle time fits in the staffed time: more is a data problem
 * (staffing under-reported), left out as the reports do, not an occupancy above 100%.
 */
const ACTUAL_MEASURES = `ia.offered, ia.answered, ia.abandoned, ia.answered_within_threshold AS aw, ia.abandoned_within_threshold AS bw,
           ia.handle_seconds AS handle, ia.wait_seconds AS wait,
           CASE WHEN ia.agents_staffed > 0 AND ia.handle_seconds <= ia.agents_staffed * c.interval_minutes * 60 THEN ia.handle_seconds ELSE 0 END AS staffed_handle,
           CASE WHEN ia.agents_staffed > 0 AND ia.handle_seconds <= ia.agents_staffed * c.interval_minutes * 60 THEN ia.agents_staffed * c.interval_minutes * 60 ELSE 0 END AS staffed_seconds,
           CASE WHEN f.volume IS NOT NULL AND ia.offered > 0 THEN 1 ELSE 0 END AS fn,
           CASE WHEN f.volume IS NOT NULL AND ia.offered > 0 THEN f.volume ELSE 0 END AS fv,
           CASE WHEN f.volume IS NOT NULL AND ia.offered > 0 THEN ia.offered ELSE 0 END AS fa,
           CASE WHEN f.volume IS NOT NULL AND ia.offered > 0 AND abs(f.volume - ia.offered) <= 0.05 * ia.offered THEN 1 ELSE 0 END AS fw`;

/** The sums of ACTUAL_MEASURES (numerators and denominators; ratios are computed from them). */
const ACTUAL_SUMS = `sum(offered)::float8 AS offered, sum(answered)::float8 AS answered, sum(abandoned)::float8 AS abandoned,
           sum(aw)::float8 AS aw, sum(bw)::float8 AS bw, sum(handle) AS handle, sum(wait) AS wait,
           sum(staffed_handle) AS staffed_handle, sum(staffed_seconds) AS staffed_seconds,
           sum(fn)::float8 AS fn, sum(fv) AS fv, sum(fa)::float8 AS fa, sum(fw)::float8 AS fw`;

@Injectable()
export class KpiSumsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs an aggregate over a range of the bulk tables with nested-loop joins turned off. Right
   * after a bulk load the tables have no statistics yet (autovacuum may be off or behind), the
   * planner then takes the forecast CTE for one row and joins it in a nested loop: n × m row
   * visits, minutes instead of a second for 12 weeks of 20 channels. A range aggregate always
   * wants hash or merge joins.
   */
  private rangeAggregate(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
    return this.db.transaction(async (m) => {
      await m.query('SET LOCAL enable_nestloop = off');
      return m.query<Array<Record<string, unknown>>>(sql, params);
    });
  }

  /**
   * Interval actuals and the forecast of each interval summed per channel and period, and per
   * period over all channels. The forecast of an interval is the newest forecast version (by
   * creation time) that holds it, or the version `forecastVersionId` when given; within ±5% means |F − A| ≤ 0.05 × A for an actual A > 0.
   */
  async actuals(tenantId: string, granularity: KpiGranularity, fromUtc: Date, toUtc: Date, tenantZone: string, forecastVersionId: string | null = null): Promise<ActualsSums[]> {
    const rows: Array<Record<string, unknown>> = await this.rangeAggregate(
      `WITH f AS (
         ${newestForecast('$6', '$3', `(CASE WHEN $2 = 'interval' THEN $4::timestamptz ELSE ${DATA_TO} END)`)}
       ), x AS (
         SELECT ia.channel_id, c.time_zone,
           ${periodOf('ia.interval_start', 'c.time_zone')} AS p,
           ${periodOf('ia.interval_start', '$5')} AS pt,
           ${ACTUAL_MEASURES}
         FROM interval_actuals ia
         JOIN channels c ON c.tenant_id = ia.tenant_id AND c.id = ia.channel_id
         LEFT JOIN f ON f.channel_id = ia.channel_id AND f.interval_start = ia.interval_start
         WHERE ia.tenant_id = $1 AND ia.interval_start >= $3 AND ia.interval_start < (CASE WHEN $2 = 'interval' THEN $4::timestamptz ELSE ${DATA_TO} END)
       ), g AS (
         SELECT CASE WHEN grouping(channel_id) = 0 THEN channel_id END AS channel_id,
           CASE WHEN grouping(channel_id) = 0 THEN p ELSE pt END AS p,
           CASE WHEN grouping(channel_id) = 0 THEN min(time_zone) ELSE $5 END AS zone,
           ${ACTUAL_SUMS}
         FROM x GROUP BY GROUPING SETS ((channel_id, p), (pt))
       )
       SELECT channel_id AS "channelId", ${MS('p')} AS p,
         to_char(p AT TIME ZONE zone, 'YYYY-MM-DD') AS "localDate",
         CASE WHEN $2 IN ('day', 'interval') THEN 1 ELSE ((p AT TIME ZONE zone + ('1 ' || $2)::interval)::date - (p AT TIME ZONE zone)::date) END AS "periodDays",
         offered, answered, abandoned, aw AS "answeredWithin", bw AS "abandonedWithin", handle AS "handleSeconds", wait AS "waitSeconds",
         staffed_handle AS "staffedHandleSeconds", staffed_seconds AS "staffedSeconds",
         fn AS "forecastIntervals", fv AS "forecastContacts", fa AS "forecastActualContacts", fw AS "forecastWithin"
       FROM g WHERE p >= $3 AND p < $4
       ORDER BY channel_id NULLS FIRST, p`,
      [tenantId, granularity, fromUtc, toUtc, tenantZone, forecastVersionId],
    );
    return rows as unknown as ActualsSums[];
  }

  /**
   * The same sums as `actuals` for several stored granularities in one pass over the data: the
   * rows are summed per channel and local day (and per tenant-zone day for all channels), and
   * weeks and months are summed from those days (a week or month of a zone is a union of its
   * local days). Each granularity keeps the periods that start in its own range.
   */
  async actualsMany(tenantId: string, ranges: ReadonlyArray<{ granularity: 'day' | 'week' | 'month'; fromUtc: Date; toUtc: Date }>, tenantZone: string, forecastVersionId: string | null = null): Promise<Map<string, ActualsSums[]>> {
    const fromUtc = new Date(Math.min(...ranges.map((r) => r.fromUtc.getTime())));
    const toUtc = new Date(Math.max(...ranges.map((r) => r.toUtc.getTime())));
    const rows: Array<Record<string, unknown>> = await this.rangeAggregate(
      `WITH f AS (
         ${newestForecast('$8', '$2', `$3::timestamptz + interval '33 days'`)}
       ), x AS (
         SELECT ia.channel_id, c.time_zone,
           date_trunc('day', ia.interval_start, c.time_zone) AS p, date_trunc('day', ia.interval_start, $4) AS pt,
           ${ACTUAL_MEASURES}
         FROM interval_actuals ia
         JOIN channels c ON c.tenant_id = ia.tenant_id AND c.id = ia.channel_id
         LEFT JOIN f ON f.channel_id = ia.channel_id AND f.interval_start = ia.interval_start
         WHERE ia.tenant_id = $1 AND ia.interval_start >= $2 AND ia.interval_start < $3::timestamptz + interval '33 days'
       ), d AS (
         SELECT CASE WHEN grouping(channel_id) = 0 THEN channel_id END AS channel_id,
           CASE WHEN grouping(channel_id) = 0 THEN p ELSE pt END AS p,
           CASE WHEN grouping(channel_id) = 0 THEN min(time_zone) ELSE $4 END AS zone,
           ${ACTUAL_SUMS}
         FROM x GROUP BY GROUPING SETS ((channel_id, p), (pt))
       ), g AS (
         SELECT 'day' AS granularity, * FROM d
         UNION ALL
         SELECT 'week', channel_id, date_trunc('week', p, zone), zone, ${ACTUAL_SUMS} FROM d GROUP BY channel_id, date_trunc('week', p, zone), zone
         UNION ALL
         SELECT 'month', channel_id, date_trunc('month', p, zone), zone, ${ACTUAL_SUMS} FROM d GROUP BY channel_id, date_trunc('month', p, zone), zone
       )
       SELECT granularity, channel_id AS "channelId", ${MS('p')} AS p,
         to_char(p AT TIME ZONE zone, 'YYYY-MM-DD') AS "localDate",
         CASE WHEN granularity = 'day' THEN 1 ELSE ((p AT TIME ZONE zone + ('1 ' || granularity)::interval)::date - (p AT TIME ZONE zone)::date) END AS "periodDays",
         offered, answered, abandoned, aw AS "answeredWithin", bw AS "abandonedWithin", handle AS "handleSeconds", wait AS "waitSeconds",
         staffed_handle AS "staffedHandleSeconds", staffed_seconds AS "staffedSeconds",
         fn AS "forecastIntervals", fv AS "forecastContacts", fa AS "forecastActualContacts", fw AS "forecastWithin"
       FROM g JOIN unnest($5::text[], $6::timestamptz[], $7::timestamptz[]) AS r(granularity, from_utc, to_utc) USING (granularity)
       WHERE g.p >= r.from_utc AND g.p < r.to_utc
       ORDER BY granularity, channel_id NULLS FIRST, p`,
      [tenantId, fromUtc, toUtc, tenantZone, ranges.map((r) => r.granularity), ranges.map((r) => r.fromUtc), ranges.map((r) => r.toUtc), forecastVersionId],
    );
    const out = new Map<string, ActualsSums[]>(ranges.map((r) => [r.granularity, []]));
    for (const row of rows) out.get(row.granularity as string)!.push(row as unknown as ActualsSums);
    return out;
  }

  /**
   * Daily inputs (evaluations, FCR outcomes, surveys) summed per channel and period and per
   * period for all channels; rows without a channel count only in the all-channels rows.
   * `sum` is Σ score ÷ max (evaluations), Σ resolved first time (FCR), Σ score (surveys);
   * `extra` is Σ top box for surveys (threshold `topBoxThreshold` of the scale).
   * Quality of contact (seed, family 4): Σ (score ÷ max score) ÷ evaluations, so forms with
   * different maxima are comparable. Satisfied customers (seed, family 6): a response is top box
   * when (score − scale min) ≥ threshold × (scale max − scale min): with 0.75, 4 and 5 of 1–5,
   * 8 to 10 of 0–10; the share is Σ top box ÷ responses. Both are computed here, per row, and
   * divided in the built-in source; the kpis e2e test checks them on hand-computed values.
   */
  async dated(tenantId: string, granularity: KpiGranularity, fromUtc: Date, toUtc: Date, tenantZone: string, topBoxThreshold: number): Promise<DatedSums[]> {
    const sources = `
      SELECT 'quality' AS kind, channel_id, evaluated_on AS d, score / max_score AS v, 0 AS e, NULL::float8 AS smin, NULL::float8 AS smax
        FROM quality_evaluations WHERE tenant_id = $1 AND evaluated_on >= ($3::timestamptz - interval '1 day')::date AND evaluated_on < ${DATA_TO}
      UNION ALL
      SELECT 'fcr', channel_id, contact_on, CASE WHEN resolved_first_time THEN 1 ELSE 0 END, 0, NULL, NULL
        FROM fcr_outcomes WHERE tenant_id = $1 AND contact_on >= ($3::timestamptz - interval '1 day')::date AND contact_on < ${DATA_TO}
      UNION ALL
      SELECT kind, channel_id, responded_on, score, CASE WHEN score - scale_min >= $6 * (scale_max - scale_min) THEN 1 ELSE 0 END, scale_min, scale_max
        FROM survey_responses WHERE tenant_id = $1 AND responded_on >= ($3::timestamptz - interval '1 day')::date AND responded_on < ${DATA_TO}`;
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH x AS (
         SELECT s.kind, s.channel_id, ${periodOfDate('s.d', 'c.time_zone')} AS p, ${periodOfDate('s.d', '$5')} AS pt, s.v, s.e, s.smin, s.smax
         FROM (${sources}) s LEFT JOIN channels c ON c.tenant_id = $1 AND c.id = s.channel_id
       ), g AS (
         SELECT kind, CASE WHEN grouping(channel_id) = 0 THEN channel_id END AS channel_id,
           CASE WHEN grouping(channel_id) = 0 THEN p ELSE pt END AS p,
           count(*)::float8 AS n, sum(v)::float8 AS sum, sum(e)::float8 AS extra,
           min(smin) AS smin_lo, max(smin) AS smin_hi, min(smax) AS smax_lo, max(smax) AS smax_hi
         FROM x GROUP BY GROUPING SETS ((kind, channel_id, p), (kind, pt))
       )
       SELECT kind, channel_id AS "channelId", ${MS('p')} AS p, n, sum, extra,
         smin_lo AS "scaleMinLow", smin_hi AS "scaleMinHigh", smax_lo AS "scaleMaxLow", smax_hi AS "scaleMaxHigh", NULL AS currency
       FROM g WHERE p >= $3 AND p < $4 AND (channel_id IS NOT NULL OR p IS NOT NULL)
       ORDER BY kind, channel_id NULLS FIRST, p`,
      [tenantId, granularity, fromUtc, toUtc, tenantZone, topBoxThreshold],
    );
    return rows.filter((r) => r.p !== null) as unknown as DatedSums[];
  }

  /**
   * Cost entries (actual, budget, revenue) prorated by days over the periods they span, summed
   * per channel and period and per period for all channels. `sum` is the amount, `currency` the
   * smallest currency code of the rows (amounts are in one currency per tenant: the costs upload
   * refuses a currency other than that of the tenant's stored cost entries, so `min` is that currency).
   */
  async costs(tenantId: string, granularity: KpiGranularity, fromUtc: Date, toUtc: Date, tenantZone: string): Promise<DatedSums[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH ${proratedCostsSql('kind', 'TRUE')}, g AS (
         SELECT kind, CASE WHEN grouping(channel_id) = 0 THEN channel_id END AS channel_id,
           CASE WHEN grouping(channel_id) = 0 THEN p ELSE pt END AS p,
           count(*)::float8 AS n, sum(v)::float8 AS sum, min(currency) AS currency
         FROM x GROUP BY GROUPING SETS ((kind, channel_id, p), (kind, pt))
       )
       SELECT kind, channel_id AS "channelId", ${MS('p')} AS p, n, sum, 0 AS extra,
         NULL AS "scaleMinLow", NULL AS "scaleMinHigh", NULL AS "scaleMaxLow", NULL AS "scaleMaxHigh", currency
       FROM g WHERE p >= $3 AND p < $4
       ORDER BY kind, channel_id NULLS FIRST, p`,
      [tenantId, granularity, fromUtc, toUtc, tenantZone],
    );
    return rows.filter((r) => r.p !== null) as unknown as DatedSums[];
  }

  /**
   * Actual costs of the cost entries that name a contact type, prorated by days as in `costs`,
   * summed per (contact type, channel, period) and per (contact type, period) for all channels
   * (entries without a channel count only there).
   */
  async actualCostsByContactType(tenantId: string, granularity: KpiGranularity, fromUtc: Date, toUtc: Date, tenantZone: string): Promise<ContactTypeSums[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH ${proratedCostsSql('contact_type', "ce.kind = 'actual' AND ce.contact_type IS NOT NULL")}, g AS (
         SELECT contact_type, CASE WHEN grouping(channel_id) = 0 THEN channel_id END AS channel_id,
           CASE WHEN grouping(channel_id) = 0 THEN p ELSE pt END AS p, sum(v)::float8 AS sum, min(currency) AS currency
         FROM x GROUP BY GROUPING SETS ((contact_type, channel_id, p), (contact_type, pt))
       )
       SELECT contact_type AS "contactType", channel_id AS "channelId", ${MS('p')} AS p, sum, currency
       FROM g WHERE p >= $3 AND p < $4
       ORDER BY contact_type, channel_id NULLS FIRST, p`,
      [tenantId, granularity, fromUtc, toUtc, tenantZone],
    );
    return rows.filter((r) => r.p !== null) as unknown as ContactTypeSums[];
  }

  /**
   * Answered per-contact records of the given contact types, counted per (contact type, channel,
   * period) and per (contact type, period) for all channels; a contact counts in the period of
   * the interval it arrived in (as interval actuals). `sum` is the count.
   */
  async answeredByContactType(tenantId: string, granularity: KpiGranularity, fromUtc: Date, toUtc: Date, tenantZone: string, contactTypes: readonly string[]): Promise<ContactTypeSums[]> {
    if (contactTypes.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH x AS (
         SELECT k.contact_type, k.channel_id, ${periodOf('k.interval_start', 'c.time_zone')} AS p, ${periodOf('k.interval_start', '$5')} AS pt
         FROM contacts k JOIN channels c ON c.tenant_id = k.tenant_id AND c.id = k.channel_id
         WHERE k.tenant_id = $1 AND k.outcome = 'answered' AND k.contact_type = ANY($6::text[])
           AND k.interval_start >= $3 AND k.interval_start < ${DATA_TO}
       ), g AS (
         SELECT contact_type, CASE WHEN grouping(channel_id) = 0 THEN channel_id END AS channel_id,
           CASE WHEN grouping(channel_id) = 0 THEN p ELSE pt END AS p, count(*)::float8 AS sum
         FROM x GROUP BY GROUPING SETS ((contact_type, channel_id, p), (contact_type, pt))
       )
       SELECT contact_type AS "contactType", channel_id AS "channelId", ${MS('p')} AS p, sum, NULL AS currency
       FROM g WHERE p >= $3 AND p < $4
       ORDER BY contact_type, channel_id NULLS FIRST, p`,
      [tenantId, granularity, fromUtc, toUtc, tenantZone, contactTypes],
    );
    return rows as unknown as ContactTypeSums[];
  }

  /** Outbound attempts sorted by target then time, with the periods of each attempt (channel zone, tenant zone). */
  async attempts(tenantId: string, granularity: KpiGranularity, toUtc: Date, tenantZone: string): Promise<AttemptRow[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT a.target_id AS "targetId", a.right_party AS "rightParty", a.channel_id AS "channelId",
         CASE WHEN c.id IS NULL THEN NULL ELSE ${MS(periodOf('a.attempted_at', 'c.time_zone'))} END AS p,
         ${MS(periodOf('a.attempted_at', '$3'))} AS pt
       FROM outbound_attempts a LEFT JOIN channels c ON c.tenant_id = a.tenant_id AND c.id = a.channel_id
       WHERE a.tenant_id = $1 AND a.attempted_at < $4::timestamptz + interval '33 days'
       ORDER BY a.target_id, a.attempted_at`,
      [tenantId, granularity, tenantZone, toUtc],
    );
    return rows as unknown as AttemptRow[];
  }

  async customerCounts(tenantId: string): Promise<CustomerCount[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT channel_id AS "channelId", to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd",
         customers::float8 AS customers
       FROM customer_counts WHERE tenant_id = $1 ORDER BY period_start`,
      [tenantId],
    );
    return rows as unknown as CustomerCount[];
  }

  /** One span per agent: first hire and last exit (dates), and whether the exit was voluntary. */
  async agentSpans(tenantId: string): Promise<AgentSpan[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT to_char(min(event_on) FILTER (WHERE event = 'hired'), 'YYYY-MM-DD') AS "hiredOn",
         to_char(max(event_on) FILTER (WHERE event = 'left'), 'YYYY-MM-DD') AS "leftOn",
         bool_or(voluntary) FILTER (WHERE event = 'left') AS voluntary
       FROM workforce_events WHERE tenant_id = $1 GROUP BY agent_id`,
      [tenantId],
    );
    return rows as unknown as AgentSpan[];
  }

  /** The periods of the tenant zone that start in [from, to), with their local date and length in days. */
  async tenantPeriods(granularity: KpiGranularity, fromUtc: Date, toUtc: Date, tenantZone: string): Promise<TenantPeriod[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${MS('(l AT TIME ZONE $4)')} AS p, to_char(l, 'YYYY-MM-DD') AS "localDate", ((l + ('1 ' || $1)::interval)::date - l::date) AS "periodDays"
       FROM generate_series(date_trunc($1, $2::timestamptz AT TIME ZONE $4), $3::timestamptz AT TIME ZONE $4, ('1 ' || $1)::interval) l
       WHERE l AT TIME ZONE $4 >= $2 AND l AT TIME ZONE $4 < $3`,
      [granularity, fromUtc, toUtc, tenantZone],
    );
    return rows as unknown as TenantPeriod[];
  }

  /** Which input tables hold any row of the tenant. */
  async tablesWithData(tenantId: string): Promise<Set<string>> {
    const tables = ['interval_actuals', 'forecast_intervals', 'quality_evaluations', 'fcr_outcomes', 'cost_entries', 'workforce_events', 'customer_counts', 'outbound_attempts'];
    const rows: Array<{ t: string }> = await this.db.query(
      tables.map((t) => `SELECT '${t}' AS t WHERE EXISTS (SELECT 1 FROM ${t} WHERE tenant_id = $1)`).join(' UNION ALL ') +
        ` UNION ALL SELECT 'survey_responses:' || kind FROM survey_responses WHERE tenant_id = $1 GROUP BY kind` +
        ` UNION ALL SELECT 'cost_entries:' || kind FROM cost_entries WHERE tenant_id = $1 GROUP BY kind`,
      [tenantId],
    );
    return new Set(rows.map((r) => r.t));
  }
}
