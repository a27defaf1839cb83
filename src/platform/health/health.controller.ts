import { Controller, Get, Header, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/roles.js';
import { DomainError } from '../errors/domain-error.js';
import { MetricsService } from '../metrics/metrics.service.js';

@ApiTags('operations')
@Controller()
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly metrics: MetricsService,
  ) {}

  @Get('health')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and database readiness (no API key needed)' })
  @ApiOkResponse({ description: '{ status: "ok", info: { database: { status: "up" } } }' })
  @ApiServiceUnavailableResponse({ description: 'DATABASE_UNAVAILABLE (with Retry-After): the database is not reachable' })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
    } catch (error) {
      // Terminus answers a failed check with a 503 exception; the API's answer is the domain code.
      if (error instanceof ServiceUnavailableException) throw new DomainError('DATABASE_UNAVAILABLE', 'the database is unavailable; retry later');
      throw error;
    }
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: request counts and latencies, database pool, process' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
