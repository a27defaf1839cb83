import { Injectable } from '@nestjs/common';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { ChannelsService } from '../channels/channels.service.js';
import { ForecastsService } from '../forecasts/forecasts.service.js';
import { ReportsRepository, type AccuracyRow } from './reports.repository.js';
import type { Listing, VersionedListing, ListingFormat } from '../listing/send-listing.js';
import { listingChannels, type ListingChannel } from '../listing/interval-query.js';
import { DEFAULT_LIMIT, decodeCursor, instantKey, readAll, readPage, type ChannelRows } from '../listing/paging.js';
import { FORECAST_ACCURACY_COLUMNS, type ChannelAccuracySummaryDto, type ForecastAccuracyQueryDto, type ForecastAccuracyRowDto } from './dto/forecast-accuracy.dto.js';



function rowDto(channel: ListingChannel, r: AccuracyRow): ForecastAccuracyRowDto {
  // Missing actuals are not zero: the variance compares the forecast of the intervals with actuals only.
  const variance = r.actual !== null && r.actual > 0 && r.forecastMatched !== null ? (r.forecastMatched - r.actual) / r.actual : null;
  return {
    channel: channel.code,
    periodStart: formatUtcIso(r.t),
    periodStartLocal: formatLocalIso(r.t, channel.clock.offsetMinutesAt(r.t)),
    forecast: r.forecast,
    actual: r.actual,
    variance,
    withinFivePercent: variance === null ? null : Math.abs(variance) <= 0.05 + 1e-12,
    forecastIntervals: r.forecastIntervals,
    actualIntervals: r.actualIntervals,
  };
}

/** GET /reports/forecast-accuracy: any stored forecast version (upload or model) against the actuals. */
@Injectable()
export class ForecastAccuracyService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly forecasts: ForecastsService,
    private readonly channels: ChannelsService,
  ) {}

  async report(tenantId: string, query: ForecastAccuracyQueryDto, format: ListingFormat): Promise<VersionedListing> {
    const version = await this.forecasts.getVersion(tenantId, query.forecastVersion);
    const codes = new Set(version.channels);
    const all = await this.channels.list(tenantId);
    const zones = new Map(all.map((c) => [c.code, c.timeZone]));
    const channels = listingChannels(all.filter((c) => codes.has(c.code) || query.channel?.includes(c.code)), query);
    const granularity = query.granularity ?? 'interval';
    // The ETag comes from the tenant's data fingerprint: a fresh copy is answered 304 before any work.
    return { version: await this.repository.dataFingerprint(tenantId), format, build: async (): Promise<Listing> => {
      const source: ChannelRows<AccuracyRow> = {
        fetch: (c, after, limit) => this.repository.accuracyRows(tenantId, version.id, c.id, zones.get(c.code)!, granularity, c.fromMs, c.toMs, instantKey(after), limit),
        keyOf: (r) => String(r.t),
      };
      if (format === 'csv') {
        return {
          type: 'csv',
          filename: `forecast-accuracy-${version.id}.csv`,
          header: FORECAST_ACCURACY_COLUMNS,
          rows: (async function* () {
            for await (const { channel, row } of readAll(channels, source)) yield Object.values(rowDto(channel, row));
          })(),
        };
      }
      const cursor = decodeCursor(query.cursor);
      if (cursor && !Number.isFinite(Number(cursor.key))) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
      const page = await readPage(channels, source, query.limit ?? DEFAULT_LIMIT, cursor);
      const summary: ChannelAccuracySummaryDto[] = [];
      for (const c of channels) {
        const s = await this.repository.accuracySummary(tenantId, version.id, c.id, zones.get(c.code)!, c.fromMs, c.toMs);
        summary.push({
          channel: c.code,
          intervals: s.intervals,
          intervalsWithinFivePercent: s.intervals > 0 ? s.intervalsWithin / s.intervals : null,
          months: s.months,
          monthsWithinFivePercent: s.months > 0 ? s.monthsWithin / s.months : null,
          wape: s.sumActual > 0 ? s.absError / s.sumActual : null,
          bias: s.sumActual > 0 ? (s.sumForecast - s.sumActual) / s.sumActual : null,
        });
      }
      const body = { data: page.rows.map(({ channel, row }) => rowDto(channel, row)), next: page.next, summary };
      return { type: 'json', body };
    } };
  }
}
