import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Logger } from 'pino';
import { civilFromDays } from '../../core/time/civil-from-days.js';
import { daysFromCivil } from '../../core/time/days-from-civil.js';
import { LOGGER } from '../../platform/logging/logger.js';
import { projectRoot } from '../../platform/project-root.js';
import { ActualsService } from '../actuals/actuals.service.js';
import { AdherenceService } from '../adherence/adherence.service.js';
import type { Principal } from '../../platform/auth/principal.js';
import { ChannelsService } from '../channels/channels.service.js';
import { ChannelPutDto } from '../channels/index.js';
import type { ForecastRowInput } from '../forecasts/forecast-version.js';
import { ForecastsService } from '../forecasts/forecasts.service.js';
import type { ImportMappingPutDto } from '../import-mappings/index.js';
import { ImportMappingsService } from '../import-mappings/import-mappings.service.js';
import { SchedulingService } from '../scheduling/scheduling.service.js';
import { PlansService } from '../staffing/plans.service.js';
import { DEFAULT_TENANT_ID } from '../tenants/tenants.service.js';
import { csvStreamSource, jsonRowsSource } from '../uploads/upload-body.js';
import { agentDaysFromCalls, bankCallsOfAgents } from './bank-agent-days.js';

const BANK_MAPPING = 'anonymous-bank-1999';
const BANK_WEEK = 'data/demo/anonymous-bank-1999-10-03-to-09.tsv.gz';
const BANK_NEXT_WEEK = 'data/demo/anonymous-bank-1999-10-10-to-16.tsv.gz';
const UPLOADER = { keyId: null, keyName: 'demo seeder' };
/** Israel Standard Time in October 1999 (DST ended on 3 September 1999). */
const BANK_OFFSET_MINUTES = 120;

/** `YYYY-MM-DDTHH:MM...` local text shifted by `days` calendar days, as `YYYY-MM-DD HH:MM`. */
function shiftLocal(local: string, days: number): string {
  const d = civilFromDays(daysFromCivil(Number(local.slice(0, 4)), Number(local.slice(5, 7)), Number(local.slice(8, 10))) + days);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} ${local.slice(11, 16)}`;
}

/**
 * Demo data for a fresh installation (see data/README.md): the channels of the Anonymous Bank
 * call center (1999) and an IT service desk; the bank's import mapping; two weeks of its real
 * per-call records (3-9 and 10-16 October 1999) ingested through that mapping; a seasonal-naive
 * forecast of the second week made from the first (each interval's volume and AHT copied from a
 * week earlier); a staffing plan of that forecast (Erlang C, each channel's stored goal); and,
 * for the second week, schedules and agent states derived from the agent ids of the calls
 * (`bank-agent-days.ts`). The dashboard (GET /) then shows a real week with every series.
 * `seed()` runs only while the default tenant has no channels; `seedTenant()` fills any tenant.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly channels: ChannelsService,
    private readonly mappings: ImportMappingsService,
    private readonly actuals: ActualsService,
    private readonly forecasts: ForecastsService,
    private readonly plans: PlansService,
    private readonly adherence: AdherenceService,
    private readonly scheduling: SchedulingService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async seed(): Promise<void> {
    if ((await this.channels.list(DEFAULT_TENANT_ID)).length > 0) return;
    await this.seedTenant(DEFAULT_TENANT_ID);
  }

  /** Loads the whole demo into a tenant (the tenant must have none of its channels yet). */
  async seedTenant(tenantId: string): Promise<{ forecastVersionId: string; planId: string }> {
    const raw = JSON.parse(readFileSync(join(projectRoot(), 'data/demo/channels.json'), 'utf8')) as Array<Record<string, unknown>>;
    for (const { code, ...rest } of raw) {
      const body = plainToInstance(ChannelPutDto, rest);
      const problems = validateSync(body, { whitelist: true, forbidNonWhitelisted: true });
      if (problems.length) throw new Error(`data/demo/channels.json: channel ${String(code)} is invalid`);
      await this.channels.put(tenantId, String(code), body);
    }
    this.logger.info({ channels: raw.length }, 'seeded the demo channels');
    return this.seedBankWeeks(tenantId, raw.filter((c) => c.timeZone === 'Asia/Jerusalem').map((c) => String(c.code)));
  }

  private async seedBankWeeks(tenantId: string, bankChannels: string[]): Promise<{ forecastVersionId: string; planId: string }> {
    const mapping = JSON.parse(readFileSync(join(projectRoot(), `data/demo/import-mappings/${BANK_MAPPING}.json`), 'utf8')) as ImportMappingPutDto;
    await this.mappings.put(tenantId, BANK_MAPPING, mapping);
    const week = await this.actuals.uploadContacts(tenantId, UPLOADER, csvStreamSource(createReadStream(join(projectRoot(), BANK_WEEK)).pipe(createGunzip())), BANK_MAPPING, null);
    this.logger.info({ contacts: week.rows, intervals: week.intervals }, 'seeded a week of Anonymous Bank calls (3-9 October 1999)');

    const from = Date.parse(week.firstIntervalStart ?? '');
    const to = Date.parse(week.lastIntervalStart ?? '') + 1;
    const intervals = await this.actuals.readIntervals(tenantId, bankChannels, from, to);
    const meanAht = new Map<string, number>();
    for (const code of bankChannels) {
      const own = intervals.filter((r) => r.channel === code);
      const answered = own.reduce((s, r) => s + r.answered, 0);
      meanAht.set(code, answered > 0 ? own.reduce((s, r) => s + r.handleSeconds, 0) / answered : 180);
    }
    const rows: ForecastRowInput[] = intervals.map((r) => ({
      channel: r.channel,
      intervalStart: shiftLocal(r.periodStartLocal, 7),
      volume: r.offered,
      ahtSeconds: r.answered > 0 ? r.handleSeconds / r.answered : (meanAht.get(r.channel) ?? 180),
    }));
    const { version } = await this.forecasts.createVersion(tenantId, {
      label: 'Seasonal naive: week of 10 October 1999 (the actuals of 3-9 October, one week later)',
      source: 'model:seasonal-naive',
      rows,
    });
    this.logger.info({ forecastVersion: version.id, intervals: version.rowCount }, 'seeded a demo forecast');

    // The seeder is not a caller with a key: the plan records no key id, like the uploads above.
    const seeder = { tenantId, keyId: null, keyName: UPLOADER.keyName, role: 'admin' } as unknown as Principal;
    const plan = await this.plans.create(seeder, { forecastVersionId: version.id, label: 'Demo plan: Erlang C at each channel goal, week of 10 October 1999' });
    this.logger.info({ plan: plan.id }, 'seeded a demo staffing plan');

    const nextWeek = await this.actuals.uploadContacts(tenantId, UPLOADER, csvStreamSource(createReadStream(join(projectRoot(), BANK_NEXT_WEEK)).pipe(createGunzip())), BANK_MAPPING, null);
    this.logger.info({ contacts: nextWeek.rows, intervals: nextWeek.intervals }, 'seeded a second week of Anonymous Bank calls (10-16 October 1999)');

    const calls = bankCallsOfAgents(gunzipSync(readFileSync(join(projectRoot(), BANK_NEXT_WEEK))).toString('utf8'), mapping, BANK_OFFSET_MINUTES);
    const { schedules, states } = agentDaysFromCalls(calls, 30);
    await this.adherence.uploadSchedules(tenantId, UPLOADER, jsonRowsSource(schedules), null);
    await this.adherence.uploadStates(tenantId, UPLOADER, jsonRowsSource(states), null);
    this.logger.info({ shifts: schedules.length, states: states.length }, 'seeded demo schedules and agent states (from the agent ids of 10-16 October)');

    // The roster for generating schedules: every agent of those schedules, serving the queues they
    // served that week, up to 40 paid hours a week, any day (docs/scheduling-api.md).
    const served = new Map<string, Set<string>>();
    for (const s of schedules) {
      const queues = served.get(s.agentId) ?? new Set<string>();
      for (const code of s.channels.split('|')) queues.add(code);
      served.set(s.agentId, queues);
    }
    const roster = [...served].map(([agentId, queues]) => ({ agentId, team: 'bank', channels: [...queues].sort().join('|'), minWeeklyHours: '0', maxWeeklyHours: '40' }));
    await this.scheduling.uploadAgents(tenantId, UPLOADER, jsonRowsSource(roster), null);
    this.logger.info({ agents: roster.length }, 'seeded the demo roster (the agents of the demo schedules)');
    return { forecastVersionId: version.id, planId: plan.id };
  }
}
