import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One interval of history as forecasting reads it. */
export interface HistoryRow {
  /** Interval start, UTC milliseconds. */
  t: number;
  offered: number;
  answered: number;
  handleSeconds: number;
}

/** A special day of the calendar. */
export interface SpecialDayRow {
  day: string;
  channelCode: string;
  label: string;
  kind: 'closed' | 'holiday' | 'event';
  volumeFactor: number | null;
}

@Injectable()
export class ForecastingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The channel's interval actuals in [from, to), oldest first. */
  readHistory(tenantId: string, channelId: number, from: Date, to: Date): Promise<HistoryRow[]> {
    return this.db.query(
      `SELECT (extract(epoch FROM interval_start) * 1000)::float8 AS t, offered, answered, handle_seconds AS "handleSeconds"
         FROM interval_actuals
        WHERE tenant_id = $1 AND channel_id = $2 AND interval_start >= $3 AND interval_start < $4
        ORDER BY interval_start`,
      [tenantId, channelId, from, to],
    );
  }

  /** Start (UTC ms) of the channel's last actual interval before `before`, or null. */
  async lastActual(tenantId: string, channelId: number, before: Date): Promise<number | null> {
    const rows: Array<{ t: number | null }> = await this.db.query(
      `SELECT (extract(epoch FROM max(interval_start)) * 1000)::float8 AS t FROM interval_actuals
        WHERE tenant_id = $1 AND channel_id = $2 AND interval_start < $3`,
      [tenantId, channelId, before],
    );
    return rows[0]?.t ?? null;
  }

  /** Stores the model metadata of a generated version. */
  async setMetadata(tenantId: string, versionId: string, metadata: unknown): Promise<void> {
    await this.db.query('UPDATE forecast_versions SET metadata = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, versionId, JSON.stringify(metadata)]);
  }

  /** Special days in [from, to] (dates) for these channel codes or all channels (`*`). */
  specialDays(tenantId: string, codes: readonly string[], from: string, to: string): Promise<SpecialDayRow[]> {
    return this.db.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, channel_code AS "channelCode", label, kind, volume_factor AS "volumeFactor"
         FROM special_days
        WHERE tenant_id = $1 AND day >= $3::date AND day <= $4::date AND (channel_code = '*' OR channel_code = ANY($2))
        ORDER BY day, channel_code`,
      [tenantId, codes, from, to],
    );
  }

  /** Inserts or replaces special days (natural key: day and channel code), in one statement. */
  async upsertSpecialDays(tenantId: string, days: readonly SpecialDayRow[]): Promise<void> {
    await this.db.query(
      `INSERT INTO special_days (tenant_id, day, channel_code, label, kind, volume_factor)
       SELECT $1, d.day, d.channel_code, d.label, d.kind, d.volume_factor
         FROM unnest($2::date[], $3::text[], $4::text[], $5::text[], $6::float8[]) AS d(day, channel_code, label, kind, volume_factor)
       ON CONFLICT (tenant_id, day, channel_code) DO UPDATE SET label = excluded.label, kind = excluded.kind, volume_factor = excluded.volume_factor`,
      [tenantId, days.map((d) => d.day), days.map((d) => d.channelCode), days.map((d) => d.label), days.map((d) => d.kind), days.map((d) => d.volumeFactor)],
    );
  }

  /** Every special day of the tenant in [from, to] (dates), by day then channel. */
  listSpecialDays(tenantId: string, from: string, to: string): Promise<SpecialDayRow[]> {
    return this.db.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, channel_code AS "channelCode", label, kind, volume_factor AS "volumeFactor"
         FROM special_days WHERE tenant_id = $1 AND day >= $2::date AND day <= $3::date ORDER BY day, channel_code`,
      [tenantId, from, to],
    );
  }
}
