import { validateCronExpression } from 'cron';
/**
 * The one typed configuration object of the engine, read from the environment once at boot.
 * Every variable has a default and a description here, mirrored in `.env.example`.
 * A bad value stops the process with a message naming the variable.
 */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type NodeEnvironment = 'development' | 'production' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnvironment;
  port: number;
  host: string;
  /** Unset: the embedded PostgreSQL under `dataDir` is started and used. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  adminApiKey: string | null;
  logLevel: LogLevel;
  logFormat: 'json' | 'pretty';
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  databasePoolSize: number;
  /** Longest a staffing computation may run in its worker before it is stopped (WFM_COMPUTE_TIMEOUT_SECONDS). */
  computeTimeoutSeconds: number;
  seedDemoData: boolean;
  /** Cron expression of the nightly KPI recompute, evaluated in each tenant's zone (KPI_RECOMPUTE_CRON). */
  kpiRecomputeCron: string;
  /** Whether the nightly KPI recompute is scheduled (KPI_SCHEDULE_ENABLED; off in tests). */
  kpiScheduleEnabled: boolean;
  /** Share of a survey scale from which a csat response counts as satisfied (KPI_CSAT_TOP_BOX_THRESHOLD). */
  kpiCsatTopBoxThreshold: number;
  /** Clients reach the engine over HTTPS (a TLS proxy): send HSTS and upgrade-insecure-requests (WFM_BEHIND_TLS). */
  behindTls: boolean;
  /** Rate limits on (WFM_RATE_LIMIT_ENABLED; off in tests). */
  rateLimitEnabled: boolean;
  /** Failed authentications a client address may make per minute (WFM_RATE_LIMIT_AUTH_FAILURES). */
  rateLimitAuthFailuresPerMinute: number;
  /** Requests per minute an API key may make to the expensive routes (WFM_RATE_LIMIT_EXPENSIVE). */
  rateLimitExpensivePerMinute: number;
}

export interface ConfigVariable {
  name: string;
  defaultValue: string;
  description: string;
}

/** The documented variables, in the order of `.env.example`. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'NODE_ENV', defaultValue: 'development', description: 'development | production | test' },
  { name: 'PORT', defaultValue: '3000', description: 'TCP port of the HTTP API' },
  { name: 'HOST', defaultValue: '127.0.0.1', description: 'Interface the HTTP API binds to (0.0.0.0 in containers)' },
  { name: 'DATABASE_URL', defaultValue: '', description: 'postgres://user:pass@host:5432/db of a PostgreSQL server; unset: start the embedded PostgreSQL' },
  { name: 'WFM_DATA_DIR', defaultValue: '.wfm', description: 'Directory of the embedded PostgreSQL data (relative to the working directory)' },
  { name: 'WFM_EMBEDDED_PG_PORT', defaultValue: '54329', description: 'Port of the embedded PostgreSQL (loopback only)' },
  { name: 'WFM_ADMIN_API_KEY', defaultValue: '', description: 'If set, ensured as an admin API key of the default tenant at start (>= 24 characters)' },
  { name: 'LOG_LEVEL', defaultValue: 'info', description: 'fatal | error | warn | info | debug | trace | silent' },
  { name: 'LOG_FORMAT', defaultValue: '', description: 'json | pretty; default json in production, pretty otherwise' },
  { name: 'WFM_BODY_LIMIT_BYTES', defaultValue: '20000000', description: 'Largest JSON body accepted (bytes)' },
  { name: 'WFM_UPLOAD_LIMIT_BYTES', defaultValue: '200000000', description: 'Largest CSV upload accepted (bytes)' },
  { name: 'WFM_DB_POOL_SIZE', defaultValue: '10', description: 'Connections in the database pool' },
  { name: 'WFM_COMPUTE_TIMEOUT_SECONDS', defaultValue: '120', description: 'Longest a large staffing computation may run (in a worker thread) before it is stopped with 413 COMPUTATION_TOO_LARGE' },
  { name: 'WFM_SEED_DEMO', defaultValue: 'true', description: 'Load the demo tenant data (channels) at start when the database is empty' },
  { name: 'KPI_RECOMPUTE_CRON', defaultValue: '0 2 * * *', description: 'Cron of the nightly KPI recompute of the previous day, run in each tenant zone (channels zone, else UTC)' },
  { name: 'KPI_SCHEDULE_ENABLED', defaultValue: 'true', description: 'Schedule the nightly KPI recompute (false in tests)' },
  { name: 'KPI_CSAT_TOP_BOX_THRESHOLD', defaultValue: '0.75', description: 'Share of the survey scale from which a csat response counts as satisfied (0.75: 4 and 5 of 1-5)' },
  { name: 'WFM_BEHIND_TLS', defaultValue: 'false', description: 'Clients reach the engine over HTTPS (a TLS proxy in front): send HSTS and the CSP upgrade-insecure-requests' },
  { name: 'WFM_RATE_LIMIT_ENABLED', defaultValue: 'true', description: 'Rate-limit failed authentication and the expensive routes (429 with Retry-After; false in tests)' },
  { name: 'WFM_RATE_LIMIT_AUTH_FAILURES', defaultValue: '20', description: 'Failed authentications per minute from one client address before it is answered 429' },
  { name: 'WFM_RATE_LIMIT_EXPENSIVE', defaultValue: '120', description: 'Requests per minute one API key may make to the expensive routes (calculate, forecasting, reports, recompute)' },
];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string {
  const raw = env[name];
  if (raw !== undefined && raw.trim() !== '') return raw.trim();
  const variable = CONFIG_VARIABLES.find((v) => v.name === name);
  return variable ? variable.defaultValue : '';
}

function integer(env: Env, name: string, min: number, max: number): number {
  const text = read(env, name);
  if (!/^\d+$/.test(text)) throw new ConfigError(name, `must be an integer, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[]): T {
  const text = read(env, name);
  if (!(allowed as readonly string[]).includes(text)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${text}"`);
  }
  return text as T;
}

function booleanValue(env: Env, name: string): boolean {
  const text = read(env, name).toLowerCase();
  if (['true', '1', 'yes'].includes(text)) return true;
  if (['false', '0', 'no'].includes(text)) return false;
  throw new ConfigError(name, `must be true or false, got "${text}"`);
}

function cronExpression(env: Env, name: string): string {
  const text = read(env, name);
  const check = validateCronExpression(text);
  if (!check.valid) throw new ConfigError(name, `must be a cron expression (minute hour day month weekday), got "${text}"`);
  return text;
}

function fraction(env: Env, name: string): number {
  const text = read(env, name);
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value < 0 || value > 1) throw new ConfigError(name, `must be a number between 0 and 1, got "${text}"`);
  return value;
}

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const);
  const databaseUrl = read(env, 'DATABASE_URL') || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  const adminApiKey = read(env, 'WFM_ADMIN_API_KEY') || null;
  if (adminApiKey !== null && adminApiKey.length < 24) {
    throw new ConfigError('WFM_ADMIN_API_KEY', 'must be at least 24 characters long');
  }
  const logFormatText = read(env, 'LOG_FORMAT') || (nodeEnv === 'production' ? 'json' : 'pretty');
  const logFormat = oneOf({ LOG_FORMAT: logFormatText }, 'LOG_FORMAT', ['json', 'pretty'] as const);
  return {
    nodeEnv,
    port: integer(env, 'PORT', 0, 65535),
    host: read(env, 'HOST'),
    databaseUrl,
    dataDir: read(env, 'WFM_DATA_DIR'),
    embeddedPgPort: integer(env, 'WFM_EMBEDDED_PG_PORT', 1024, 65535),
    adminApiKey,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    logFormat,
    bodyLimitBytes: integer(env, 'WFM_BODY_LIMIT_BYTES', 1024, 1_000_000_000),
    uploadLimitBytes: integer(env, 'WFM_UPLOAD_LIMIT_BYTES', 1024, 10_000_000_000),
    databasePoolSize: integer(env, 'WFM_DB_POOL_SIZE', 1, 200),
    computeTimeoutSeconds: integer(env, 'WFM_COMPUTE_TIMEOUT_SECONDS', 1, 86_400),
    seedDemoData: booleanValue(env, 'WFM_SEED_DEMO'),
    kpiRecomputeCron: cronExpression(env, 'KPI_RECOMPUTE_CRON'),
    kpiScheduleEnabled: booleanValue(env, 'KPI_SCHEDULE_ENABLED'),
    kpiCsatTopBoxThreshold: fraction(env, 'KPI_CSAT_TOP_BOX_THRESHOLD'),
    behindTls: booleanValue(env, 'WFM_BEHIND_TLS'),
    rateLimitEnabled: booleanValue(env, 'WFM_RATE_LIMIT_ENABLED'),
    rateLimitAuthFailuresPerMinute: integer(env, 'WFM_RATE_LIMIT_AUTH_FAILURES', 1, 1_000_000),
    rateLimitExpensivePerMinute: integer(env, 'WFM_RATE_LIMIT_EXPENSIVE', 1, 1_000_000),
  };
}

/** Nest injection token of the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
