import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { csvLinesOf } from './csv.js';
import { PageCache } from './page-cache.js';

/** JSON pages of versioned listings, by ETag (64 MB at most, in this process). */
const pages = new PageCache(64 * 1024 * 1024);

/** The representation of a listing: a JSON page or a streamed CSV. */
export type ListingFormat = 'json' | 'csv';

/**
 * What a listing answers, as typed values (services build it; controllers send it):
 * a JSON page, CSV rows of values, or CSV lines the listing formats itself (whole CRLF-ended
 * lines, one or many per item).
 */
export type Listing =
  | { type: 'json'; body: { data: unknown[]; next: string | null } }
  | { type: 'csv'; filename: string; header: readonly string[]; rows: AsyncIterable<readonly unknown[]> }
  | { type: 'csv-lines'; filename: string; header: readonly string[]; lines: AsyncIterable<string> };

/**
 * A listing whose ETag is known before any work: `version` names the state of the data it
 * reads (a data fingerprint, which must name the tenant too), and the listing is built only
 * when the client's copy is stale and no JSON page of that ETag is at hand.
 */
export interface VersionedListing {
  version: string;
  format: ListingFormat;
  build(): Promise<Listing>;
}

/** The format a request asks for: `format` when given, else CSV when Accept names text/csv and not JSON. */
export function listingFormat(request: Request, format: ListingFormat | undefined): ListingFormat {
  if (format) return format;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/csv') && !accept.includes('application/json') ? 'csv' : 'json';
}

/** Weak ETag of a versioned listing: the data version, the representation and the URL (its parameters). */
function versionEtag(version: string, csv: boolean, request: Request): string {
  return `W/"${createHash('sha256').update(JSON.stringify([version, csv, request.originalUrl])).digest('base64url').slice(0, 27)}"`;
}

/** Answers 304 and returns true when the request's If-None-Match holds this ETag; sets the ETag header either way. */
function notModified(request: Request, response: Response, etag: string): boolean {
  response.setHeader('ETag', etag);
  if (request.headers['if-none-match'] !== etag) return false;
  response.status(304).end();
  return true;
}

/**
 * Sends a listing and honours If-None-Match. A versioned listing's ETag comes from its data
 * version (answered before the listing is built); a plain JSON page gets a weak ETag of its
 * content; a plain CSV has none.
 */
export async function sendListing(request: Request, response: Response, listing: Listing | VersionedListing): Promise<void> {
  if ('version' in listing) {
    const etag = versionEtag(listing.version, listing.format === 'csv', request);
    if (notModified(request, response, etag)) return;
    const cached = listing.format === 'json' ? pages.get(etag) : undefined;
    if (cached !== undefined) {
      response.status(200).type('application/json').send(cached);
      return;
    }
    listing = await listing.build();
    if (listing.type === 'json') {
      const json = JSON.stringify(listing.body);
      pages.set(etag, json);
      response.status(200).type('application/json').send(json);
      return;
    }
  } else if (listing.type === 'json') {
    const json = JSON.stringify(listing.body);
    if (notModified(request, response, `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`)) return;
    response.status(200).type('application/json').send(json);
    return;
  }
  switch (listing.type) {
    case 'csv':
      return sendCsvLines(response, listing.filename, listing.header, csvLinesOf(listing.rows));
    case 'csv-lines':
      return sendCsvLines(response, listing.filename, listing.header, listing.lines);
  }
}

/**
 * Streams CSV text as an attachment: the header row, then `lines`, written in 64 KiB pieces with
 * backpressure. A client that goes away stops the reading (the generator is returned, which
 * closes its queries).
 */
async function sendCsvLines(response: Response, filename: string, header: readonly string[], lines: AsyncIterable<string>): Promise<void> {
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
