import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { CasesService } from '../cases/cases.service.js';
import { ChannelsService } from '../channels/channels.service.js';
import { IngestRunner } from '../uploads/ingest-runner.js';
import type { KpiInputKind, ResolvedChannel, Uploader } from '../uploads/ingest.types.js';
import type { UploadSource } from '../uploads/upload-body.js';
import { zoneClockFor } from '../channels/zone-clocks.js';
import { KPI_INPUT_SPECS } from './kpi-input-kinds.js';
import { KpiInputSink, type KpiInputResult } from './kpi-input.sink.js';
import { KpiInputsRepository } from './kpi-inputs.repository.js';

/** The nine KPI input uploads through the one ingestion runner and the one table-driven sink. */
@Injectable()
export class KpiInputsService {
  constructor(
    private readonly runner: IngestRunner,
    private readonly repository: KpiInputsRepository,
    private readonly channels: ChannelsService,
    private readonly cases: CasesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(kind: KpiInputKind, tenantId: string, uploader: Uploader, source: UploadSource, idempotencyKey: string | null): Promise<KpiInputResult & { duplicate: boolean }> {
    const [list, policy, calendar] = await Promise.all([this.channels.list(tenantId), this.cases.getPolicy(tenantId), this.cases.getCalendar(tenantId)]);
    const channels = new Map<string, ResolvedChannel>();
    for (const c of list) {
      channels.set(c.code, { id: c.id, code: c.code, grid: { clock: zoneClockFor(c.timeZone), intervalMinutes: c.intervalMinutes, thresholdSeconds: c.thresholdSeconds } });
    }
    const mode = source.contentType === 'application/json' ? 'json' : 'csv';
    const sink = new KpiInputSink(KPI_INPUT_SPECS[kind], this.repository, channels, zoneClockFor(calendar.timeZone), { priorities: new Set(policy.priorities.map((p) => p.priority)) }, mode);
    const out = await this.runner.run({
      tenantId, uploader, mappingName: null, idempotencyKey, sink,
      prepare: () => Promise.resolve({ body: source.open(this.config.uploadLimitBytes), mapping: null }),
    });
    return { ...out.result, duplicate: out.duplicate };
  }
}
