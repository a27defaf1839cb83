import { Injectable } from '@nestjs/common';
import { IANAZone } from 'luxon';
import { DomainError, notFound, validationFailed, type FieldError } from '../../platform/errors/domain-error.js';
import { WEEKDAYS, type Channel, type ChannelSettings } from './channel.js';
import { ChannelsRepository } from './channels.repository.js';
import type { ChannelPutDto, ChannelResponseDto } from './dto/channel.dto.js';

const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Field errors of opening hours: known weekdays, ranges of two HH:MM times, start before end. */
function openingHoursErrors(hours: unknown): FieldError[] {
  if (hours === null || hours === undefined) return [];
  if (typeof hours !== 'object' || Array.isArray(hours)) return [{ field: 'openingHours', value: hours, reason: 'must be an object of weekdays mon … sun' }];
  const errors: FieldError[] = [];
  for (const [day, ranges] of Object.entries(hours as Record<string, unknown>)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) errors.push({ field: `openingHours.${day}`, value: day, reason: 'must be one of mon, tue, wed, thu, fri, sat, sun' });
    else if (!Array.isArray(ranges)) errors.push({ field: `openingHours.${day}`, value: ranges, reason: 'must be an array of [start, end] ranges' });
    else {
      ranges.forEach((r: unknown, i) => {
        const ok = Array.isArray(r) && r.length === 2 && typeof r[0] === 'string' && typeof r[1] === 'string' && CLOCK.test(r[0]) && CLOCK.test(r[1]) && r[0] < r[1];
        if (!ok) errors.push({ field: `openingHours.${day}[${i}]`, value: r, reason: 'must be [start, end], local times HH:MM with start before end (24:00 allowed as end)' });
      });
    }
  }
  return errors;
}

export function toChannelResponse(c: Channel): ChannelResponseDto {
  const { id: _id, createdAt, updatedAt, ...rest } = c;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

/** Channels (queues) and their service goals; other modules read goals from here. */
@Injectable()
export class ChannelsService {
  constructor(private readonly channels: ChannelsRepository) {}

  async put(tenantId: string, code: string, body: ChannelPutDto): Promise<{ channel: Channel; created: boolean }> {
    const errors: FieldError[] = [];
    if (!CODE.test(code)) {
      errors.push({ field: 'code', value: code, reason: 'must be 1-64 characters of a-z, 0-9, _ or -, starting with a letter or digit' });
    }
    if (!IANAZone.isValidZone(body.timeZone)) {
      errors.push({ field: 'timeZone', value: body.timeZone, reason: 'must be an IANA time zone such as Europe/Berlin' });
    }
    const settings: ChannelSettings = {
      name: body.name,
      media: body.media,
      timeZone: body.timeZone,
      intervalMinutes: body.intervalMinutes ?? 30,
      serviceLevelTarget: body.serviceLevelTarget ?? 0.8,
      thresholdSeconds: body.thresholdSeconds ?? 20,
      maxAsaSeconds: body.maxAsaSeconds ?? null,
      maxAbandonRate: body.maxAbandonRate ?? null,
      maxOccupancy: body.maxOccupancy ?? null,
      minOccupancy: body.minOccupancy ?? null,
      responseTimeHours: body.responseTimeHours ?? null,
      shrinkage: body.shrinkage ?? 0,
      patienceSeconds: body.patienceSeconds ?? null,
      concurrency: body.concurrency ?? 1,
      openingHours: body.openingHours ?? null,
    };
    errors.push(...openingHoursErrors(body.openingHours));
    if (settings.minOccupancy !== null && settings.maxOccupancy !== null && settings.minOccupancy >= settings.maxOccupancy) {
      errors.push({ field: 'minOccupancy', value: settings.minOccupancy, reason: 'must be below maxOccupancy' });
    }
    if (errors.length) throw validationFailed(errors);
    return this.channels.upsert(tenantId, code, settings);
  }

  list(tenantId: string): Promise<Channel[]> {
    return this.channels.list(tenantId);
  }

  async get(tenantId: string, code: string): Promise<Channel> {
    const channel = await this.channels.findByCode(tenantId, code);
    if (!channel) throw notFound('CHANNEL_NOT_FOUND', 'channel', code);
    return channel;
  }

  /** The channels of `codes`; a 422 UNKNOWN_CHANNELS naming every code that does not exist. */
  async requireAll(tenantId: string, codes: readonly string[]): Promise<Map<string, Channel>> {
    const unique = [...new Set(codes)];
    const found = await this.channels.findByCodes(tenantId, unique);
    const byCode = new Map(found.map((c) => [c.code, c]));
    const unknown = unique.filter((c) => !byCode.has(c));
    if (unknown.length) {
      throw new DomainError('UNKNOWN_CHANNELS', `unknown channel codes: ${unknown.slice(0, 20).join(', ')}`, { unknown });
    }
    return byCode;
  }

  async delete(tenantId: string, code: string): Promise<void> {
    try {
      if (!(await this.channels.delete(tenantId, code))) throw notFound('CHANNEL_NOT_FOUND', 'channel', code);
    } catch (error) {
      if ((error as { code?: string }).code === '23503') {
        throw new DomainError('CHANNEL_IN_USE', `channel ${code} has data (forecasts, actuals or plans) and cannot be deleted`);
      }
      throw error;
    }
  }
}
