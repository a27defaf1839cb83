import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError } from './domain-error.js';
import { httpStatusOf, type ErrorCode } from './error-codes.js';

interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  limit?: number;
}

/** Socket errors and PostgreSQL states of a server that is down, restarting or full. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH',
  '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006',
]);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)/;

/** Whether an error means the database cannot be reached now (503), not that a query is wrong. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

/** 503s of a known state (database down, shutting down): answered with Retry-After, logged without a stack. */
const RETRY_LATER: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['DATABASE_UNAVAILABLE', 'SHUTTING_DOWN']);

function fromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const given = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const message =
    typeof given === 'string' ? given : Array.isArray(given) ? given.join('; ') : exception.message;
  const code: ErrorCode =
    status === 404 ? 'ROUTE_NOT_FOUND'
    : status === 401 ? 'UNAUTHENTICATED'
    : status === 403 ? 'FORBIDDEN'
    : status === 413 ? 'PAYLOAD_TOO_LARGE'
    : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE'
    : status === 429 ? 'RATE_LIMITED'
    : status === 422 ? 'VALIDATION_FAILED'
    : status < 500 ? 'MALFORMED_REQUEST'
    : 'INTERNAL_ERROR';
  return { statusCode: httpStatusOf(code), code, message };
}

/**
 * The one exception filter: domain errors by their code, framework and body-parser errors by
 * their status, anything else a 500 with the request id (the stack goes to the log only).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { id?: string }>();
    const response = context.getResponse<Response>();
    const body = this.toBody(exception, request.id ?? '');
    if (RETRY_LATER.has(body.code)) {
      // An expected state, not a bug: one line, no stack (health probes repeat it every few seconds).
      if (!(exception instanceof DomainError)) {
        this.logger.warn(
          { requestId: request.id, method: request.method, url: request.originalUrl, reason: exception instanceof Error ? exception.message : String(exception) },
          'database unavailable',
        );
      }
    } else if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception, requestId: request.id, method: request.method, url: request.originalUrl },
        'request failed',
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (RETRY_LATER.has(body.code)) response.setHeader('Retry-After', '5');
    const retryAfter = body.details?.retryAfterSeconds;
    if (body.code === 'RATE_LIMITED' && typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: httpStatusOf(exception.code),
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    // Nest wraps body-parser errors in an HttpException; the original is its cause.
    const parserError = (exception instanceof HttpException ? exception.cause : exception) as BodyParserError | null;
    if (parserError?.type === 'entity.too.large') {
      return {
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `request body is larger than the limit of ${parserError.limit ?? '?'} bytes`,
      };
    }
    if (parserError?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'request body is not valid JSON' };
    }
    if (parserError?.type === 'encoding.unsupported' || parserError?.type === 'charset.unsupported') {
      return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported body encoding or charset' };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable; retry later', details: { requestId } };
    }
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: `internal error; quote request id ${requestId} when reporting it`,
      details: { requestId },
    };
  }
}
