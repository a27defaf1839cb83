import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { LOGGER } from '../../platform/logging/logger.js';
import { KpisRepository } from './kpis.repository.js';
import { KpisService } from './kpis.service.js';

const PREFIX = 'kpi-recompute:';

/**
 * The nightly KPI recompute (`@nestjs/schedule`): `KPI_RECOMPUTE_CRON` (default `0 2 * * *`)
 * is evaluated in each tenant's zone (the zone its channels share, else UTC), so 02:00 is local
 * 02:00 everywhere. One cron job per zone in use; when it fires it recomputes, for every tenant
 * of that zone, the previous local day (and so the week and month holding it). The zones are
 * read at start-up and again each time a job fires, so a zone that appears later is scheduled
 * within a day. With several instances on one database every one fires; a tenant's night is
 * claimed in the database (`kpi_nightly_runs`) and recomputed by the instance whose claim lands,
 * once. `KPI_SCHEDULE_ENABLED=false` schedules nothing (tests).
 */
@Injectable()
export class KpiScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly repository: KpisRepository,
    private readonly kpis: KpisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.kpiScheduleEnabled) return;
    await this.syncZones();
  }

  /** Names of the scheduled jobs, one per zone: `kpi-recompute:<zone>`. */
  jobNames(): string[] {
    return [...this.scheduler.getCronJobs().keys()].filter((n) => n.startsWith(PREFIX)).sort();
  }

  /** Adds a cron job for every tenant zone that has none. */
  async syncZones(): Promise<void> {
    const zones = new Set((await this.repository.tenantZones()).map((t) => t.zone));
    const existing = new Set(this.jobNames());
    for (const zone of zones) {
      const name = `${PREFIX}${zone}`;
      if (existing.has(name)) continue;
      const job = CronJob.from({
        cronTime: this.config.kpiRecomputeCron,
        timeZone: zone,
        start: true,
        waitForCompletion: true,
        unrefTimeout: true, // never the reason a process stays up (the HTTP server is)
        onTick: async () => {
          await this.runZone(zone, new Date());
        },
        errorHandler: (error: unknown) => this.logger.error({ err: error, zone }, 'nightly kpi recompute failed'),
      });
      this.scheduler.addCronJob(name, job);
    }
  }

  /**
   * Recomputes the previous local day of every tenant of `zone`, as of `at`, that no instance
   * has recomputed yet; answers how many this instance recomputed.
   */
  async runZone(zone: string, at: Date): Promise<number> {
    await this.syncZones();
    let tenants = 0;
    for (const t of await this.repository.tenantZones()) {
      if (t.zone !== zone) continue;
      const day = await this.repository.previousLocalDay(zone, at);
      if (!(await this.repository.claimNightlyRun(t.tenantId, day.day))) continue;
      try {
        const result = await this.kpis.recompute(t.tenantId, day.fromUtc, day.toUtc);
        this.logger.info({ tenantId: t.tenantId, zone, day: day.day, ...result }, 'nightly kpi recompute');
        tenants++;
      } catch (error) {
        this.logger.error({ err: error, tenantId: t.tenantId, zone }, 'nightly kpi recompute of a tenant failed');
        await this.repository.releaseNightlyRun(t.tenantId, day.day).catch(() => undefined);
      }
    }
    return tenants;
  }
}
