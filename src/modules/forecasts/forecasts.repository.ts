import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { ForecastInterval, ForecastVersion } from './forecast-version.js';

export interface ForecastIntervalRow {
  intervalStart: Date;
  volume: number;
  ahtSeconds: number;
  shrinkage: number | null;
  volumeP10: number | null;
  volumeP90: number | null;
}

/** Column definitions of forecast staging tables. */
export const FORECAST_STAGING_DDL =
  'line integer, channel_id integer, interval_start timestamptz, volume double precision, aht_seconds double precision, shrinkage double precision, volume_p10 double precision, volume_p90 double precision';

/** Columns of the forecast staging table (what COPY writes, in order). */
export const FORECAST_STAGING_COLUMNS = 'line, channel_id, interval_start, volume, aht_seconds, shrinkage, volume_p10, volume_p90';

const COLUMNS = `id, label, source, created_by_key_id AS "createdByKeyId", created_by_key_name AS "createdByKeyName",
  created_at AS "createdAt", channel_codes AS "channels", first_interval_start AS "firstIntervalStart",
  last_interval_start AS "lastIntervalStart", row_count AS "rowCount", content_sha256 AS "contentSha256", upload_id AS "uploadId", metadata`;

@Injectable()
export class ForecastsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertVersion(client: PoolClient, tenantId: string, v: Omit<ForecastVersion, 'createdAt'>): Promise<ForecastVersion> {
    const { rows } = await client.query<ForecastVersion>(
      `INSERT INTO forecast_versions (tenant_id, id, label, source, created_by_key_id, created_by_key_name, channel_codes,
         first_interval_start, last_interval_start, row_count, content_sha256, upload_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
      [tenantId, v.id, v.label, v.source, v.createdByKeyId, v.createdByKeyName, v.channels, v.firstIntervalStart,
        v.lastIntervalStart, v.rowCount, v.contentSha256, v.uploadId],
    );
    return rows[0];
  }

  /** Inserts the staged intervals into the version; false (attempt undone) when a (channel, interval) repeats. */
  async insertStagedIntervals(client: PoolClient, tenantId: string, versionId: string, staging: string): Promise<boolean> {
    await client.query('SAVEPOINT merge_forecast');
    try {
      await client.query(
        `INSERT INTO forecast_intervals (tenant_id, version_id, channel_id, interval_start, volume, aht_seconds, shrinkage, volume_p10, volume_p90)
         SELECT $1, $2, channel_id, interval_start, volume, aht_seconds, shrinkage, volume_p10, volume_p90 FROM ${staging}`,
        [tenantId, versionId],
      );
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await client.query('ROLLBACK TO SAVEPOINT merge_forecast');
      return false;
    }
    await client.query('RELEASE SAVEPOINT merge_forecast');
    return true;
  }

  async find(tenantId: string, id: string): Promise<ForecastVersion | null> {
    const rows: ForecastVersion[] = await this.db.query(`SELECT ${COLUMNS} FROM forecast_versions WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ?? null;
  }

  list(tenantId: string, channel: string | null, after: { createdAt: Date; id: string } | null, limit: number): Promise<ForecastVersion[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM forecast_versions
        WHERE tenant_id = $1 AND ($2::text IS NULL OR $2 = ANY(channel_codes))
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $5`,
      [tenantId, channel, after?.createdAt ?? null, after?.id ?? null, limit],
    );
  }

  /** A page of one channel's intervals of a version in [from, to), after `afterMs`. */
  readIntervals(tenantId: string, versionId: string, channelId: number, fromMs: number, toMs: number, afterMs: number | null, limit: number): Promise<ForecastIntervalRow[]> {
    return this.db.query(
      `SELECT interval_start AS "intervalStart", volume, aht_seconds AS "ahtSeconds", shrinkage, volume_p10 AS "volumeP10", volume_p90 AS "volumeP90"
         FROM forecast_intervals
        WHERE tenant_id = $1 AND version_id = $2 AND channel_id = $3 AND interval_start >= $4 AND interval_start < $5
          AND ($6::timestamptz IS NULL OR interval_start > $6)
        ORDER BY interval_start LIMIT $7`,
      [tenantId, versionId, channelId, new Date(fromMs), new Date(toMs), afterMs === null ? null : new Date(afterMs), limit],
    );
  }

  /** Every interval of a version, by channel code then start. */
  allIntervals(tenantId: string, versionId: string): Promise<ForecastInterval[]> {
    return this.db.query(
      `SELECT f.channel_id AS "channelId", c.code AS "channelCode", f.interval_start AS "intervalStart", f.volume,
              f.aht_seconds AS "ahtSeconds", f.shrinkage, f.volume_p10 AS "volumeP10", f.volume_p90 AS "volumeP90"
         FROM forecast_intervals f JOIN channels c ON c.tenant_id = f.tenant_id AND c.id = f.channel_id
        WHERE f.tenant_id = $1 AND f.version_id = $2
        ORDER BY c.code, f.interval_start`,
      [tenantId, versionId],
    );
  }

  /** Deletes a version and its intervals in one transaction; false when it does not exist. Throws 23503 when referenced. */
  async delete(tenantId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      await m.query('DELETE FROM forecast_intervals WHERE tenant_id = $1 AND version_id = $2', [tenantId, id]);
      const [, affected]: [unknown[], number] = await m.query('DELETE FROM forecast_versions WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
      return affected > 0;
    });
  }
}
