import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { MetricsService } from '../metrics/metrics.service.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (the caller's `x-request-id` when it is sane, else a UUID), echoes
 * it, and on finish logs one line and records the metrics. Never logs headers or bodies.
 */
export function requestContextMiddleware(logger: Logger, metrics: MetricsService) {
  return (request: Request & { id?: string }, response: Response, next: NextFunction): void => {
    const given = request.header('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    request.id = id;
    response.setHeader('x-request-id', id);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (request.route as { path?: string } | undefined)?.path;
      const pattern = route ? `${request.baseUrl}${route}` : 'unmatched';
      metrics.observe(request.method, pattern, response.statusCode, seconds);
      logger.info(
        {
          requestId: id,
          method: request.method,
          path: request.path,
          status: response.statusCode,
          ms: Math.round(seconds * 1e4) / 10,
        },
        'request',
      );
    });
    next();
  };
}
