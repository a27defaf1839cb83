import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { sendListing, type Listing } from '../uploads/listing.js';

/** A listing, or a CSV whose lines the report formats itself (a chunk of whole CRLF-ended lines per item). */
export type ReportListing =
  | Listing
  | { type: 'csv-lines'; filename: string; header: readonly string[]; lines: AsyncIterable<string>; etag: string };

/** A CSV field: empty for null, numbers as JavaScript prints them ('.' decimals, no separators), text quoted when it must be (RFC 4180). */
export function csvValue(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Sends a report: as `sendListing` (JSON pages, 304 on If-None-Match), or, for preformatted CSV
 * lines, the same headers and ETag and a stream written in 64 KiB pieces with backpressure
 * (UTF-8 without BOM, CRLF, header row).
 */
export async function sendReport(request: Request, response: Response, listing: ReportListing): Promise<void> {
  if (listing.type !== 'csv-lines') return sendListing(request, response, listing);
  response.setHeader('ETag', listing.etag);
  if (request.headers['if-none-match'] === listing.etag) {
    response.status(304).end();
    return;
  }
  response.status(200);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${listing.filename}"`);
  let buffer = listing.header.join(',') + '\r\n';
  const iterator = listing.lines[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      buffer += next.value;
      if (buffer.length > 64 * 1024) {
        if (!response.write(buffer)) {
          await new Promise<void>((resolve) => {
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
    // A client that went away stops the reading (the generators close their queries).
    if (response.destroyed) await iterator.return?.();
  }
  response.end(buffer);
}

/** Weak ETag of a report: the tenant's data fingerprint, the representation and the URL (its parameters). */
export function reportEtag(fingerprint: string, csv: boolean, request: Request): string {
  return `W/"${createHash('sha256').update(JSON.stringify([fingerprint, csv, request.originalUrl])).digest('base64url').slice(0, 27)}"`;
}
