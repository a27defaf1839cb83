import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Granularity } from '../forecasting/dto/forecast-accuracy.dto.js';
import { periodStartSql } from './period-sql.js';

/** One interval of a channel with everything the comparison reads (null: input missing). */
export interface ComparisonIntervalRow {
  /** Period start, UTC ms. */
  p: number;
  /** Interval start, UTC ms. */
  t: number;
  volume: number | null;
  ahtSeconds: number | null;
  offered: number | null;
  answered: number | null;
  abandoned: number | null;
  answeredWithin: number | null;
  abandonedWithin: number | null;
  handleSeconds: number | null;
  waitSeconds: number | null;
  agentsStaffed: number | null;
  agents: number | null;
  agentsFractional: number | null;
  goal: number | null;
}

@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The intervals of the first `limit` periods after `afterMs` of one channel in [from, to),
   * by interval start: forecast (the given version, else the newest covering the channel),
   * actuals and plan (the given plan, else the newest covering each interval).
   */
  comparisonIntervals(
    tenantId: string, channelId: number, channelCode: string, timeZone: string, granularity: Granularity,
    fromMs: number, toMs: number, versionId: string | null, planId: string | null, afterMs: number | null, limit: number,
  ): Promise<ComparisonIntervalRow[]> {
    return this.db.query(
      `WITH v AS (
         SELECT id FROM forecast_versions
          WHERE tenant_id = $1 AND (CASE WHEN $8::uuid IS NULL THEN $3 = ANY(channel_codes) ELSE id = $8::uuid END)
          ORDER BY created_at DESC, id DESC LIMIT 1),
       f AS (
         SELECT interval_start, volume, aht_seconds FROM forecast_intervals
          WHERE tenant_id = $1 AND version_id = (SELECT id FROM v) AND channel_id = $2 AND interval_start >= $4 AND interval_start < $5),
       a AS (
         SELECT interval_start, offered, answered, abandoned, answered_within_threshold, abandoned_within_threshold,
                handle_seconds, wait_seconds, agents_staffed
           FROM interval_actuals WHERE tenant_id = $1 AND channel_id = $2 AND interval_start >= $4 AND interval_start < $5),
       pl AS (
         SELECT DISTINCT ON (i.interval_start) i.interval_start, i.agents, i.agents_fractional,
                (SELECT (e->'goal'->>'serviceLevelTarget')::float8
                   FROM jsonb_array_elements(CASE WHEN jsonb_typeof(sp.settings) = 'array' THEN sp.settings ELSE '[]'::jsonb END) e
                  WHERE e->>'channel' = $3 LIMIT 1) AS goal
           FROM staffing_plan_intervals i JOIN staffing_plans sp ON sp.tenant_id = i.tenant_id AND sp.id = i.plan_id
          WHERE i.tenant_id = $1 AND i.channel_id = $2 AND i.interval_start >= $4 AND i.interval_start < $5
            AND ($9::uuid IS NULL OR i.plan_id = $9::uuid)
          ORDER BY i.interval_start, sp.created_at DESC, sp.id DESC),
       k AS (SELECT interval_start FROM f UNION SELECT interval_start FROM a UNION SELECT interval_start FROM pl),
       r AS (
         SELECT interval_start, period_start, dense_rank() OVER (ORDER BY period_start) AS n
           FROM (SELECT interval_start, ${periodStartSql('interval_start', '$6', '$7')} AS period_start FROM k) x
          WHERE $10::timestamptz IS NULL OR period_start > $10::timestamptz)
       SELECT (extract(epoch FROM r.period_start) * 1000)::float8 AS p, (extract(epoch FROM r.interval_start) * 1000)::float8 AS t,
              f.volume::float8 AS volume, f.aht_seconds::float8 AS "ahtSeconds",
              a.offered, a.answered, a.abandoned, a.answered_within_threshold AS "answeredWithin", a.abandoned_within_threshold AS "abandonedWithin",
              a.handle_seconds::float8 AS "handleSeconds", a.wait_seconds::float8 AS "waitSeconds", a.agents_staffed::float8 AS "agentsStaffed",
              pl.agents, pl.agents_fractional::float8 AS "agentsFractional", pl.goal
         FROM r
         LEFT JOIN f ON f.interval_start = r.interval_start
         LEFT JOIN a ON a.interval_start = r.interval_start
         LEFT JOIN pl ON pl.interval_start = r.interval_start
        WHERE r.n <= $11
        ORDER BY r.interval_start`,
      [tenantId, channelId, channelCode, new Date(fromMs), new Date(toMs), granularity, timeZone, versionId, planId, afterMs === null ? null : new Date(afterMs), limit],
    );
  }

  /** Whether the tenant has this staffing plan. */
  async planExists(tenantId: string, planId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM staffing_plans WHERE tenant_id = $1 AND id = $2', [tenantId, planId]);
    return rows.length > 0;
  }

  /**
   * A fingerprint of everything the tenant's reports read: uploads, forecast versions, plans,
   * channel settings and adherence rules (counts and latest changes). Any write among them changes it.
   */
  async dataFingerprint(tenantId: string): Promise<string> {
    const rows: Array<{ f: string }> = await this.db.query(
      `SELECT concat_ws('|',
         (SELECT count(*) || ':' || coalesce(max(finished_at)::text, '') FROM uploads WHERE tenant_id = $1),
         (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM forecast_versions WHERE tenant_id = $1),
         (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM staffing_plans WHERE tenant_id = $1),
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM channels WHERE tenant_id = $1),
         (SELECT coalesce(max(updated_at)::text, '') FROM adherence_settings WHERE tenant_id = $1)) AS f`,
      [tenantId],
    );
    return rows[0].f;
  }
}
