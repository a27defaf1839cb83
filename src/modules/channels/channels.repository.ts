import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Channel, ChannelSettings } from './channel.js';

const COLUMNS = `id, code, name, media, time_zone AS "timeZone", interval_minutes AS "intervalMinutes",
  service_level_target AS "serviceLevelTarget", threshold_seconds AS "thresholdSeconds",
  max_asa_seconds AS "maxAsaSeconds", max_abandon_rate AS "maxAbandonRate",
  max_occupancy AS "maxOccupancy", min_occupancy AS "minOccupancy",
  response_time_hours AS "responseTimeHours", shrinkage, patience_seconds AS "patienceSeconds",
  concurrency, opening_hours AS "openingHours", created_at AS "createdAt", updated_at AS "updatedAt"`;

@Injectable()
export class ChannelsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async upsert(tenantId: string, code: string, s: ChannelSettings): Promise<{ channel: Channel; created: boolean }> {
    const rows: Array<Channel & { created: boolean }> = await this.db.query(
      `INSERT INTO channels (tenant_id, code, name, media, time_zone, interval_minutes,
         service_level_target, threshold_seconds, max_asa_seconds, max_abandon_rate, max_occupancy,
         min_occupancy, response_time_hours, shrinkage, patience_seconds, concurrency, opening_hours)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (tenant_id, code) DO UPDATE SET
         name = EXCLUDED.name, media = EXCLUDED.media, time_zone = EXCLUDED.time_zone,
         interval_minutes = EXCLUDED.interval_minutes,
         service_level_target = EXCLUDED.service_level_target,
         threshold_seconds = EXCLUDED.threshold_seconds, max_asa_seconds = EXCLUDED.max_asa_seconds,
         max_abandon_rate = EXCLUDED.max_abandon_rate, max_occupancy = EXCLUDED.max_occupancy,
         min_occupancy = EXCLUDED.min_occupancy, response_time_hours = EXCLUDED.response_time_hours,
         shrinkage = EXCLUDED.shrinkage, patience_seconds = EXCLUDED.patience_seconds,
         concurrency = EXCLUDED.concurrency, opening_hours = EXCLUDED.opening_hours, updated_at = now()
       RETURNING ${COLUMNS}, (xmax = 0) AS created`,
      [
        tenantId, code, s.name, s.media, s.timeZone, s.intervalMinutes, s.serviceLevelTarget,
        s.thresholdSeconds, s.maxAsaSeconds, s.maxAbandonRate, s.maxOccupancy, s.minOccupancy,
        s.responseTimeHours, s.shrinkage, s.patienceSeconds, s.concurrency,
        s.openingHours === null ? null : JSON.stringify(s.openingHours),
      ],
    );
    const { created, ...channel } = rows[0];
    return { channel, created };
  }

  async list(tenantId: string): Promise<Channel[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM channels WHERE tenant_id = $1 ORDER BY code`, [tenantId]);
  }

  async findByCode(tenantId: string, code: string): Promise<Channel | null> {
    const rows: Channel[] = await this.db.query(
      `SELECT ${COLUMNS} FROM channels WHERE tenant_id = $1 AND code = $2`,
      [tenantId, code],
    );
    return rows[0] ?? null;
  }

  async findByCodes(tenantId: string, codes: readonly string[]): Promise<Channel[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM channels WHERE tenant_id = $1 AND code = ANY($2) ORDER BY code`, [
      tenantId,
      codes,
    ]);
  }

  async delete(tenantId: string, code: string): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, affectedCount].
    const [, affected]: [unknown[], number] = await this.db.query(
      'DELETE FROM channels WHERE tenant_id = $1 AND code = $2',
      [tenantId, code],
    );
    return affected > 0;
  }
}
