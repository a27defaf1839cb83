import { Injectable } from '@nestjs/common';
import { validationFailed, type FieldError } from '../../platform/errors/domain-error.js';
import { ChannelsService } from '../channels/channels.service.js';
import { ChannelGrid } from './channel-grid.js';
import type { SpecialDayListDto, SpecialDayResponseDto, SpecialDaysPutDto } from './dto/special-days.dto.js';
import { ForecastingRepository, type SpecialDayRow } from './forecasting.repository.js';

function json(r: SpecialDayRow): SpecialDayResponseDto {
  return { date: r.day, channel: r.channelCode === '*' ? null : r.channelCode, label: r.label, kind: r.kind, volumeFactor: r.volumeFactor };
}

/** The special-days calendar: closed days, holidays and events that forecasting handles apart. */
@Injectable()
export class SpecialDaysService {
  constructor(
    private readonly repository: ForecastingRepository,
    private readonly channels: ChannelsService,
  ) {}

  /** PUT /calendar/special-days: creates or replaces each day (date + channel), all or none. */
  async put(tenantId: string, body: SpecialDaysPutDto): Promise<SpecialDayListDto> {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    body.days.forEach((d, i) => {
      const day = ChannelGrid.dayOf(d.date);
      if (ChannelGrid.dateOf(day) !== d.date) errors.push({ field: `days[${i}].date`, value: d.date, reason: 'is not a calendar date' });
      if (d.kind === 'closed' && d.volumeFactor !== undefined) errors.push({ field: `days[${i}].volumeFactor`, value: d.volumeFactor, reason: 'a closed day has no volume factor' });
      const key = `${d.date}|${d.channel ?? '*'}`;
      if (seen.has(key)) errors.push({ field: `days[${i}]`, value: key, reason: 'repeats an earlier day of this request' });
      seen.add(key);
    });
    if (errors.length) throw validationFailed(errors);
    const codes = [...new Set(body.days.flatMap((d) => (d.channel ? [d.channel] : [])))];
    if (codes.length) await this.channels.requireAll(tenantId, codes);
    const rows: SpecialDayRow[] = body.days.map((d) => ({ day: d.date, channelCode: d.channel ?? '*', label: d.label, kind: d.kind, volumeFactor: d.volumeFactor ?? null }));
    await this.repository.upsertSpecialDays(tenantId, rows);
    return { data: rows.map(json), next: null };
  }

  async list(tenantId: string, from: string | undefined, to: string | undefined): Promise<SpecialDayListDto> {
    const last = to ? ChannelGrid.dateOf(ChannelGrid.dayOf(to) - 1) : '9999-12-31';
    return { data: (await this.repository.listSpecialDays(tenantId, from ?? '0001-01-01', last)).map(json), next: null };
  }
}
