import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Logger } from 'pino';
import { LOGGER } from '../../platform/logging/logger.js';
import { projectRoot } from '../../platform/project-root.js';
import { ChannelsService } from '../channels/channels.service.js';
import { ChannelPutDto } from '../channels/dto/channel.dto.js';
import { DEFAULT_TENANT_ID } from '../tenants/tenants.repository.js';


/**
 * Demo data for a fresh installation: the channels of the Anonymous Bank call center (1999)
 * and an IT service desk (see data/README.md). Runs only while the default tenant has none.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly channels: ChannelsService,
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
  }
}
