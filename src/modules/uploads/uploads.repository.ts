import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { RecordedUploadKind as UploadKind } from './ingest.types.js';

export type UploadOutcome = 'succeeded' | 'duplicate' | 'rejected' | 'failed';

/** One row of the upload log. */
export interface UploadRow {
  id: string;
  kind: UploadKind;
  keyId: string | null;
  keyName: string | null;
  contentType: string | null;
  mapping: string | null;
  idempotencyKey: string | null;
  contentSha256: string | null;
  bytes: number;
  rowCount: number;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  outcome: UploadOutcome;
  errorCode: string | null;
  errorMessage: string | null;
  duplicateOf: string | null;
}

export type UploadInsert = Omit<UploadRow, 'startedAt' | 'finishedAt'> & { startedAt: Date; finishedAt: Date; result: unknown };

const COLUMNS = `id, kind, key_id AS "keyId", key_name AS "keyName", content_type AS "contentType", mapping,
  idempotency_key AS "idempotencyKey", content_sha256 AS "contentSha256", bytes::float8 AS bytes,
  row_count AS "rowCount", started_at AS "startedAt", finished_at AS "finishedAt", duration_ms AS "durationMs",
  outcome, error_code AS "errorCode", error_message AS "errorMessage", duplicate_of AS "duplicateOf"`;

/** Something that runs SQL: the pool, or the client of an open upload transaction. */
export interface Queryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** A pooled pg connection held by an upload (its transaction, or its loader of staging tables). */
export interface UploadConnection {
  client: PoolClient;
  /** Gives the connection back to the pool. */
  release(): Promise<void>;
}

/** A successful upload found again: by the same content (and mapping), or by its Idempotency-Key. */
export interface PriorUpload {
  id: string;
  result: unknown;
  contentSha256: string | null;
  mapping: string | null;
  idempotencyKey: string | null;
}

/** A (channel, interval) staged more than once by an upload: its lines, in order. */
export interface StagedDuplicate {
  channelId: number;
  intervalStart: Date;
  lines: number[];
  /** Repetitions over all duplicates of the upload (not only the ones returned). */
  total: number;
}

/** Schema of the staging tables (created by the ingestion migration). */
const STAGING_SCHEMA = 'ingest_staging';

@Injectable()
export class UploadsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A pooled pg client for a transaction with COPY; give it back with `release`. */
  async acquire(): Promise<UploadConnection> {
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    return { client, release: () => runner.release() };
  }

  /** Opens the upload's one transaction on `client`. */
  async beginUpload(client: PoolClient): Promise<void> {
    await client.query('BEGIN');
  }

  /** Commits the upload's transaction: its rows and its log entry become visible together. */
  async commitUpload(client: PoolClient): Promise<void> {
    await client.query('COMMIT');
  }

  /** Undoes everything the upload's transaction wrote. */
  async rollbackUpload(client: PoolClient): Promise<void> {
    await client.query('ROLLBACK');
  }

  /**
   * Waits until no other transaction holds the upload lock of this tenant and table family (an
   * upload kind, or `actuals` for kinds that write the same tables), then holds it until the
   * transaction of `client` ends.
   */
  async lockTenantKind(client: PoolClient, tenantId: string, family: UploadKind | 'actuals'): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${tenantId}:${family}`]);
  }

  /** The server process id of `client`'s session (for `cancelBackend`, and in staging table names). */
  async backendPid(client: PoolClient): Promise<number> {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return rows[0].pid;
  }

  /**
   * Cancels the statement the session `pid` is running (a wait for the upload lock when the
   * client has gone away), from another connection; a session between statements ignores it.
   */
  async cancelBackend(client: PoolClient, pid: number): Promise<void> {
    await client.query('SELECT pg_cancel_backend($1)', [pid]);
  }

  /**
   * Prefix of the staging tables of one upload, e.g. `s1763800000_3f2a9c1b_p4242`: the upload's
   * start in epoch seconds, its id, and the server process id of the loader session that creates
   * them, which is how `dropOrphanedStaging` tells the tables of a live upload from leftovers.
   */
  stagingPrefix(startedAt: Date, uploadId: string, loaderPid: number): string {
    return `s${Math.floor(startedAt.getTime() / 1000)}_${uploadId.slice(0, 8)}_p${loaderPid}`;
  }

  /** Qualified name of staging table number `sequence` of the upload of `prefix`. */
  stagingTable(prefix: string, sequence: number): string {
    return `${STAGING_SCHEMA}.${prefix}_${sequence}`;
  }

  /** Creates an (UNLOGGED) staging table; autocommitted when `client` is outside a transaction. */
  async createStaging(client: PoolClient, table: string, columnsDdl: string): Promise<void> {
    await client.query(`CREATE UNLOGGED TABLE ${table} (${columnsDdl})`);
  }

  /**
   * Binary COPY (`FORMAT binary`) of `chunks` into `table`: each chunk is sent as it comes, and
   * the next waits while the connection asks for a pause (backpressure). A COPY that fails while
   * the loop waits rejects from the loop; its completion promise is handled from the start so that
   * the same failure never also surfaces as an unhandled rejection.
   */
  async copyInto(client: PoolClient, table: string, columns: string, chunks: Iterable<Buffer>): Promise<void> {
    const copy = client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN (FORMAT binary)`));
    const done = finished(copy);
    done.catch(() => undefined);
    for (const b of chunks) if (!copy.write(b)) await Promise.race([once(copy, 'drain'), done]);
    copy.end();
    await done;
  }

  /** Drops staging tables (qualified names). */
  async dropStaging(client: PoolClient, tables: readonly string[]): Promise<void> {
    if (tables.length === 0) return;
    await client.query(`DROP TABLE IF EXISTS ${tables.join(', ')}`);
  }

  /**
   * Drops the staging tables no upload is using any more: those whose loader session (the
   * process id in their name) no longer exists — the process that created them died mid-upload
   * — and any older than `olderThanSeconds` (the older naming, or a reused process id). On the
   * pool when no client is given (at start).
   */
  async dropOrphanedStaging(olderThanSeconds: number, client?: PoolClient): Promise<void> {
    const q: Queryable = client ?? this.pool();
    const { rows } = await q.query(
      `SELECT tablename AS name FROM pg_tables
        WHERE schemaname = $1 AND tablename ~ '^s[0-9]+_'
          AND ((tablename ~ '^s[0-9]+_[0-9a-f]{8}_p[0-9]+_'
                AND substring(tablename FROM '^s[0-9]+_[0-9a-f]{8}_p([0-9]+)_')::int NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL))
            OR substring(tablename FROM '^s([0-9]+)_')::bigint < extract(epoch FROM now()) - $2)
        ORDER BY tablename`,
      [STAGING_SCHEMA, olderThanSeconds],
    );
    const tables = (rows as Array<{ name: string }>).map((r) => `${STAGING_SCHEMA}.${r.name}`);
    if (tables.length > 0) await q.query(`DROP TABLE IF EXISTS ${tables.join(', ')}`);
  }

  /**
   * The (channel, interval) pairs staged more than once in `tables` (whose first three columns
   * are line, channel_id, interval_start), the first `limit` by their first line.
   */
  async stagedDuplicates(client: PoolClient, tables: readonly string[], limit: number): Promise<StagedDuplicate[]> {
    const staged = tables.map((t) => `SELECT line, channel_id, interval_start FROM ${t}`).join(' UNION ALL ');
    const { rows } = await client.query<StagedDuplicate>(
      `SELECT channel_id AS "channelId", interval_start AS "intervalStart", lines, (sum(n - 1) OVER ())::int AS total
         FROM (SELECT channel_id, interval_start, array_agg(line ORDER BY line) AS lines, count(*) AS n
                 FROM (${staged}) s GROUP BY channel_id, interval_start HAVING count(*) > 1) d
        ORDER BY lines[1] LIMIT $1`,
      [limit],
    );
    return rows;
  }

  /** Records an upload in the log: on the pool, or inside the upload's transaction (`q`). */
  async insert(tenantId: string, u: UploadInsert, q: Queryable = this.pool()): Promise<void> {
    await q.query(
      `INSERT INTO uploads (tenant_id, id, kind, key_id, key_name, content_type, mapping, idempotency_key,
         content_sha256, bytes, row_count, started_at, finished_at, duration_ms, outcome, error_code,
         error_message, duplicate_of, result)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [
        tenantId, u.id, u.kind, u.keyId, u.keyName, u.contentType, u.mapping, u.idempotencyKey, u.contentSha256,
        u.bytes, u.rowCount, u.startedAt, u.finishedAt, u.durationMs, u.outcome, u.errorCode,
        u.errorMessage?.slice(0, 2000) ?? null, u.duplicateOf, u.result === undefined ? null : JSON.stringify(u.result),
      ],
    );
  }

  /**
   * The successful upload of the same content (and mapping), or of the same Idempotency-Key: on
   * the pool, or inside the upload's transaction (`q`).
   */
  async findSucceeded(
    tenantId: string,
    kind: UploadKind,
    match: { contentSha256: string | null; mapping: string | null; idempotencyKey: string | null },
    q: Queryable = this.pool(),
  ): Promise<PriorUpload | null> {
    const { rows } = await q.query(
      `SELECT id, result, content_sha256 AS "contentSha256", mapping, idempotency_key AS "idempotencyKey" FROM uploads
        WHERE tenant_id = $1 AND kind = $2 AND outcome = 'succeeded'
          AND ((content_sha256 = $3 AND coalesce(mapping, '') = coalesce($4, '')) OR idempotency_key = $5)
        ORDER BY idempotency_key IS NOT DISTINCT FROM $5 DESC, started_at LIMIT 1`,
      [tenantId, kind, match.contentSha256, match.mapping, match.idempotencyKey],
    );
    return (rows[0] as PriorUpload | undefined) ?? null;
  }

  /** Pool-level variant of findSucceeded (before a transaction is opened). */
  findSucceededByKey(tenantId: string, kind: UploadKind, idempotencyKey: string): Promise<PriorUpload | null> {
    return this.findSucceeded(tenantId, kind, { contentSha256: null, mapping: null, idempotencyKey });
  }

  async list(tenantId: string, kind: UploadKind | null, after: { startedAt: Date; id: string } | null, limit: number): Promise<UploadRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM uploads
        WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2)
          AND ($3::timestamptz IS NULL OR (started_at, id) < ($3, $4::uuid))
        ORDER BY started_at DESC, id DESC LIMIT $5`,
      [tenantId, kind, after?.startedAt ?? null, after?.id ?? null, limit],
    );
  }

  async find(tenantId: string, id: string): Promise<UploadRow | null> {
    const rows: UploadRow[] = await this.db.query(`SELECT ${COLUMNS} FROM uploads WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ?? null;
  }

  /** The pool as a Queryable. */
  private pool(): Queryable {
    return { query: async (text, params) => ({ rows: await this.db.query<unknown[]>(text, params) }) };
  }
}
