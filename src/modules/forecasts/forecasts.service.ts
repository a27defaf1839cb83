import { Inject, Injectable } from '@nestjs/common';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { DomainError, notFound } from '../../platform/errors/domain-error.js';
import { ChannelsService } from '../channels/channels.service.js';
import { ImportMappingsService } from '../import-mappings/import-mappings.service.js';
import { IngestRunner } from '../uploads/ingest-runner.js';
import type { Uploader } from '../uploads/ingest.types.js';
import { listingChannels, type IntervalQueryDto, type ListingChannel } from '../listing/interval-query.js';
import { cursorInstant, DEFAULT_LIMIT, decodeCursor, instantKey, readAll, readPage, type ChannelRows } from '../listing/paging.js';
import type { Listing, VersionedListing, ListingFormat } from '../listing/send-listing.js';
import type { UploadBody, UploadSource } from '../uploads/upload-body.js';
import type { ForecastIntervalDto, ForecastUploadDto, ForecastVersionDto, ForecastVersionListDto } from './dto/forecast.dto.js';
import { ForecastSink, versionJson } from './forecast.sink.js';
import type { ForecastInterval, ForecastRowInput, ForecastVersion } from './forecast-version.js';
import { ForecastsRepository, type ForecastIntervalRow } from './forecasts.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CSV_HEADER = ['channel', 'period_start', 'period_start_local', 'volume', 'aht_seconds', 'shrinkage', 'volume_p10', 'volume_p90'];

function intervalDto(channel: ListingChannel, r: ForecastIntervalRow): ForecastIntervalDto {
  const ms = r.intervalStart.getTime();
  return {
    channel: channel.code,
    periodStart: formatUtcIso(ms),
    periodStartLocal: formatLocalIso(ms, channel.clock.offsetMinutesAt(ms)),
    volume: r.volume,
    ahtSeconds: r.ahtSeconds,
    shrinkage: r.shrinkage,
    volumeP10: r.volumeP10,
    volumeP90: r.volumeP90,
  };
}

/**
 * Forecast versions: immutable sets of interval forecasts (volume, AHT, optional shrinkage per
 * channel interval), uploaded by planners or made by models. Several versions of the same
 * period coexist, to be compared with what happened.
 */
@Injectable()
export class ForecastsService {
  constructor(
    private readonly runner: IngestRunner,
    private readonly repository: ForecastsRepository,
    private readonly mappings: ImportMappingsService,
    private readonly channels: ChannelsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** POST /forecasts: CSV, multipart `file` or JSON { label, rows }. */
  async upload(tenantId: string, uploader: Uploader, source: UploadSource, options: { label: string | null; mapping: string | null }, idempotencyKey: string | null): Promise<ForecastUploadDto> {
    const sink = new ForecastSink(this.repository, options.label, 'upload');
    const out = await this.runner.run({
      tenantId,
      uploader,
      sink,
      mappingName: options.mapping,
      idempotencyKey,
      prepare: async () => {
        const body = source.open(this.config.uploadLimitBytes);
        return { body, mapping: options.mapping ? await this.mappings.forUpload(tenantId, options.mapping, 'forecast') : null };
      },
    });
    return { ...out.result, duplicate: out.duplicate };
  }

  /**
   * Creates a version from rows given in code (a forecasting model: source `model:<name>`),
   * through the same validation (channels, interval grid, time zones) and the same all-or-nothing
   * merge as an upload. The same label, source and rows twice give the first version back.
   * Rows with a prediction band (volumeP10, volumeP90) have it stored beside the volume (an
   * upload may carry one too: columns volume_p10, volume_p90).
   * @throws DomainError 422 INVALID_ROWS (errors named rows[i].field), UNKNOWN_CHANNELS, EMPTY_UPLOAD
   */
  async createVersion(
    tenantId: string,
    input: { label: string; source: string; rows: readonly ForecastRowInput[]; createdBy?: Uploader },
  ): Promise<{ version: ForecastVersion; duplicate: boolean }> {
    if (input.source !== 'upload' && !/^model:[a-z0-9][a-z0-9_.-]{0,63}$/.test(input.source)) {
      throw new RangeError(`createVersion requires source upload or model:<name>, got ${input.source}`);
    }
    const body = {
      label: input.label,
      source: input.source,
      rows: input.rows.map((r) => ({
        channel: r.channel,
        intervalStart: r.intervalStart instanceof Date ? formatUtcIso(r.intervalStart.getTime()) : r.intervalStart,
        volume: r.volume,
        ahtSeconds: r.ahtSeconds,
        shrinkage: r.shrinkage ?? null,
        volumeP10: r.volumeP10 ?? null,
        volumeP90: r.volumeP90 ?? null,
      })),
    };
    const json: UploadBody = { type: 'json', contentType: 'application/json', body };
    const sink = new ForecastSink(this.repository, input.label, input.source);
    const out = await this.runner.run({
      tenantId,
      uploader: input.createdBy ?? { keyId: null, keyName: input.source },
      sink,
      mappingName: null,
      idempotencyKey: null,
      prepare: () => Promise.resolve({ body: json, mapping: null }),
    });
    return { version: await this.getVersion(tenantId, out.result.id), duplicate: out.duplicate };
  }

  async list(tenantId: string, channel: string | null, limit: number, cursor: string | null): Promise<ForecastVersionListDto> {
    let after: { createdAt: Date; id: string } | null = null;
    if (cursor) {
      const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
      if (!id || !UUID.test(id)) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
      after = { createdAt: cursorInstant(at), id };
    }
    const rows = await this.repository.list(tenantId, channel, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map(versionJson),
      next: rows.length > limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') : null,
    };
  }

  /** A version of the tenant; 404 FORECAST_VERSION_NOT_FOUND for an unknown id or another tenant's. */
  async getVersion(tenantId: string, id: string): Promise<ForecastVersion> {
    const version = UUID.test(id) ? await this.repository.find(tenantId, id) : null;
    if (!version) throw notFound('FORECAST_VERSION_NOT_FOUND', 'forecast version', id);
    return version;
  }

  async getVersionDto(tenantId: string, id: string): Promise<ForecastVersionDto> {
    return versionJson(await this.getVersion(tenantId, id));
  }

  /** Every interval of a version, ordered by channel code then interval start (for staffing). */
  async readIntervals(tenantId: string, versionId: string): Promise<ForecastInterval[]> {
    await this.getVersion(tenantId, versionId);
    return this.repository.allIntervals(tenantId, versionId);
  }

  /** GET /forecasts/{id}/intervals as a JSON page or a CSV stream; versions are immutable, so the ETag is exact. */
  async listIntervals(tenantId: string, id: string, query: IntervalQueryDto, format: ListingFormat): Promise<VersionedListing> {
    const version = await this.getVersion(tenantId, id);
    const codes = new Set(version.channels);
    const all = (await this.channels.list(tenantId)).filter((c) => codes.has(c.code) || query.channel?.includes(c.code));
    const channels = listingChannels(all, query);
    const source: ChannelRows<ForecastIntervalRow> = {
      fetch: (c, after, limit) => this.repository.readIntervals(tenantId, version.id, c.id, c.fromMs, c.toMs, instantKey(after), limit),
      keyOf: (r) => String(r.intervalStart.getTime()),
    };
    return { version: `forecast-version:${version.id}`, format, build: () => this.intervalListing(version.id, channels, source, query, format) };
  }

  private async intervalListing(versionId: string, channels: ListingChannel[], source: ChannelRows<ForecastIntervalRow>, query: IntervalQueryDto, format: ListingFormat): Promise<Listing> {
    if (format === 'csv') {
      return {
        type: 'csv',
        filename: `forecast-${versionId}.csv`,
        header: CSV_HEADER,
        rows: (async function* () {
          for await (const { channel, row } of readAll(channels, source)) yield Object.values(intervalDto(channel, row));
        })(),
      };
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor && !Number.isFinite(Number(cursor.key))) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
    const page = await readPage(channels, source, query.limit ?? DEFAULT_LIMIT, cursor);
    return { type: 'json', body: { data: page.rows.map(({ channel, row }) => intervalDto(channel, row)), next: page.next } };
  }

  /** Deletes a version; 409 FORECAST_IN_USE while a staffing plan refers to it. */
  async delete(tenantId: string, id: string): Promise<void> {
    await this.getVersion(tenantId, id);
    try {
      if (!(await this.repository.delete(tenantId, id))) throw notFound('FORECAST_VERSION_NOT_FOUND', 'forecast version', id);
    } catch (error) {
      if ((error as { code?: string }).code === '23503') {
        throw new DomainError('FORECAST_IN_USE', `forecast version ${id} is used by a staffing plan and cannot be deleted`);
      }
      throw error;
    }
  }
}
