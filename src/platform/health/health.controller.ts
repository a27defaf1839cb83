import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.js';
import { DomainError } from '../errors/domain-error.js';
import { ErrorResponseDto } from '../errors/error-response.dto.js';
import { Lifecycle } from '../lifecycle/lifecycle.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { HealthResponseDto } from './health-response.dto.js';

/** A database that does not answer `SELECT 1` within this is unavailable. */
const PING_TIMEOUT_MS = 3000;

@ApiTags('operations')
@Controller()
@Public()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: Lifecycle,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * 200 when the database answers; 503 with `Retry-After` (DATABASE_UNAVAILABLE) while it does
   * not, and (SHUTTING_DOWN) while the process drains. Expected states: no stack is logged.
   */
  @Get('health')
  @ApiOperation({ summary: 'Liveness and database readiness (no API key needed)' })
  @ApiOkResponse({ description: 'The database answers', type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ description: 'The database is not reachable (DATABASE_UNAVAILABLE), or the process is shutting down (SHUTTING_DOWN); with Retry-After', type: ErrorResponseDto })
  async check(): Promise<HealthResponseDto> {
    if (this.lifecycle.shuttingDown) throw new DomainError('SHUTTING_DOWN', 'the engine is shutting down; retry on another instance or later');
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
        }),
      ]);
    } catch {
      // The driver's message stays out of the answer (it names hosts and ports).
      throw new DomainError('DATABASE_UNAVAILABLE', 'the database is unavailable; retry later', { database: { status: 'down' } });
    } finally {
      clearTimeout(timer);
    }
    return { status: 'ok', info: { database: { status: 'up', responseTime: Date.now() - started } } };
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
