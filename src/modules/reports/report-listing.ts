import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { sendCsvLines, sendListing, type Listing } from '../uploads/listing.js';

/** A listing, or a CSV whose lines the report formats itself (a chunk of whole CRLF-ended lines per item). */
export type ReportListing =
  | Listing
  | { type: 'csv-lines'; filename: string; header: readonly string[]; lines: AsyncIterable<string>; etag: string };

/**
 * Sends a report: as `sendListing` (JSON pages, 304 on If-None-Match), or, for preformatted CSV
 * lines, the same ETag handling and `sendCsvLines`.
 */
export async function sendReport(request: Request, response: Response, listing: ReportListing): Promise<void> {
  if (listing.type !== 'csv-lines') return sendListing(request, response, listing);
  response.setHeader('ETag', listing.etag);
  if (request.headers['if-none-match'] === listing.etag) {
    response.status(304).end();
    return;
  }
  await sendCsvLines(response, listing.filename, listing.header, listing.lines);
}

/** Weak ETag of a report: the tenant's data fingerprint, the representation and the URL (its parameters). */
export function reportEtag(fingerprint: string, csv: boolean, request: Request): string {
  return `W/"${createHash('sha256').update(JSON.stringify([fingerprint, csv, request.originalUrl])).digest('base64url').slice(0, 27)}"`;
}
