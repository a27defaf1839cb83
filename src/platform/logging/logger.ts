import { pino, stdSerializers, type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';

/** Paths of log fields that may hold secrets: never written. */
const REDACT = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'apiKey',
  'secret',
  'password',
  'databaseUrl',
];

/** `Key (key_hash)=(9f2c…) already exists.`, `Failing row contains (…)`: PostgreSQL details quote values. */
function withoutValues(detail: string): string {
  return detail.replace(/\)=\(.*?\)(?=[ .,]|$)/g, ')=([redacted])').replace(/(Failing row contains )\(.*\)/g, '$1([redacted])');
}

/**
 * Removes what a failed query carries of its inputs (TypeORM's `parameters`, PostgreSQL's
 * `detail` values), in the error and the errors it wraps (`driverError`, `cause`).
 */
function scrubQueryValues(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = value instanceof Error ? { type: value.name, message: value.message, stack: value.stack } : {};
  for (const [key, v] of Object.entries(source)) {
    if (key === 'parameters') out.parameterCount = Array.isArray(v) ? v.length : undefined;
    else if (key === 'detail' && typeof v === 'string') out.detail = withoutValues(v);
    else if (key === 'driverError' || key === 'cause') out[key] = scrubQueryValues(v, depth + 1);
    else out[key] = v;
  }
  return out;
}

/** pino's error serializer, without the bound parameters or quoted values of a failed query. */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const standard = stdSerializers.err(error) as unknown as Record<string, unknown>;
  return scrubQueryValues(Object.assign(standard, { cause: (error as { cause?: unknown }).cause }), 0);
}

/** JSON lines in production, readable lines in development (pino-pretty); `destination` for tests. */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level: config.logLevel,
    serializers: { err: serializeError },
    redact: { paths: REDACT, censor: '[redacted]' },
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(config.logFormat === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { colorize: false, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
  };
  return destination ? pino({ ...options, transport: undefined }, destination) : pino(options);
}

/** Nest's own log lines (module init, routes) through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

/** Injection token of the pino logger. */
export const LOGGER = Symbol('LOGGER');
