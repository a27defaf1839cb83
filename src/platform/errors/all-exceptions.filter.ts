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

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === '53300';
}

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
    if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception, requestId: request.id, method: request.method, url: request.originalUrl },
        'request failed',
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (body.code === 'DATABASE_UNAVAILABLE') response.setHeader('Retry-After', '5');
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
