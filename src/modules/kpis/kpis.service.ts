import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { parseCivilDate } from '../../core/time/parse-civil-date.js';
import { parseTimestamp, type ParsedTimestamp } from '../../core/time/parse-timestamp.js';
import { DomainError, notFound, validationFailed } from '../../platform/errors/domain-error.js';
import { LOGGER } from '../../platform/logging/logger.js';
import { ChannelsService } from '../channels/channels.service.js';
import type { JobDto } from '../jobs/index.js';
import { JobsService } from '../jobs/jobs.service.js';
import { UploadEvents, type UploadCommitted } from '../uploads/upload-events.js';
import { listingChannels, type ListingChannel } from '../listing/interval-query.js';
import { decodeCursor, DEFAULT_LIMIT, readAll, readPage, type ChannelRows } from '../listing/paging.js';
import type { Listing, VersionedListing, ListingFormat } from '../listing/send-listing.js';
import { zoneClockFor } from '../channels/zone-clocks.js';
import { KPI_COLUMNS, type KpiCatalogueDto, type KpiCatalogueEntryDto, type KpiQueryDto, type KpiRecomputeResultDto, type KpiRowDto } from './dto/kpis.dto.js';
import { BuiltInKpiSource } from './built-in.source.js';
import { KpiSourceRegistry } from './kpi-source-registry.js';
import type { KpiDefinition, KpiGranularity, KpiRollupRow } from './kpi-source.js';
import { KpisRepository, type DimensionFilter, type StoredGranularity, type StoredRollup } from './kpis.repository.js';
import { tenantZoneOf } from '../channels/tenant-zone.js';

const STORED: readonly StoredGranularity[] = ['day', 'week', 'month'];
/** Interval rows are computed on read: at most this long a range. */
const MAX_INTERVAL_RANGE_MS = 31 * 86_400_000;
/** Other granularities computed on read (forecastVersion): at most this long a range. */
const MAX_LIVE_RANGE_MS = 366 * 86_400_000;
/** Recomputes of longer ranges answer 202 with a job. */
const MAX_SYNC_RECOMPUTE_MS = 92 * 86_400_000;
const MIN_MS = -62_135_596_800_000;
const MAX_MS = 253_402_300_800_000;

const scratch: ParsedTimestamp = { localMs: 0, offsetMinutes: null };

/** An instant with offset, or a date meaning UTC midnight (API conventions: Time, no channel given). */
function parseInstant(field: string, text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  const days = parseCivilDate(text);
  if (days === days) return days * 86_400_000;
  if (parseTimestamp(text, scratch) && scratch.offsetMinutes !== null) return scratch.localMs - scratch.offsetMinutes * 60_000;
  throw validationFailed([{ field, value: text, reason: 'must be an instant with an offset (2026-03-02T09:30:00Z) or a date (2026-03-02) that exists, in the years 1900–2200' }]);
}

/** The rows a listing wants by dimension (query `dimension`): '' by default, one value, or every value of one name. */
function dimensionFilterOf(text: string | undefined): DimensionFilter {
  if (text === undefined || text === '') return { exact: '' };
  return text.includes(':') ? { exact: text } : { name: text };
}

function dimensionMatches(filter: DimensionFilter, dimension: string): boolean {
  return 'exact' in filter ? dimension === filter.exact : dimension.startsWith(`${filter.name}:`);
}

/** The paging key of a row: `<ISO period start>|<kpi>|<dimension>` (cursors of `<start>|<kpi>` mean dimension ''). */
function rowKey(row: { periodStart: Date; kpi: string; dimension?: string }): string {
  return `${row.periodStart.toISOString()}|${row.kpi}|${row.dimension ?? ''}`;
}

function parseRowKey(key: string | null): { periodStart: Date; kpi: string; dimension: string } | null {
  const bar = key ? key.indexOf('|') : -1;
  if (!key || bar <= 0) return null;
  const rest = key.slice(bar + 1);
  const second = rest.indexOf('|');
  const periodStart = new Date(key.slice(0, bar));
  if (!(Math.abs(periodStart.getTime()) <= 8.64e15)) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
  return {
    periodStart,
    kpi: second < 0 ? rest : rest.slice(0, second),
    dimension: second < 0 ? '' : rest.slice(second + 1),
  };
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Listing order: period start, KPI code, dimension. */
function compareRows(a: { periodStart: Date; kpi: string; dimension?: string }, b: { periodStart: Date; kpi: string; dimension?: string }): number {
  return a.periodStart.getTime() - b.periodStart.getTime() || text(a.kpi, b.kpi) || text(a.dimension ?? '', b.dimension ?? '');
}

/** A row of a listing before it is shaped: stored, or computed on read (interval, no computedAt). */
interface AnyRow {
  periodStart: Date;
  kpi: string;
  dimension?: string;
  numerator: number;
  denominator: number;
  value: number | null;
  detail?: Readonly<Record<string, unknown>> | null;
  computedAt?: Date | null;
}

/**
 * KPI rollups: recomputes the stored day, week and month rows of every registered
 * source for a range (delete and insert in one transaction), lists them (JSON pages or streamed
 * CSV, with an ETag), computes interval rows on read, and answers the catalogue. After every
 * committed upload it recomputes the periods the upload touched.
 */
@Injectable()
export class KpisService implements OnModuleInit {
  constructor(
    private readonly registry: KpiSourceRegistry,
    private readonly repository: KpisRepository,
    private readonly builtIn: BuiltInKpiSource,
    private readonly channels: ChannelsService,
    private readonly jobs: JobsService,
    private readonly events: UploadEvents,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.events.onCommitted((event) => this.afterUpload(event));
  }

  /**
   * Recomputes the periods an upload touched: its result's interval range, else the range of its
   * rows in the KPI input tables; and the ranges its rows left (`event.leftRanges`: the previous
   * created_at of re-uploaded cases), each on its own unless it overlaps another.
   */
  async afterUpload(event: UploadCommitted): Promise<void> {
    let { fromUtc, toUtc } = event;
    if (!fromUtc || !toUtc) ({ fromUtc, toUtc } = await this.repository.uploadRange(event.tenantId, event.uploadId));
    const ranges = [...(fromUtc && toUtc ? [{ fromUtc, toUtc }] : []), ...(event.leftRanges ?? [])]
      .filter((r) => r.toUtc.getTime() > r.fromUtc.getTime())
      .sort((a, b) => a.fromUtc.getTime() - b.fromUtc.getTime());
    const merged: Array<{ fromUtc: Date; toUtc: Date }> = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r.fromUtc.getTime() <= last.toUtc.getTime()) {
        if (r.toUtc.getTime() > last.toUtc.getTime()) last.toUtc = r.toUtc;
      } else merged.push({ ...r });
    }
    for (const r of merged) {
      const result = await this.recompute(event.tenantId, r.fromUtc, r.toUtc);
      this.logger.debug({ uploadId: event.uploadId, ...result }, 'kpi rollups recomputed after an upload');
    }
  }

  /** POST /kpis/recompute: 200 with the counts for up to 92 days, else 202 with a job. */
  async recomputeOrStart(tenantId: string, fromText: string, toText: string): Promise<{ status: 200; body: KpiRecomputeResultDto } | { status: 202; body: JobDto }> {
    const from = parseInstant('from', fromText);
    const to = parseInstant('to', toText);
    if (from === null) throw validationFailed([{ field: 'from', value: fromText, reason: 'is required' }]);
    if (to === null) throw validationFailed([{ field: 'to', value: toText, reason: 'is required' }]);
    if (!(to > from)) throw validationFailed([{ field: 'to', value: toText, reason: 'must be after from' }]);
    if (from < Date.UTC(1900, 0, 1) || to > Date.UTC(2200, 0, 1)) throw validationFailed([{ field: from < Date.UTC(1900, 0, 1) ? 'from' : 'to', value: from < Date.UTC(1900, 0, 1) ? fromText : toText, reason: 'must lie between 1900 and 2200' }]);
    if (to - from > MAX_SYNC_RECOMPUTE_MS) {
      return { status: 202, body: await this.jobs.start(tenantId, 'kpi-recompute', () => this.recompute(tenantId, new Date(from), new Date(to))) };
    }
    return { status: 200, body: await this.recompute(tenantId, new Date(from), new Date(to)) };
  }

  /**
   * Recomputes every stored row (day, week, month; every source) of the periods that hold
   * [from, to) in any zone of the tenant: the sources compute first, then one transaction
   * deletes the range and inserts the new rows.
   */
  async recompute(tenantId: string, fromUtc: Date, toUtc: Date, granularities: readonly StoredGranularity[] = STORED): Promise<KpiRecomputeResultDto> {
    const started = Date.now();
    const all = await this.channels.list(tenantId);
    const zones = [...new Set([...all.map((c) => c.timeZone), tenantZoneOf(all)])];
    const definitions = new Map(this.registry.definitions().map((d) => [d.code, d]));
    const codes = [...definitions.keys()];
    const plans: Array<{ granularity: StoredGranularity; fromUtc: Date; toUtc: Date; rows: KpiRollupRow[] }> = [];
    for (const granularity of granularities) {
      plans.push({ granularity, ...(await this.repository.periodRange(granularity, fromUtc, toUtc, zones)), rows: [] });
    }
    let deleted = 0;
    // The tenant's lock is taken before the sources read, so that two recomputes (two uploads in
    // a row) cannot write in the opposite order of their reads; the sources read committed data
    // on other connections meanwhile.
    await this.repository.transaction(async (m) => {
      await this.repository.lockTenant(m, tenantId);
      for (const source of this.registry.sources()) {
        const many = source.computeMany ? await source.computeMany(tenantId, plans) : null;
        for (const plan of plans) {
          const rows = many ? many.get(plan.granularity) ?? [] : await source.compute(tenantId, plan.fromUtc, plan.toUtc, plan.granularity);
          for (const row of rows) if (definitions.get(row.kpi)?.granularities.includes(plan.granularity)) plan.rows.push(row);
        }
      }
      const computedAt = new Date();
      for (const plan of plans) {
        deleted += await this.repository.deleteRange(m, tenantId, plan.granularity, plan.fromUtc, plan.toUtc, codes);
        await this.repository.insert(m, tenantId, plan.granularity, plan.rows, computedAt);
      }
    });
    const count = (g: StoredGranularity): number => plans.find((p) => p.granularity === g)?.rows.length ?? 0;
    return {
      fromUtc: formatUtcIso(Math.min(...plans.map((p) => p.fromUtc.getTime()))),
      toUtc: formatUtcIso(Math.max(...plans.map((p) => p.toUtc.getTime()))),
      rows: { day: count('day'), week: count('week'), month: count('month') },
      deleted,
      durationMs: Date.now() - started,
    };
  }

  /** GET /kpis/catalogue: every registered KPI with whether the tenant has data for it. */
  async catalogue(tenantId: string): Promise<KpiCatalogueDto> {
    const data: KpiCatalogueEntryDto[] = [];
    for (const source of this.registry.sources()) {
      const has = await source.kpisWithData(tenantId);
      for (const d of source.definitions) data.push({ ...d, inputs: [...d.inputs], granularities: [...d.granularities], hasData: has.has(d.code) });
    }
    const family = (f: string): number => ['workload-forecasting', 'agent-accessibility', 'resource-accessibility', 'resolution-quality', 'employee-satisfaction', 'customer-satisfaction', 'strategic-value'].indexOf(f);
    data.sort((a, b) => family(a.family) - family(b.family) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return { data, next: null };
  }

  /** GET /kpis: stored rows (day, week, month) or interval rows computed on read. */
  async list(tenantId: string, q: KpiQueryDto, format: ListingFormat): Promise<Listing | VersionedListing> {
    const granularity: KpiGranularity = q.granularity ?? 'day';
    const definitions = this.selectKpis(q);
    const kpis = definitions.map((d) => d.code);
    const dimension = dimensionFilterOf(q.dimension);
    const all = await this.channels.list(tenantId);
    const zone = tenantZoneOf(all);
    const given = (q.channel ?? []).map((c) => c.trim()).filter((c) => c !== '');
    const withTotal = given.length === 0 || given.includes('*');
    const codes = given.filter((c) => c !== '*');
    const chosen = given.length > 0 && codes.length === 0 ? [] : listingChannels(all, { ...q, channel: codes });
    const from = parseInstant('from', q.from);
    const to = parseInstant('to', q.to);
    const channels: ListingChannel[] = [
      ...(withTotal ? [{ id: 0, code: '*', clock: zoneClockFor(zone), fromMs: from ?? MIN_MS, toMs: to ?? MAX_MS }] : []),
      ...chosen,
    ];
    const byKey = new Map(definitions.map((d) => [d.code, d]));
    if (q.forecastVersion && !(await this.repository.forecastVersionExists(tenantId, q.forecastVersion))) {
      throw notFound('FORECAST_VERSION_NOT_FOUND', 'forecast version', q.forecastVersion);
    }
    const live = granularity === 'interval' || q.forecastVersion !== undefined;
    const source = live
      ? await this.liveRows(tenantId, channels, kpis, dimension, q, granularity)
      : this.storedRows(tenantId, granularity, kpis, dimension);
    const shape = (channel: ListingChannel, r: AnyRow): KpiRowDto => {
      const ms = r.periodStart.getTime();
      const d = byKey.get(r.kpi)!;
      return {
        channel: channel.code,
        periodStart: formatUtcIso(ms),
        periodStartLocal: formatLocalIso(ms, channel.clock.offsetMinutesAt(ms)),
        granularity,
        family: d.family,
        kpi: r.kpi,
        unit: d.unit,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        detail: r.detail ? { ...r.detail } : null,
        computedAt: r.computedAt ? formatUtcIso(r.computedAt.getTime()) : null,
        dimension: r.dimension ?? '',
      };
    };
    const build = async (): Promise<Listing> => {
      if (format === 'csv') {
        async function* csvRows(): AsyncGenerator<readonly unknown[]> {
          for await (const { channel, row } of readAll(channels, source)) {
            const r = shape(channel, row);
            yield [r.channel, r.periodStart, r.periodStartLocal, r.granularity, r.family, r.kpi, r.unit, r.numerator, r.denominator, r.value, r.detail, r.computedAt, r.dimension];
          }
        }
        return { type: 'csv', filename: `kpis-${granularity}.csv`, header: KPI_COLUMNS, rows: csvRows() };
      }
      const page = await readPage(channels, source, q.limit ?? DEFAULT_LIMIT, decodeCursor(q.cursor));
      return { type: 'json', body: { data: page.rows.map(({ channel, row }) => shape(channel, row)), next: page.next } };
    };
    // Stored rows carry a fingerprint (answered 304 before they are read); live rows are computed.
    if (live) return build();
    const version = tenantId + '|' + await this.repository.fingerprint(tenantId, granularity, channels.map((c) => c.id), kpis, dimension, new Date(from ?? MIN_MS), new Date(to ?? MAX_MS));
    return { version, format, build };
  }

  /** The KPIs asked for: by family and codes; unknown codes are a 422 naming `kpi`. */
  private selectKpis(q: KpiQueryDto): KpiDefinition[] {
    const all = this.registry.definitions();
    const codes = (q.kpi ?? []).map((c) => c.trim()).filter((c) => c !== '');
    const unknown = codes.filter((c) => !all.some((d) => d.code === c));
    if (unknown.length) throw validationFailed(unknown.map((c) => ({ field: 'kpi', value: c, reason: 'is not a KPI code of /api/v1/kpis/catalogue' })));
    return all.filter((d) => (!q.family || d.family === q.family) && (codes.length === 0 || codes.includes(d.code)) && d.granularities.includes(q.granularity ?? 'day'));
  }

  private storedRows(tenantId: string, granularity: StoredGranularity, kpis: string[], dimension: DimensionFilter): ChannelRows<AnyRow> {
    return {
      fetch: async (channel, afterKey, limit): Promise<StoredRollup[]> => {
        const filter = { tenantId, granularity, channelKey: channel.id, kpis, dimension, fromUtc: new Date(channel.fromMs), toUtc: new Date(channel.toMs) };
        return this.repository.read(filter, parseRowKey(afterKey), limit);
      },
      keyOf: rowKey,
    };
  }

  /**
   * Rows of every source for the range computed now: interval rows (at most 31 days), or any
   * granularity against a chosen forecast version (at most 366 days).
   */
  private async liveRows(tenantId: string, channels: ListingChannel[], kpis: string[], dimension: DimensionFilter, q: KpiQueryDto, granularity: KpiGranularity): Promise<ChannelRows<AnyRow>> {
    const why = granularity === 'interval' ? 'for granularity interval' : 'with forecastVersion';
    if (!q.from) throw validationFailed([{ field: 'from', value: q.from ?? null, reason: `is required ${why}` }]);
    if (!q.to) throw validationFailed([{ field: 'to', value: q.to ?? null, reason: `is required ${why}` }]);
    const fromMs = Math.min(...channels.map((c) => c.fromMs));
    const toMs = Math.max(...channels.map((c) => c.toMs));
    if (channels.length === 0 || !(toMs > fromMs)) throw validationFailed([{ field: 'to', value: q.to, reason: 'must be after from' }]);
    const maxMs = granularity === 'interval' ? MAX_INTERVAL_RANGE_MS : MAX_LIVE_RANGE_MS;
    if (toMs - fromMs > maxMs) throw validationFailed([{ field: 'to', value: q.to, reason: `must be at most ${maxMs / 86_400_000} days after from ${why}` }]);
    const range = { granularity, fromUtc: new Date(fromMs), toUtc: new Date(toMs) };
    const version = q.forecastVersion ?? null;
    const wanted = new Set(kpis);
    const listed = new Set(channels.map((c) => c.id));
    const byChannel = new Map<number, AnyRow[]>();
    for (const source of this.registry.sources()) {
      if (!source.definitions.some((d) => wanted.has(d.code) && d.granularities.includes(granularity))) continue;
      const rows = source === this.builtIn
        ? (await this.builtIn.computeMany(tenantId, [range], version)).get(granularity) ?? []
        : await source.compute(tenantId, range.fromUtc, range.toUtc, granularity);
      for (const row of rows) {
        const k = row.channelId ?? 0;
        if (!wanted.has(row.kpi) || !listed.has(k) || !dimensionMatches(dimension, row.dimension ?? '')) continue;
        const list = byChannel.get(k) ?? [];
        list.push(row);
        byChannel.set(k, list);
      }
    }
    for (const list of byChannel.values()) list.sort(compareRows);
    return {
      fetch: (channel, afterKey, limit) => {
        const rows = (byChannel.get(channel.id) ?? []).filter((r) => r.periodStart.getTime() >= channel.fromMs && r.periodStart.getTime() < channel.toMs);
        const after = parseRowKey(afterKey);
        const start = after ? rows.findIndex((r) => compareRows(r, after) > 0) : 0;
        return Promise.resolve(start < 0 ? [] : rows.slice(start, start + limit));
      },
      keyOf: rowKey,
    };
  }
}
