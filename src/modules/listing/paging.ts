import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { parseTimestamp, type ParsedTimestamp } from '../../core/time/parse-timestamp.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import type { ListingChannel } from './interval-query.js';

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10_000;

/** `limit` and `cursor`: the paging parameters of every JSON list (docs/api-conventions.md: Reading). */
export class PageQueryDto {
  @ApiPropertyOptional({ description: `Rows per JSON page, default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT} (CSV streams everything)`, minimum: 1, maximum: MAX_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export function encodeCursor(code: string, key: string): string {
  return Buffer.from(JSON.stringify([code, key])).toString('base64url');
}

function notACursor(): DomainError {
  return new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
}

export function decodeCursor(cursor: string | undefined): { code: string; key: string } | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !`${v[0]}${v[1]}`.includes('\0')) {
      return { code: v[0], key: v[1] };
    }
  } catch {
    // fall through
  }
  throw notACursor();
}

const scratch: ParsedTimestamp = { localMs: 0, offsetMinutes: null };

/**
 * The instant a cursor carries as text (`2026-03-02T09:30:00.123Z`), strictly: a date that does
 * not exist or an instant outside 1900–2200 is MALFORMED_REQUEST rather than a query error.
 */
export function cursorInstant(text: string | undefined): Date {
  if (text === undefined || !parseTimestamp(text, scratch) || scratch.offsetMinutes === null) throw notACursor();
  return new Date(scratch.localMs - scratch.offsetMinutes * 60_000);
}

/**
 * The key of a cursor of a listing keyed by instants (epoch milliseconds, as `keyOf` writes
 * them); MALFORMED_REQUEST for anything else, so that a forged cursor never reaches a query.
 */
export function instantKey(key: string | null): number | null {
  if (key === null) return null;
  const ms = Number(key);
  if (!/^-?\d{1,16}$/.test(key) || !(Math.abs(ms) <= 8.64e15)) throw notACursor();
  return ms;
}

/** How to read one channel's rows in key order, after a key. */
export interface ChannelRows<Row> {
  fetch(channel: ListingChannel, afterKey: string | null, limit: number): Promise<Row[]>;
  keyOf(row: Row): string;
}

/** One JSON page over the channels in code order: at most `limit` rows and the next cursor. */
export async function readPage<Row>(
  channels: ListingChannel[],
  source: ChannelRows<Row>,
  limit: number,
  cursor: { code: string; key: string } | null,
): Promise<{ rows: Array<{ channel: ListingChannel; row: Row }>; next: string | null }> {
  const out: Array<{ channel: ListingChannel; row: Row }> = [];
  for (const channel of channels) {
    if (cursor && channel.code < cursor.code) continue;
    const after = cursor && channel.code === cursor.code ? cursor.key : null;
    const rows = await source.fetch(channel, after, limit + 1 - out.length);
    for (const row of rows) out.push({ channel, row });
    if (out.length > limit) {
      out.length = limit;
      const last = out[limit - 1];
      return { rows: out, next: encodeCursor(last.channel.code, source.keyOf(last.row)) };
    }
  }
  return { rows: out, next: null };
}

/** Every row over the channels in code order, fetched page by page (for CSV streaming). */
export async function* readAll<Row>(channels: ListingChannel[], source: ChannelRows<Row>, pageSize = 5000): AsyncGenerator<{ channel: ListingChannel; row: Row }> {
  for (const channel of channels) {
    let after: string | null = null;
    for (;;) {
      const rows = await source.fetch(channel, after, pageSize);
      for (const row of rows) yield { channel, row };
      if (rows.length < pageSize) break;
      after = source.keyOf(rows[rows.length - 1]);
    }
  }
}
