/** A CSV field: empty for null, numbers as JavaScript prints them ('.' decimals, no separators), text quoted when it must be (RFC 4180). */
export function csvValue(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Any listing value as a CSV field: booleans as true/false, objects as JSON text. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  return csvValue(typeof v === 'string' || typeof v === 'number' ? v : typeof v === 'boolean' ? String(v) : JSON.stringify(v));
}

/** Rows of values as CRLF-ended CSV lines, one line per row. */
export async function* csvLinesOf(rows: AsyncIterable<readonly unknown[]>): AsyncGenerator<string> {
  for await (const row of rows) yield row.map(csvField).join(',') + '\r\n';
}
