import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { validationFailed } from '../../platform/errors/domain-error.js';
import { ChannelsService } from '../channels/channels.service.js';
import { DashboardRepository } from './dashboard.repository.js';
import type { DashboardRangeDto, DashboardRangeQueryDto } from './dto/dashboard-range.dto.js';

/** Days shown when the caller gives no `from`. */
const DEFAULT_DAYS = 7;

/**
 * The date range of the dashboard in a channel's time zone. Default: the 7 local days ending
 * with the last local day that has actuals (the most recent week with actuals), so the page
 * opens on real data; both ends are local midnights, as instants the reports accept.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly channels: ChannelsService,
    private readonly repository: DashboardRepository,
  ) {}

  async range(tenantId: string, query: DashboardRangeQueryDto, nowMs: number): Promise<DashboardRangeDto> {
    const channel = await this.channels.get(tenantId, query.channel);
    const span = await this.repository.actualsSpan(tenantId, channel.id);
    const zone = channel.timeZone;
    const day = (field: 'from' | 'to', text: string): DateTime => {
      const d = DateTime.fromISO(text, { zone }).startOf('day');
      if (!d.isValid) throw validationFailed([{ field, value: text, reason: 'must be a calendar date YYYY-MM-DD' }]);
      return d;
    };
    const lastWithData = span.last ? DateTime.fromJSDate(span.last, { zone }) : DateTime.fromMillis(nowMs, { zone });
    const to = query.to ? day('to', query.to) : lastWithData.startOf('day').plus({ days: 1 });
    let from = query.from ? day('from', query.from) : to.minus({ days: DEFAULT_DAYS });
    if (from >= to) from = to.minus({ days: 1 });
    return {
      channel: channel.code,
      timeZone: zone,
      intervalMinutes: channel.intervalMinutes,
      serviceLevelTarget: channel.serviceLevelTarget,
      firstActualStart: span.first ? formatUtcIso(span.first.getTime()) : null,
      lastActualStart: span.last ? formatUtcIso(span.last.getTime()) : null,
      actualIntervals: span.intervals,
      from: from.toISO({ suppressMilliseconds: true })!,
      to: to.toISO({ suppressMilliseconds: true })!,
      firstDay: from.toISODate()!,
      lastDay: to.minus({ days: 1 }).toISODate()!,
    };
  }
}
