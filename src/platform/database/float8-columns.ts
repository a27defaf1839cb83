import type { DataSource } from 'typeorm';

/** Rows as columns: one Float64Array per column, NaN where the value is NULL (or NaN). */
export interface Float8Columns {
  length: number;
  columns: Float64Array[];
}

/**
 * SQL that packs the rows of `select` (every column a number or NULL) into one row: the row count
 * `n`, then per column `cK` one bytea, the float8send of each value in row order (NULL as NaN).
 * The aggregates take the rows in the order of `select` (an ORDER BY inside them would sort
 * again); `decodeFloat8Columns` reads them back.
 */
export function float8ColumnsSql(select: string, columnCount: number): string {
  const names = Array.from({ length: columnCount }, (_, k) => `c${k}`);
  const columns = names.map((c) => `string_agg(float8send(coalesce(${c}::float8, 'NaN')), ''::bytea) AS ${c}`);
  return `SELECT count(*)::int AS n, ${columns.join(', ')} FROM (${select}) s(${names.join(', ')})`;
}

/**
 * A column of `float8ColumnsSql` (8 bytes per value, big-endian, as float8send writes them) as a
 * Float64Array of `n` values: one copy, then the bytes swapped in place to the machine's order
 * (x86 and ARM are little-endian; the check below refuses anything else).
 */
export function decodeFloat8Column(bytes: Uint8Array | null, n: number): Float64Array {
  const out = new Float64Array(n);
  if (n === 0) return out;
  if (!bytes || bytes.length !== 8 * n) throw new Error(`float8 column: expected ${8 * n} bytes, got ${bytes?.length ?? 'NULL'}`);
  const raw = Buffer.from(out.buffer);
  raw.set(bytes);
  raw.swap64();
  return out;
}

if (new Uint8Array(new Float64Array([1]).buffer)[7] !== 0x3f) throw new Error('float8 columns: this machine is not little-endian');

/**
 * Runs `float8ColumnsSql(select, columnCount)` with `values` and decodes the columns: one result
 * row per call, whatever the row count, and no text per value on either side (the bytea travels
 * as hex text, which pg turns back into bytes in native code).
 */
export async function readFloat8Columns(db: DataSource, select: string, columnCount: number, values: unknown[]): Promise<Float8Columns> {
  const rows: Array<Record<string, Buffer | number | null>> = await db.query(float8ColumnsSql(select, columnCount), values);
  const n = rows[0].n as number;
  return { length: n, columns: Array.from({ length: columnCount }, (_, k) => decodeFloat8Column(rows[0][`c${k}`] as Buffer | null, n)) };
}
