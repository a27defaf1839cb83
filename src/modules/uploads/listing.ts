import { createHash } from 'node:crypto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { Request, Response } from 'express';
import type { ZoneClock } from '../../core/time/create-zone-clock.js';
import { parseTimestamp, type ParsedTimestamp } from '../../core/time/parse-timestamp.js';
import { DomainError, validationFailed } from '../../platform/errors/domain-error.js';
import type { Channel } from '../channels/channel.js';
import { zoneClockFor } from '../channels/zone-clocks.js';

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10_000;
/** Open bounds, inside PostgreSQL's timestamptz range: 0001-01-01 and 10000-01-01. */
const MIN_MS = -62_135_596_800_000;
const MAX_MS = 253_402_300_800_000;

/** `limit` and `cursor`: the paging parameters of every JSON list (API conventions: Reading). */
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

/** Query parameters of every interval listing (API conventions: Reading). */
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
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return { date: [y, m, d] };
  }
  if (parseTimestamp(text, scratch) && scratch.offsetMinutes !== null) return { instantMs: scratch.localMs - scratch.offsetMinutes * 60_000 };
  throw validationFailed([{ field, value: text, reason: 'must be an instant with an offset (2026-03-02T09:30:00Z) or a date (2026-03-02)' }]);
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
export function listingChannels(all: readonly Channel[], query: IntervalQueryDto): ListingChannel[] {
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

export function encodeCursor(code: string, key: string): string {
  return Buffer.from(JSON.stringify([code, key])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { code: string; key: string } | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { code: v[0], key: v[1] };
  } catch {
    // fall through
  }
  throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
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

/** Whether a listing request asks for CSV (`format=csv`, or Accept: text/csv without format). */
export function wantsCsv(request: Request, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  const accept = request.headers.accept ?? '';
  return accept.includes('text/csv') && !accept.includes('application/json');
}

/** A CSV field: empty for null, numbers as JavaScript prints them ('.' decimals, no separators), text quoted when it must be (RFC 4180). */
export function csvValue(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Any listing value as a CSV field: booleans as true/false, objects as JSON text. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  return csvValue(typeof v === 'string' || typeof v === 'number' ? v : typeof v === 'boolean' ? String(v) : JSON.stringify(v));
}

/** Streams RFC 4180 CSV (UTF-8, no BOM, CRLF, header row) as an attachment, with backpressure. */
export function sendCsv(response: Response, filename: string, header: readonly string[], rows: AsyncIterable<readonly unknown[]>): Promise<void> {
  return sendCsvLines(response, filename, header, (async function* () {
    for await (const row of rows) yield row.map(csvField).join(',') + '\r\n';
  })());
}

/**
 * Streams CSV text as an attachment: the header row, then `lines` (whole CRLF-ended lines, one
 * or many per item), written in 64 KiB pieces with backpressure. A client that goes away stops
 * the reading (the generator is returned, which closes its queries).
 */
export async function sendCsvLines(response: Response, filename: string, header: readonly string[], lines: AsyncIterable<string>): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  let buffer = header.join(',') + '\r\n';
  const iterator = lines[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      buffer += next.value;
      if (buffer.length > 64 * 1024) {
        if (!response.write(buffer)) {
          await new Promise<void>((resolve) => {
            // Remove both listeners whichever fires: a long export waits for many drains.
            const done = (): void => {
              response.off('drain', done);
              response.off('close', done);
              resolve();
            };
            response.once('drain', done);
            response.once('close', done);
          });
          if (response.destroyed) return;
        }
        buffer = '';
      }
    }
  } finally {
    if (response.destroyed) await iterator.return?.();
  }
  response.end(buffer);
}

/** What a listing endpoint answers: a JSON page, or a CSV stream. */
export type Listing =
  | { type: 'json'; body: { data: unknown[]; next: string | null }; etag?: string }
  | { type: 'csv'; filename: string; header: readonly string[]; rows: AsyncIterable<readonly unknown[]>; etag?: string };

/**
 * Sends a listing (JSON or streamed CSV) and honours If-None-Match: with the listing's own ETag
 * when it has one (immutable data), else, for JSON, a weak ETag of the page's content.
 */
export async function sendListing(request: Request, response: Response, listing: Listing): Promise<void> {
  let json: string | null = null;
  let etag = listing.etag;
  if (listing.type === 'json' && !etag) {
    json = JSON.stringify(listing.body);
    etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  }
  if (etag) {
    response.setHeader('ETag', etag);
    if (request.headers['if-none-match'] === etag) {
      response.status(304).end();
      return;
    }
  }
  if (listing.type === 'json') {
    response.status(200).type('application/json').send(json ?? JSON.stringify(listing.body));
    return;
  }
  await sendCsv(response, listing.filename, listing.header, listing.rows);
}
