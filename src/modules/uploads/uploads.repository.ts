import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
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

@Injectable()
export class UploadsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A pooled pg client for a transaction with COPY; give it back with `release`. */
  async acquire(): Promise<{ client: PoolClient; release: () => Promise<void> }> {
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    return { client, release: () => runner.release() };
  }

  async insert(q: Queryable, tenantId: string, u: UploadInsert): Promise<void> {
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

  /** The successful upload of the same content (and mapping), or of the same Idempotency-Key. */
  async findSucceeded(
    q: Queryable,
    tenantId: string,
    kind: UploadKind,
    match: { contentSha256: string | null; mapping: string | null; idempotencyKey: string | null },
  ): Promise<{ id: string; result: unknown } | null> {
    const { rows } = await q.query(
      `SELECT id, result FROM uploads
        WHERE tenant_id = $1 AND kind = $2 AND outcome = 'succeeded'
          AND ((content_sha256 = $3 AND coalesce(mapping, '') = coalesce($4, '')) OR idempotency_key = $5)
        ORDER BY started_at LIMIT 1`,
      [tenantId, kind, match.contentSha256, match.mapping, match.idempotencyKey],
    );
    return (rows[0] as { id: string; result: unknown } | undefined) ?? null;
  }

  /** Pool-level variant of findSucceeded (before a transaction is opened). */
  findSucceededByKey(tenantId: string, kind: UploadKind, idempotencyKey: string): Promise<{ id: string; result: unknown } | null> {
    return this.findSucceeded(this.pool(), tenantId, kind, { contentSha256: null, mapping: null, idempotencyKey });
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
  pool(): Queryable {
    return { query: async (text, params) => ({ rows: await this.db.query<unknown[]>(text, params) }) };
  }
}
