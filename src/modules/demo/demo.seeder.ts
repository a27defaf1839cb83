import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Logger } from 'pino';
import { civilFromDays } from '../../core/time/civil-from-days.js';
import { daysFromCivil } from '../../core/time/days-from-civil.js';
import { LOGGER } from '../../platform/logging/logger.js';
import { projectRoot } from '../../platform/project-root.js';
import { ActualsService } from '../actuals/actuals.service.js';
import { ChannelsService } from '../channels/channels.service.js';
import { ChannelPutDto } from '../channels/dto/channel.dto.js';
import type { ForecastRowInput } from '../forecasts/forecast-version.js';
import { ForecastsService } from '../forecasts/forecasts.service.js';
import type { ImportMappingPutDto } from '../import-mappings/dto/import-mapping.dto.js';
import { ImportMappingsService } from '../import-mappings/import-mappings.service.js';
import { DEFAULT_TENANT_ID } from '../tenants/tenants.repository.js';

const BANK_MAPPING = 'anonymous-bank-1999';
const BANK_WEEK = 'data/demo/anonymous-bank-1999-10-03-to-09.tsv.gz';
const UPLOADER = { keyId: null, keyName: 'demo seeder' };

/** `YYYY-MM-DDTHH:MM...` local text shifted by `days` calendar days, as `YYYY-MM-DD HH:MM`. */
function shiftLocal(local: string, days: number): string {
  const d = civilFromDays(daysFromCivil(Number(local.slice(0, 4)), Number(local.slice(5, 7)), Number(local.slice(8, 10))) + days);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} ${local.slice(11, 16)}`;
}

/**
 * Demo data for a fresh installation (see data/README.md): the channels of the Anonymous Bank
 * call center (1999) and an IT service desk; the bank's import mapping; one week of its real
 * per-call records (3-9 October 1999) ingested through that mapping; and a seasonal-naive
 * forecast of the following week (each interval's volume and AHT copied from a week earlier).
 * Runs only while the default tenant has no channels.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly channels: ChannelsService,
    private readonly mappings: ImportMappingsService,
    private readonly actuals: ActualsService,
    private readonly forecasts: ForecastsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async seed(): Promise<void> {
    if ((await this.channels.list(DEFAULT_TENANT_ID)).length > 0) return;
    const raw = JSON.parse(readFileSync(join(projectRoot(), 'data/demo/channels.json'), 'utf8')) as Array<Record<string, unknown>>;
    for (const { code, ...rest } of raw) {
      const body = plainToInstance(ChannelPutDto, rest);
      const problems = validateSync(body, { whitelist: true, forbidNonWhitelisted: true });
      if (problems.length) throw new Error(`data/demo/channels.json: channel ${String(code)} is invalid`);
      await this.channels.put(DEFAULT_TENANT_ID, String(code), body);
    }
    this.logger.info({ channels: raw.length }, 'seeded the demo channels');
    await this.seedBankWeek(raw.filter((c) => c.timeZone === 'Asia/Jerusalem').map((c) => String(c.code)));
  }

  private async seedBankWeek(bankChannels: string[]): Promise<void> {
    const mapping = JSON.parse(readFileSync(join(projectRoot(), `data/demo/import-mappings/${BANK_MAPPING}.json`), 'utf8')) as ImportMappingPutDto;
    await this.mappings.put(DEFAULT_TENANT_ID, BANK_MAPPING, mapping);
    const stream = createReadStream(join(projectRoot(), BANK_WEEK)).pipe(createGunzip());
    const week = await this.actuals.uploadContactsStream(DEFAULT_TENANT_ID, UPLOADER, stream, BANK_MAPPING);
    this.logger.info({ contacts: week.rows, intervals: week.intervals }, 'seeded a week of Anonymous Bank calls (3-9 October 1999)');

    const from = Date.parse(week.firstIntervalStart ?? '');
    const to = Date.parse(week.lastIntervalStart ?? '') + 1;
    const intervals = await this.actuals.readIntervals(DEFAULT_TENANT_ID, bankChannels, from, to);
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
    const { version } = await this.forecasts.createVersion(DEFAULT_TENANT_ID, {
      label: 'Seasonal naive: week of 10 October 1999 (the actuals of 3-9 October, one week later)',
      source: 'model:seasonal-naive',
      rows,
    });
    this.logger.info({ forecastVersion: version.id, intervals: version.rowCount }, 'seeded a demo forecast');
  }
}
