import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ImportMappingSpec } from '../../core/ingest/validate-import-mapping.js';

export interface ImportMappingRow {
  name: string;
  description: string | null;
  spec: ImportMappingSpec;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `name, description, spec, created_at AS "createdAt", updated_at AS "updatedAt"`;

@Injectable()
export class ImportMappingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async upsert(tenantId: string, name: string, description: string | null, spec: ImportMappingSpec): Promise<{ row: ImportMappingRow; created: boolean }> {
    const rows: Array<ImportMappingRow & { created: boolean }> = await this.db.query(
      `INSERT INTO import_mappings (tenant_id, name, kind, description, spec) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, name) DO UPDATE SET kind = EXCLUDED.kind, description = EXCLUDED.description,
         spec = EXCLUDED.spec, updated_at = now()
       RETURNING ${COLUMNS}, (xmax = 0) AS created`,
      [tenantId, name, spec.kind, description, JSON.stringify(spec)],
    );
    const { created, ...row } = rows[0];
    return { row, created };
  }

  list(tenantId: string): Promise<ImportMappingRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM import_mappings WHERE tenant_id = $1 ORDER BY name`, [tenantId]);
  }

  async find(tenantId: string, name: string): Promise<ImportMappingRow | null> {
    const rows: ImportMappingRow[] = await this.db.query(`SELECT ${COLUMNS} FROM import_mappings WHERE tenant_id = $1 AND name = $2`, [tenantId, name]);
    return rows[0] ?? null;
  }

  async delete(tenantId: string, name: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.db.query('DELETE FROM import_mappings WHERE tenant_id = $1 AND name = $2', [tenantId, name]);
    return affected > 0;
  }
}
