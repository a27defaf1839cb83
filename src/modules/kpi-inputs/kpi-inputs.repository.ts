import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { FieldSpec, KindSpec } from './kpi-input-kinds.js';

/** A staged row whose natural key repeats an earlier row of the same upload. */
export interface StagedRepeat {
  line: number;
  firstLine: number;
  value: string;
  total: number;
}

const union = (tables: readonly string[], columns: string): string => tables.map((t) => `SELECT ${columns} FROM ${t}`).join(' UNION ALL ');

/** The staged text of a field cast to its table column type. */
function cast(f: FieldSpec): string {
  switch (f.type) {
    case 'date':
      return `s.${f.target}::date`;
    case 'decimal':
      return `s.${f.target}::numeric`;
    case 'count':
      return `s.${f.target}::bigint`;
    case 'boolean':
      return `s.${f.target}::boolean`;
    case 'text':
    case 'channel':
    case 'instant':
    case 'number':
    case 'enum':
    case 'currency':
      return `s.${f.target}`;
  }
}

/**
 * SQL of the KPI input uploads, generated from each kind's column spec (table and column names
 * come from the constant specs, never from requests): repeated keys among the staged rows, case
 * updates of unknown cases, and the natural-key upsert.
 */
@Injectable()
export class KpiInputsRepository {
  /** Staged rows repeating the natural key of an earlier staged row (first 100), with the total. */
  async stagedRepeats(client: PoolClient, spec: KindSpec, tables: readonly string[]): Promise<StagedRepeat[]> {
    if (!spec.key || tables.length === 0) return [];
    const columns = ['line', ...spec.fields.map((f) => f.target)].join(', ');
    const key = spec.key.join(', ');
    const { rows } = await client.query<{ line: number; firstLine: number; value: string | null; total: number }>(
      `SELECT l AS line, lines[1] AS "firstLine", value, (sum(n - 1) OVER ())::int AS total
         FROM (SELECT array_agg(line ORDER BY line) AS lines, count(*) AS n, (array_agg((${spec.key[0]})::text))[1] AS value
                 FROM (${union(tables, columns)}) s GROUP BY ${key} HAVING count(*) > 1) d,
              unnest(lines[2:]) AS l
        ORDER BY l LIMIT 100`,
    );
    return rows.map((r) => ({ ...r, value: r.value ?? '' }));
  }

  /** Staged case updates naming a case the tenant does not have (first 100), with the total. */
  async stagedUnknownCases(client: PoolClient, tenantId: string, tables: readonly string[]): Promise<Array<{ line: number; caseId: string; total: number }>> {
    const { rows } = await client.query<{ line: number; caseId: string; total: number }>(
      `SELECT line, case_id AS "caseId", (count(*) OVER ())::int AS total
         FROM (${union(tables, 'line, case_id')}) s
        WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = $1 AND c.case_id = s.case_id)
        ORDER BY line LIMIT 100`,
      [tenantId],
    );
    return rows;
  }

  /**
   * Before the upsert of a cases upload: the UTC range of the stored created_at of the staged
   * cases whose created_at changes (their case KPIs leave that period); null when none moves.
   */
  async stagedCasesLeaving(client: PoolClient, tenantId: string, tables: readonly string[]): Promise<{ fromUtc: Date; toUtc: Date } | null> {
    if (tables.length === 0) return null;
    const { rows } = await client.query<{ fromUtc: Date | null; toUtc: Date | null }>(
      `SELECT min(c.created_at) AS "fromUtc", max(c.created_at) + interval '1 second' AS "toUtc"
         FROM (${union(tables, 'case_id, created_at')}) s JOIN cases c ON c.tenant_id = $1 AND c.case_id = s.case_id
        WHERE c.created_at IS DISTINCT FROM s.created_at`,
      [tenantId],
    );
    const r = rows[0];
    return r?.fromUtc && r.toUtc ? { fromUtc: r.fromUtc, toUtc: r.toUtc } : null;
  }

  /**
   * A currency of the tenant's stored rows other than `currency` (the most frequent), or null
   * when every stored row is in `currency`. Table and column come from the constant specs.
   */
  async otherCurrency(client: PoolClient, table: string, column: string, tenantId: string, currency: string): Promise<string | null> {
    const { rows } = await client.query<{ currency: string }>(
      `SELECT ${column} AS currency FROM ${table} WHERE tenant_id = $1 AND ${column} <> $2 GROUP BY ${column} ORDER BY count(*) DESC, ${column} LIMIT 1`,
      [tenantId, currency],
    );
    return rows[0]?.currency ?? null;
  }

  /** Inserts every staged row; a row whose natural key is stored replaces that row. */
  async upsert(client: PoolClient, spec: KindSpec, tenantId: string, uploadId: string, tables: readonly string[]): Promise<{ inserted: number; total: number }> {
    const staged = union(tables, ['line', ...spec.fields.map((f) => f.target)].join(', '));
    const targets = spec.fields.map((f) => f.target);
    const keyed = spec.key !== null;
    const insertColumns = ['tenant_id', 'upload_id', ...(keyed ? [] : ['line']), ...targets].join(', ');
    const values = ['$1::uuid', '$2::uuid', ...(keyed ? [] : ['s.line']), ...spec.fields.map(cast)].join(', ');
    const plainKey = new Set(spec.key ?? []);
    const conflict = spec.key
      ? `ON CONFLICT (tenant_id, ${spec.key.join(', ')}) DO UPDATE SET ${[...targets.filter((t) => !plainKey.has(t)), 'upload_id'].map((t) => `${t} = EXCLUDED.${t}`).join(', ')}`
      : '';
    const { rows } = await client.query<{ inserted: number; total: number }>(
      `WITH w AS (INSERT INTO ${spec.table} (${insertColumns}) SELECT ${values} FROM (${staged}) s ORDER BY s.line ${conflict} RETURNING (xmax = 0) AS fresh)
       SELECT (count(*) FILTER (WHERE fresh))::int AS inserted, count(*)::int AS total FROM w`,
      [tenantId, uploadId],
    );
    return rows[0];
  }
}
