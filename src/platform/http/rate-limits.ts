import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * The routes whose one request costs seconds of CPU or database (`METHOD /path` as routed):
 * an API key may call them WFM_RATE_LIMIT_EXPENSIVE times a minute, all of them together.
 */
export const EXPENSIVE_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/v1/staffing/calculate',
  'POST /api/v1/staffing/evaluate',
  'POST /api/v1/forecasts/generate',
  'POST /api/v1/forecasts/backtest',
  'POST /api/v1/kpis/recompute',
  'GET /api/v1/reports/interval-comparison',
  'GET /api/v1/reports/forecast-accuracy',
  'GET /api/v1/reports/calibration',
  'GET /api/v1/adherence',
  'GET /api/v1/adherence/exceptions',
  'GET /api/v1/dashboard/range',
  'POST /api/v1/schedules/generate',
]);

function limited(what: string, seconds: number): DomainError {
  return new DomainError('RATE_LIMITED', `${what}; retry in ${seconds} s`, { retryAfterSeconds: seconds });
}

/**
 * The engine's two rate limits (429 RATE_LIMITED with Retry-After), off when
 * WFM_RATE_LIMIT_ENABLED=false: failed authentications per client address (a client guessing
 * keys is refused before its next guess is even checked), and the expensive routes per API key.
 */
@Injectable()
export class RateLimits {
  private readonly authFailures: RateLimiter;
  private readonly expensive: RateLimiter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.authFailures = new RateLimiter(config.rateLimitAuthFailuresPerMinute);
    this.expensive = new RateLimiter(config.rateLimitExpensivePerMinute);
  }

  /** @throws DomainError RATE_LIMITED while `address` has used up its failed authentications */
  checkAuthentication(address: string): void {
    if (!this.config.rateLimitEnabled) return;
    const wait = this.authFailures.waitSeconds(address);
    if (wait > 0) throw limited('too many failed authentications from this address', wait);
  }

  /** Counts a failed authentication of `address`. */
  authenticationFailed(address: string): void {
    if (this.config.rateLimitEnabled) this.authFailures.spend(address);
  }

  /** @throws DomainError RATE_LIMITED when `route` is expensive and `keyId` has used up its calls */
  checkRoute(keyId: string, route: string): void {
    if (!this.config.rateLimitEnabled || !EXPENSIVE_ROUTES.has(route)) return;
    const wait = this.expensive.take(keyId);
    if (wait > 0) throw limited(`too many requests to expensive routes with this API key (WFM_RATE_LIMIT_EXPENSIVE=${this.config.rateLimitExpensivePerMinute} a minute)`, wait);
  }
}
