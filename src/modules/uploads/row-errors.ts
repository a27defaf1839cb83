import { DomainError, type FieldError } from '../../platform/errors/domain-error.js';

const LIMIT = 100;
const VALUE_MAX = 200;

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The invalid rows of one upload: all are counted, the first 100 kept. CSV rows are named by
 * their line as a text editor shows it (the header is line 1) and column; JSON rows by their
 * path (`rows[3].ahtSeconds`).
 */
export class RowErrors {
  count = 0;
  readonly list: FieldError[] = [];

  constructor(private readonly mode: 'csv' | 'json') {}

  add(line: number, column: string | undefined, value: string, reason: string): void {
    this.count++;
    if (this.list.length >= LIMIT) return;
    const shown = value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX)}...` : value;
    if (this.mode === 'csv') {
      this.list.push({ line, ...(column !== undefined ? { column } : {}), value: shown, reason });
    } else {
      this.list.push({ field: `rows[${line}]${column !== undefined ? '.' + camel(column) : ''}`, value: shown, reason });
    }
  }

  toError(): DomainError {
    const first = this.list[0];
    const where = first ? (first.line !== undefined ? `line ${first.line}` : first.field) : '';
    const message =
      this.count === 1
        ? `1 row is invalid: ${where}${first?.column ? `, ${first.column}` : ''}: ${first?.reason ?? ''}`
        : `${this.count} rows are invalid; first: ${where}${first?.column ? `, ${first.column}` : ''}: ${first?.reason ?? ''}`;
    return new DomainError('INVALID_ROWS', message, { errorCount: this.count, errors: this.list });
  }
}

/**
 * Throws 422 INVALID_ROWS for the rows a check of the staged upload found, each with its line and
 * the count of all such rows (`total`: the query reads only the first ones): `describe` gives
 * each row's column, value and reason (`where` is how rows are named: CSV lines or JSON rows).
 */
export function rejectStagedRows<T extends { line: number; total: number }>(
  mode: 'csv' | 'json',
  rows: readonly T[],
  describe: (row: T, where: 'line' | 'row') => { column: string; value: string; reason: string },
): never {
  const errors = new RowErrors(mode);
  const where = mode === 'csv' ? 'line' : 'row';
  for (const r of rows) {
    const d = describe(r, where);
    errors.add(r.line, d.column, d.value, d.reason);
  }
  errors.count = Math.max(errors.count, rows[0]?.total ?? 0);
  throw errors.toError();
}
