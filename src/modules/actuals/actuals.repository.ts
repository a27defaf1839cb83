import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';

/** One stored interval of actuals. */
export interface IntervalActualRow {
  intervalStart: Date;
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithinThreshold: number;
  abandonedWithinThreshold: number;
  thresholdSeconds: number;
  handleSeconds: number;
  waitSeconds: number;
  talkSeconds: number | null;
  holdSeconds: number | null;
  acwSeconds: number | null;
  agentsStaffed: number | null;
  agentSecondsAvailable: number | null;
  agentsHandled: number | null;
  uploadId: string;
}

/** One stored contact. */
export interface ContactRow {
  intervalStart: Date;
  uploadId: string;
  line: number;
  contactId: string;
  arrivedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  abandonedAt: Date | null;
  handleSeconds: number | null;
  waitSeconds: number | null;
  agentId: string | null;
  outcome: string;
  contactType: string | null;
}

/** Columns of interval staging tables (what COPY writes, in order). */
export const INTERVAL_STAGING_COLUMNS =
  'line, channel_id, interval_start, offered, answered, abandoned, answered_within_threshold, abandoned_within_threshold, ' +
  'threshold_seconds, handle_seconds, wait_seconds, talk_seconds, hold_seconds, acw_seconds, agents_staffed, ' +
  'agent_seconds_available, agents_handled';

/** Columns of the contact staging table (what COPY writes, in order). */
export const CONTACT_STAGING_COLUMNS =
  'line, channel_id, interval_start, contact_id, arrived_at, answered_at, ended_at, abandoned_at, handle_seconds, wait_seconds, agent_id, outcome, contact_type';

/** Column definitions of interval staging tables. */
export const INTERVAL_STAGING_DDL = `line integer, channel_id integer, interval_start timestamptz,
  offered integer, answered integer, abandoned integer, answered_within_threshold integer,
  abandoned_within_threshold integer, threshold_seconds double precision, handle_seconds double precision,
  wait_seconds double precision, talk_seconds double precision, hold_seconds double precision,
  acw_seconds double precision, agents_staffed double precision, agent_seconds_available double precision,
  agents_handled integer`;

/** Column definitions of contact staging tables. */
export const CONTACT_STAGING_DDL = `line integer, channel_id integer, interval_start timestamptz, contact_id text,
  arrived_at timestamptz, answered_at timestamptz, ended_at timestamptz, abandoned_at timestamptz,
  handle_seconds double precision, wait_seconds double precision, agent_id text, outcome text, contact_type text`;

const VALUE_COLUMNS =
  'offered, answered, abandoned, answered_within_threshold, abandoned_within_threshold, threshold_seconds, handle_seconds, ' +
  'wait_seconds, talk_seconds, hold_seconds, acw_seconds, agents_staffed, agent_seconds_available, agents_handled';

const INTERVAL_SELECT = `interval_start AS "intervalStart", offered, answered, abandoned,
  answered_within_threshold AS "answeredWithinThreshold", abandoned_within_threshold AS "abandonedWithinThreshold",
  threshold_seconds AS "thresholdSeconds", handle_seconds AS "handleSeconds", wait_seconds AS "waitSeconds",
  talk_seconds AS "talkSeconds", hold_seconds AS "holdSeconds", acw_seconds AS "acwSeconds",
  agents_staffed AS "agentsStaffed", agent_seconds_available AS "agentSecondsAvailable",
  agents_handled AS "agentsHandled", upload_id AS "uploadId"`;

const CONTACT_SELECT = `interval_start AS "intervalStart", upload_id AS "uploadId", line, contact_id AS "contactId",
  arrived_at AS "arrivedAt", answered_at AS "answeredAt", ended_at AS "endedAt", abandoned_at AS "abandonedAt",
  handle_seconds AS "handleSeconds", wait_seconds AS "waitSeconds", agent_id AS "agentId", outcome, contact_type AS "contactType"`;

/** SQL of interval actuals and contacts: staging, merges (inside the upload transaction) and reads. */
@Injectable()
export class ActualsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A temporary staging table of intervals (dropped at the end of the transaction). */
  intervalStagingDdl(table: string): string {
    return `CREATE TEMP TABLE ${table} (${INTERVAL_STAGING_DDL}) ON COMMIT DROP`;
  }

  async createStaging(client: PoolClient, ddl: string): Promise<void> {
    await client.query(ddl);
  }

  /**
   * Whether the tenant has actuals written by another upload than `uploadId` in any of the
   * channels' [min, max] ranges (cheap index probes; most uploads of new periods answer no and
   * skip the delete).
   */
  async hasOtherIntervalsWithin(client: PoolClient, tenantId: string, uploadId: string, b: { channelIds: number[]; mins: Date[]; maxs: Date[] }): Promise<boolean> {
    const { rows } = await client.query(
      `SELECT 1 FROM unnest($3::int[], $4::timestamptz[], $5::timestamptz[]) AS b(channel_id, lo, hi)
        WHERE EXISTS (SELECT 1 FROM interval_actuals a WHERE a.tenant_id = $1 AND a.channel_id = b.channel_id
                         AND a.interval_start BETWEEN b.lo AND b.hi AND a.upload_id <> $2)
        LIMIT 1`,
      [tenantId, uploadId, b.channelIds, b.mins, b.maxs],
    );
    return rows.length > 0;
  }

  /**
   * Deletes the tenant's actuals of the intervals staged in `staging` that another upload wrote
   * (rows of this upload stay, so a repeated interval still collides); returns how many.
   */
  async deleteStagedIntervals(client: PoolClient, tenantId: string, uploadId: string, staging: string): Promise<number> {
    await client.query(`ANALYZE ${staging}`);
    const r = await client.query(
      `DELETE FROM interval_actuals a USING ${staging} s
        WHERE a.tenant_id = $1 AND a.channel_id = s.channel_id AND a.interval_start = s.interval_start AND a.upload_id <> $2`,
      [tenantId, uploadId],
    );
    return r.rowCount ?? 0;
  }

  /**
   * Inserts the staged intervals as written by `uploadId`. Returns false (and undoes the
   * attempt) when two staged rows have the same channel and interval.
   */
  async insertStagedIntervals(client: PoolClient, tenantId: string, uploadId: string, staging: string): Promise<boolean> {
    // No ORDER BY: sorting a chunk costs more than the better B-tree locality saves (measured).
    await client.query('SAVEPOINT merge_intervals');
    try {
      await client.query(
        `INSERT INTO interval_actuals (tenant_id, channel_id, interval_start, ${VALUE_COLUMNS}, upload_id)
         SELECT $1, channel_id, interval_start, ${VALUE_COLUMNS}, $2 FROM ${staging}`,
        [tenantId, uploadId],
      );
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await client.query('ROLLBACK TO SAVEPOINT merge_intervals');
      return false;
    }
    await client.query('RELEASE SAVEPOINT merge_intervals');
    return true;
  }

  /** Deletes the tenant's contacts of other uploads in the intervals of the staged contacts; returns how many. */
  async deleteContactsOfStagedIntervals(client: PoolClient, tenantId: string, uploadId: string, staging: string): Promise<number> {
    const r = await client.query(
      `DELETE FROM contacts c USING (SELECT DISTINCT channel_id, interval_start FROM ${staging}) s
        WHERE c.tenant_id = $1 AND c.channel_id = s.channel_id AND c.interval_start = s.interval_start AND c.upload_id <> $2`,
      [tenantId, uploadId],
    );
    return r.rowCount ?? 0;
  }

  async insertStagedContacts(client: PoolClient, tenantId: string, uploadId: string, staging: string): Promise<void> {
    await client.query(
      `INSERT INTO contacts (tenant_id, channel_id, interval_start, upload_id, line, contact_id, arrived_at, answered_at,
         ended_at, abandoned_at, handle_seconds, wait_seconds, agent_id, outcome, contact_type)
       SELECT $1, channel_id, interval_start, $2, line, contact_id, arrived_at, answered_at, ended_at, abandoned_at,
         handle_seconds, wait_seconds, agent_id, outcome, contact_type
         FROM ${staging}`,
      [tenantId, uploadId],
    );
  }

  /** A page of one channel's actuals in [from, to), after `afterMs`, by interval start. */
  readIntervals(tenantId: string, channelId: number, fromMs: number, toMs: number, afterMs: number | null, limit: number): Promise<IntervalActualRow[]> {
    return this.db.query(
      `SELECT ${INTERVAL_SELECT} FROM interval_actuals
        WHERE tenant_id = $1 AND channel_id = $2 AND interval_start >= $3 AND interval_start < $4
          AND ($5::timestamptz IS NULL OR interval_start > $5)
        ORDER BY interval_start LIMIT $6`,
      [tenantId, channelId, new Date(fromMs), new Date(toMs), afterMs === null ? null : new Date(afterMs), limit],
    );
  }

  /** A page of one channel's contacts with arrival interval in [from, to), after a (start, upload, line) key. */
  readContacts(
    tenantId: string,
    channelId: number,
    fromMs: number,
    toMs: number,
    after: { startMs: number; uploadId: string; line: number } | null,
    limit: number,
  ): Promise<ContactRow[]> {
    return this.db.query(
      `SELECT ${CONTACT_SELECT} FROM contacts
        WHERE tenant_id = $1 AND channel_id = $2 AND interval_start >= $3 AND interval_start < $4
          AND ($5::timestamptz IS NULL OR (interval_start, upload_id, line) > ($5, $6::uuid, $7::int))
        ORDER BY interval_start, upload_id, line LIMIT $8`,
      [tenantId, channelId, new Date(fromMs), new Date(toMs), after ? new Date(after.startMs) : null, after?.uploadId ?? null, after?.line ?? null, limit],
    );
  }
}
