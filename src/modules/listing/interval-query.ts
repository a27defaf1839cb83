import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { ZoneClock } from '../../core/time/create-zone-clock.js';
import { civilFromDays } from '../../core/time/civil-from-days.js';
import { parseCivilDate } from '../../core/time/parse-civil-date.js';
import { parseTimestamp, type ParsedTimestamp } from '../../core/time/parse-timestamp.js';
import { DomainError, validationFailed } from '../../platform/errors/domain-error.js';
import type { Channel } from '../channels/channel.js';
import { zoneClockFor } from '../channels/zone-clocks.js';
import { PageQueryDto } from './paging.js';

/** Open bounds, inside PostgreSQL's timestamptz range: 0001-01-01 and 10000-01-01. */
export const MIN_MS = -62_135_596_800_000;
export const MAX_MS = 253_402_300_800_000;

/** Query parameters of every interval listing (docs/api-conventions.md: Reading). */
export class IntervalQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Channel code; repeat for several. Default: every channel', type: [String] })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value))
  @IsString({ each: true })
  channel?: string[];

  @ApiPropertyOptional({ description: 'Inclusive start: an instant with offset (2026-03-02T09:30:00Z) or a date (2026-03-02: local midnight of each channel given, UTC midnight when no channel is given)' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive end: an instant with offset or a date (see from)' })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ description: 'json (default) or csv (also chosen by Accept: text/csv)', enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

}

/** A channel of a listing with the instants its rows must lie in. */
export interface ListingChannel {
  id: number;
  code: string;
  clock: ZoneClock;
  fromMs: number;
  toMs: number;
}

type Bound = { instantMs: number } | { date: [number, number, number] } | null;

const scratch: ParsedTimestamp = { localMs: 0, offsetMinutes: null };

function parseBound(field: 'from' | 'to', text: string | undefined): Bound {
  if (text === undefined || text === '') return null;
  const days = parseCivilDate(text);
  if (days === days) {
    const date = civilFromDays(days);
    return { date: [date.year, date.month, date.day] };
  }
  if (parseTimestamp(text, scratch) && scratch.offsetMinutes !== null) return { instantMs: scratch.localMs - scratch.offsetMinutes * 60_000 };
  throw validationFailed([{ field, value: text, reason: 'must be an instant with an offset (2026-03-02T09:30:00Z) or a date (2026-03-02) that exists, in the years 1900–2200' }]);
}

/** Local midnight of a date in a zone (the first instant of the day when midnight is skipped). */
function localMidnight(clock: ZoneClock | null, [y, m, d]: [number, number, number]): number {
  const local = Date.UTC(y, m - 1, d);
  if (!clock) return local;
  for (let shift = 0; shift <= 120; shift += 15) {
    const r = clock.resolveLocal(local + shift * 60_000);
    if (r.kind === 'unique') return r.utcMs;
    if (r.kind === 'ambiguous') return r.earlierUtcMs;
  }
  return local;
}

/** The channels of a listing (sorted by code) with their bounds; codes must exist (422). */
export function listingChannels(all: readonly Channel[], query: Pick<IntervalQueryDto, 'channel' | 'from' | 'to'>): ListingChannel[] {
  const given = query.channel?.map((c) => c.trim()).filter((c) => c !== '') ?? [];
  const byCode = new Map(all.map((c) => [c.code, c]));
  const unknown = [...new Set(given)].filter((c) => !byCode.has(c));
  if (unknown.length) throw new DomainError('UNKNOWN_CHANNELS', `unknown channel codes: ${unknown.slice(0, 20).join(', ')}`, { unknown });
  const chosen = given.length ? [...new Set(given)].map((c) => byCode.get(c)!) : [...all];
  const from = parseBound('from', query.from);
  const to = parseBound('to', query.to);
  const perChannel = given.length > 0;
  return chosen
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((c) => {
      const clock = zoneClockFor(c.timeZone);
      const at = (b: Bound, fallback: number): number =>
        b === null ? fallback : 'instantMs' in b ? b.instantMs : localMidnight(perChannel ? clock : null, b.date);
      return { id: c.id, code: c.code, clock, fromMs: at(from, MIN_MS), toMs: at(to, MAX_MS) };
    });
}
