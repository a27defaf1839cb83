import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter.js';
import { DomainError } from './domain-error.js';

function run(exception: unknown) {
  const logged: unknown[] = [];
  const warned: unknown[] = [];
  const logger = { error: (...args: unknown[]) => logged.push(args), warn: (...args: unknown[]) => warned.push(args) } as unknown as Logger;
  let status = 0;
  let body: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  const response = {
    headersSent: false,
    setHeader: (k: string, v: string) => (headers[k] = v),
    status(code: number) {
      status = code;
      return this;
    },
    json(b: Record<string, unknown>) {
      body = b;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ id: 'req-1', method: 'GET', originalUrl: '/x' }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter(logger).catch(exception, host);
  return { status, body, logged, warned, headers };
}

describe('AllExceptionsFilter', () => {
  it('answers an unknown error with 500, the request id, and no stack (the stack goes to the log)', () => {
    const error = new Error('secret internals at db.ts:42');
    const { status, body, logged } = run(error);
    expect(status).toBe(500);
    expect(body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'internal error; quote request id req-1 when reporting it',
      details: { requestId: 'req-1' },
    });
    expect(JSON.stringify(body)).not.toContain('db.ts');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0])).toContain('req-1');
  });

  it('maps a domain error by its code, with details, and does not log it', () => {
    const { status, body, logged } = run(new DomainError('CHANNEL_NOT_FOUND', 'channel x not found'));
    expect(status).toBe(404);
    expect(body).toEqual({ statusCode: 404, code: 'CHANNEL_NOT_FOUND', message: 'channel x not found' });
    expect(logged).toHaveLength(0);
  });

  it('maps framework exceptions and a lost database connection', () => {
    expect(run(new NotFoundException('Cannot GET /y')).body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
    expect(run(new BadRequestException('bad')).body).toMatchObject({ statusCode: 400, code: 'MALFORMED_REQUEST' });
    const down = run(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(down.status).toBe(503);
    expect(down.headers['Retry-After']).toBe('5');
    expect(down.body.code).toBe('DATABASE_UNAVAILABLE');
  });

  it('answers a connection lost mid-query 503 with Retry-After, logged as one line without a stack', () => {
    const lost = new QueryFailedError('SELECT 1 FROM api_keys WHERE key_hash = $1', ['hash'], new Error('Connection terminated unexpectedly'));
    const { status, body, headers, logged, warned } = run(lost);
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(body.code).toBe('DATABASE_UNAVAILABLE');
    expect(logged).toHaveLength(0);
    expect(warned).toHaveLength(1);
    expect(JSON.stringify(warned[0])).not.toContain('stack');
  });

  it('answers a database in crash recovery and a shutting-down process 503 with Retry-After', () => {
    const recovering = run(Object.assign(new Error('the database system is in recovery mode'), { code: '57P03' }));
    expect(recovering.status).toBe(503);
    const draining = run(new DomainError('SHUTTING_DOWN', 'the engine is shutting down'));
    expect(draining.status).toBe(503);
    expect(draining.headers['Retry-After']).toBe('5');
    expect(draining.logged).toHaveLength(0);
    expect(draining.warned).toHaveLength(0);
  });
});
