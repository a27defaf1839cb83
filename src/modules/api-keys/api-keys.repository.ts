import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Role } from '../../platform/auth/roles.js';

export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, name, role, prefix, created_at AS "createdAt", last_used_at AS "lastUsedAt",
  revoked_at AS "revokedAt"`;

/** Records last use at most once a minute per key, so reads stay reads. */
const LAST_USED_RESOLUTION = "interval '1 minute'";

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async authenticate(keyHash: string): Promise<Principal | null> {
    const rows: Array<Principal & { stale: boolean }> = await this.db.query(
      `SELECT tenant_id AS "tenantId", id AS "keyId", name AS "keyName", role,
              (last_used_at IS NULL OR last_used_at < now() - ${LAST_USED_RESOLUTION}) AS stale
         FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [keyHash],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.stale) {
      await this.db.query('UPDATE api_keys SET last_used_at = now() WHERE tenant_id = $1 AND id = $2', [
        row.tenantId,
        row.keyId,
      ]);
    }
    return { tenantId: row.tenantId, keyId: row.keyId, keyName: row.keyName, role: row.role };
  }

  async insert(
    tenantId: string,
    key: { id: string; name: string; role: Role; prefix: string; keyHash: string },
  ): Promise<ApiKeyRow> {
    const rows: ApiKeyRow[] = await this.db.query(
      `INSERT INTO api_keys (tenant_id, id, name, role, prefix, key_hash) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${COLUMNS}`,
      [tenantId, key.id, key.name, key.role, key.prefix, key.keyHash],
    );
    return rows[0];
  }

  /** Makes sure a key with this hash exists and is active, as an admin key of the tenant. */
  async ensureActive(tenantId: string, key: { id: string; name: string; prefix: string; keyHash: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO api_keys (tenant_id, id, name, role, prefix, key_hash) VALUES ($1, $2, $3, 'admin', $4, $5)
       ON CONFLICT (key_hash) DO UPDATE SET revoked_at = NULL, role = 'admin'`,
      [tenantId, key.id, key.name, key.prefix, key.keyHash],
    );
  }

  async countAll(): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query('SELECT count(*)::int AS n FROM api_keys');
    return rows[0]?.n ?? 0;
  }

  async list(tenantId: string): Promise<ApiKeyRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM api_keys WHERE tenant_id = $1 ORDER BY created_at, id`, [tenantId]);
  }

  async find(tenantId: string, id: string): Promise<ApiKeyRow | null> {
    const rows: ApiKeyRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM api_keys WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  async countActiveAdmins(tenantId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      "SELECT count(*)::int AS n FROM api_keys WHERE tenant_id = $1 AND role = 'admin' AND revoked_at IS NULL",
      [tenantId],
    );
    return rows[0]?.n ?? 0;
  }

  async revoke(tenantId: string, id: string): Promise<void> {
    await this.db.query(
      'UPDATE api_keys SET revoked_at = now() WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL',
      [tenantId, id],
    );
  }
}
