import { Inject, Injectable } from '@nestjs/common';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { ChannelsService } from '../channels/channels.service.js';
import { ImportMappingsService } from '../import-mappings/import-mappings.service.js';
import { IngestRunner } from '../uploads/ingest-runner.js';
import type { IngestOutcome, RowSink, Uploader } from '../uploads/ingest.types.js';
import { listingChannels, type IntervalQueryDto, type ListingChannel } from '../listing/interval-query.js';
import { DEFAULT_LIMIT, decodeCursor, instantKey, readAll, readPage, type ChannelRows } from '../listing/paging.js';
import type { Listing, ListingFormat } from '../listing/send-listing.js';
import type { UploadSource } from '../uploads/upload-body.js';
import { ActualsRepository, type ContactRow, type IntervalActualRow } from './actuals.repository.js';
import { ContactsSink, type ContactsResult } from './contacts.sink.js';
import type { ContactDto, ContactsUploadDto, IntervalActualDto, IntervalActualsUploadDto } from './dto/actuals.dto.js';
import { IntervalActualsSink, type IntervalActualsResult } from './interval-actuals.sink.js';

const INTERVAL_CSV = [
  'channel', 'period_start', 'period_start_local', 'offered', 'answered', 'abandoned', 'answered_within_threshold',
  'abandoned_within_threshold', 'threshold_seconds', 'handle_seconds', 'wait_seconds', 'talk_seconds', 'hold_seconds',
  'acw_seconds', 'agents_staffed', 'agent_seconds_available', 'agents_handled', 'upload_id',
];
const CONTACT_CSV = [
  'channel', 'contact_id', 'period_start', 'period_start_local', 'arrived_at', 'answered_at', 'ended_at', 'abandoned_at',
  'handle_seconds', 'wait_seconds', 'agent_id', 'outcome', 'upload_id', 'line', 'contact_type',
];

const iso = (d: Date | null): string | null => (d === null ? null : formatUtcIso(d.getTime()));

function intervalDto(channel: ListingChannel, r: IntervalActualRow): IntervalActualDto {
  const ms = r.intervalStart.getTime();
  return {
    channel: channel.code,
    periodStart: formatUtcIso(ms),
    periodStartLocal: formatLocalIso(ms, channel.clock.offsetMinutesAt(ms)),
    offered: r.offered,
    answered: r.answered,
    abandoned: r.abandoned,
    answeredWithinThreshold: r.answeredWithinThreshold,
    abandonedWithinThreshold: r.abandonedWithinThreshold,
    thresholdSeconds: r.thresholdSeconds,
    handleSeconds: r.handleSeconds,
    waitSeconds: r.waitSeconds,
    talkSeconds: r.talkSeconds,
    holdSeconds: r.holdSeconds,
    acwSeconds: r.acwSeconds,
    agentsStaffed: r.agentsStaffed,
    agentSecondsAvailable: r.agentSecondsAvailable,
    agentsHandled: r.agentsHandled,
    uploadId: r.uploadId,
  };
}

function contactDto(channel: ListingChannel, r: ContactRow): ContactDto {
  const ms = r.intervalStart.getTime();
  return {
    channel: channel.code,
    contactId: r.contactId,
    periodStart: formatUtcIso(ms),
    periodStartLocal: formatLocalIso(ms, channel.clock.offsetMinutesAt(ms)),
    arrivedAt: formatUtcIso(r.arrivedAt.getTime()),
    answeredAt: iso(r.answeredAt),
    endedAt: iso(r.endedAt),
    abandonedAt: iso(r.abandonedAt),
    handleSeconds: r.handleSeconds,
    waitSeconds: r.waitSeconds,
    agentId: r.agentId,
    outcome: r.outcome,
    uploadId: r.uploadId,
    line: r.line,
    contactType: r.contactType,
  };
}

/** Interval actuals and per-contact logs: uploads (streamed, all or nothing) and reads. */
@Injectable()
export class ActualsService {
  constructor(
    private readonly runner: IngestRunner,
    private readonly repository: ActualsRepository,
    private readonly mappings: ImportMappingsService,
    private readonly channels: ChannelsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async uploadIntervals(tenantId: string, uploader: Uploader, source: UploadSource, mapping: string | null, idempotencyKey: string | null): Promise<IntervalActualsUploadDto> {
    const out = await this.upload(tenantId, uploader, source, mapping, idempotencyKey, new IntervalActualsSink(this.repository));
    return { ...out.result, duplicate: out.duplicate };
  }

  /** A per-contact log (an upload, or a stream such as the demo seeder's: the same pipeline). */
  async uploadContacts(tenantId: string, uploader: Uploader, source: UploadSource, mapping: string | null, idempotencyKey: string | null): Promise<ContactsUploadDto> {
    const out = await this.upload(tenantId, uploader, source, mapping, idempotencyKey, new ContactsSink(this.repository));
    return { ...out.result, duplicate: out.duplicate };
  }

  private upload<R extends IntervalActualsResult | ContactsResult>(
    tenantId: string,
    uploader: Uploader,
    source: UploadSource,
    mapping: string | null,
    idempotencyKey: string | null,
    sink: RowSink<R>,
  ): Promise<IngestOutcome<R>> {
    return this.runner.run({
      tenantId,
      uploader,
      mappingName: mapping,
      idempotencyKey,
      sink,
      prepare: async () => {
        const body = source.open(this.config.uploadLimitBytes);
        return { body, mapping: mapping ? await this.mappings.forUpload(tenantId, mapping, sink.kind) : null };
      },
    });
  }

  async listIntervals(tenantId: string, query: IntervalQueryDto, format: ListingFormat): Promise<Listing> {
    const channels = listingChannels(await this.channels.list(tenantId), query);
    const source: ChannelRows<IntervalActualRow> = {
      fetch: (c, after, limit) => this.repository.readIntervals(tenantId, c.id, c.fromMs, c.toMs, after === null ? null : this.keyMs(after), limit),
      keyOf: (r) => String(r.intervalStart.getTime()),
    };
    if (format === 'csv') {
      return {
        type: 'csv',
        filename: 'interval-actuals.csv',
        header: INTERVAL_CSV,
        rows: (async function* () {
          for await (const { channel, row } of readAll(channels, source)) yield Object.values(intervalDto(channel, row));
        })(),
      };
    }
    const page = await readPage(channels, source, query.limit ?? DEFAULT_LIMIT, decodeCursor(query.cursor));
    return { type: 'json', body: { data: page.rows.map(({ channel, row }) => intervalDto(channel, row)), next: page.next } };
  }

  async listContacts(tenantId: string, query: IntervalQueryDto, format: ListingFormat): Promise<Listing> {
    const channels = listingChannels(await this.channels.list(tenantId), query);
    const source: ChannelRows<ContactRow> = {
      fetch: (c, after, limit) => this.repository.readContacts(tenantId, c.id, c.fromMs, c.toMs, after === null ? null : this.contactKey(after), limit),
      keyOf: (r) => `${r.intervalStart.getTime()}|${r.uploadId}|${r.line}`,
    };
    if (format === 'csv') {
      return {
        type: 'csv',
        filename: 'contacts.csv',
        header: CONTACT_CSV,
        rows: (async function* () {
          for await (const { channel, row } of readAll(channels, source)) yield Object.values(contactDto(channel, row));
        })(),
      };
    }
    const page = await readPage(channels, source, query.limit ?? DEFAULT_LIMIT, decodeCursor(query.cursor));
    return { type: 'json', body: { data: page.rows.map(({ channel, row }) => contactDto(channel, row)), next: page.next } };
  }

  /**
   * The stored intervals of some channels in [from, to) with their channel's wall clock, by
   * channel code then start (for models such as the demo's seasonal-naive forecast).
   */
  async readIntervals(tenantId: string, channelCodes: readonly string[], fromMs: number, toMs: number): Promise<Array<IntervalActualDto>> {
    const all = await this.channels.list(tenantId);
    const channels = listingChannels(all, { channel: [...channelCodes] }).map((c) => ({ ...c, fromMs, toMs }));
    const out: IntervalActualDto[] = [];
    for await (const { channel, row } of readAll(channels, {
      fetch: (c, after, limit) => this.repository.readIntervals(tenantId, c.id, c.fromMs, c.toMs, instantKey(after), limit),
      keyOf: (r) => String(r.intervalStart.getTime()),
    })) {
      out.push(intervalDto(channel, row));
    }
    return out;
  }

  private keyMs(key: string): number {
    return instantKey(key) ?? 0;
  }

  private contactKey(key: string): { startMs: number; uploadId: string; line: number } {
    const [ms, uploadId, line] = key.split('|');
    if (!uploadId || !/^[0-9a-f-]{36}$/i.test(uploadId) || !Number.isInteger(Number(line))) {
      throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
    }
    return { startMs: this.keyMs(ms ?? ''), uploadId, line: Number(line) };
  }
}
