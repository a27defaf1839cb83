import type { ErrorCode } from './error-codes.js';

/** One problem with one field or row of a request, as the error body lists them. */
export interface FieldError {
  /** Path of the field in a JSON body (`intervals[3].volume`), or the CSV column. */
  field?: string;
  line?: number;
  column?: string;
  value?: unknown;
  reason: string;
}

/** An error of the domain: a code (mapped to an HTTP status by the one filter) and a message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A 404 for an id that does not exist or belongs to another tenant (never 403). */
export function notFound(code: ErrorCode, what: string, id: string): DomainError {
  return new DomainError(code, `${what} ${id} not found`);
}

/** A 422 listing the invalid fields of a request. */
export function validationFailed(errors: FieldError[], code: ErrorCode = 'VALIDATION_FAILED'): DomainError {
  const first = errors[0];
  const where = first ? (first.field ?? first.column ?? '') : '';
  const message =
    errors.length === 1 && first
      ? `${where ? where + ': ' : ''}${first.reason}`
      : `${errors.length} fields are invalid${where ? `; first: ${where}: ${first?.reason ?? ''}` : ''}`;
  return new DomainError(code, message, { errorCount: errors.length, errors: errors.slice(0, 100) });
}
