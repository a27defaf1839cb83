/**
 * A text cell a spreadsheet would run as a formula (OWASP "CSV injection"): one starting with
 * `=`, `+`, `@`, a tab or a carriage return, or with `-` unless the whole cell is a plain number
 * (`-` before a letter, and DDE payloads such as `-2+3+cmd|...`, run; `-5` and `-0.25` do not).
 */
const FORMULA_START = /^[=+@\t\r]|^-(?=.)(?!\d*\.?\d+(?:[eE][+-]?\d+)?$)/s;

/**
 * A CSV field: empty for null, numbers as JavaScript prints them ('.' decimals, no separators),
 * text quoted when it must be (RFC 4180). Text a spreadsheet would execute gets a leading `'`
 * (OWASP), so that opening an export never runs what a row of an upload carried.
 */
export function csvValue(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
