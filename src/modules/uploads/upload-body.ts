import type { Readable } from 'node:stream';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import { DomainError } from '../../platform/errors/domain-error.js';

/** The body of an upload, not yet read: a byte stream (CSV or a multipart file) or parsed JSON. */
export type UploadBody =
  | {
      type: 'stream';
      contentType: string;
      /** The bytes of the file, in chunks, read as they arrive. */
      chunks: AsyncIterable<Buffer>;
      /** Bytes announced by Content-Length (raw bodies only). */
      declaredBytes: number | null;
      /** Multipart: the file name and the other form fields, known once the file is read. */
      filename: string | null;
      formFields: () => Promise<Record<string, string>>;
      /** True once the multipart file exceeded the size limit (busboy stops delivering). */
      truncated: () => boolean;
    }
  | { type: 'json'; contentType: string; body: unknown };

const CSV_TYPES = ['text/csv', 'application/csv', 'text/tab-separated-values', 'text/plain'];

function mediaType(request: Request): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Resolves with the `file` part of a multipart body; rejects when the body has none. */
function multipartFile(request: Request, limitBytes: number): UploadBody {
  const fields: Record<string, string> = {};
  let truncated = false;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const parser = busboy({ headers: request.headers, limits: { fileSize: limitBytes, files: 5, fields: 20, fieldSize: 10_000 } });
  let fileResolve!: (v: { stream: Readable; filename: string } | null) => void;
  let fileReject!: (e: unknown) => void;
  const file = new Promise<{ stream: Readable; filename: string } | null>((resolve, reject) => {
    fileResolve = resolve;
    fileReject = reject;
  });
  let taken = false;
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || taken) {
      stream.resume();
      return;
    }
    taken = true;
    stream.on('limit', () => (truncated = true));
    fileResolve({ stream, filename: info.filename });
  });
  parser.on('field', (name, value) => (fields[name] = value));
  parser.on('close', () => {
    fileResolve(null);
    finish();
  });
  parser.on('error', (error) => {
    fileReject(new DomainError('MALFORMED_REQUEST', `malformed multipart body: ${error.message}`));
    finish();
  });
  request.pipe(parser);
  let filename: string | null = null;
  async function* chunks(): AsyncGenerator<Buffer> {
    const part = await file;
    if (!part) throw new DomainError('VALIDATION_FAILED', 'the multipart body has no part named "file"', { errorCount: 1, errors: [{ field: 'file', reason: 'is required' }] });
    filename = part.filename;
    for await (const chunk of part.stream) yield chunk as Buffer;
  }
  return {
    type: 'stream',
    contentType: 'multipart/form-data',
    chunks: chunks(),
    declaredBytes: null,
    get filename() {
      return filename;
    },
    formFields: async () => {
      await finished;
      return fields;
    },
    truncated: () => truncated,
  };
}

/**
 * Opens the body of an upload request without reading it: `text/csv` (also
 * `application/csv`, `text/tab-separated-values`, `text/plain`) streams the raw request, a
 * `multipart/form-data` body streams its `file` part, `application/json` is the already parsed
 * body. Anything else is 415. A Content-Length above the limit is 413 before a byte is read.
 */
export function openUploadBody(request: Request, limitBytes: number, allowJson: boolean): UploadBody {
  const type = mediaType(request);
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset && !['utf-8', 'utf8', 'us-ascii'].includes(charset)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `charset ${charset} is not accepted: send UTF-8`);
  }
  if (CSV_TYPES.includes(type)) {
    const declared = request.headers['content-length'] ? Number(request.headers['content-length']) : null;
    if (declared !== null && declared > limitBytes) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `upload of ${declared} bytes is larger than the limit of ${limitBytes} bytes (WFM_UPLOAD_LIMIT_BYTES)`);
    }
    return {
      type: 'stream',
      contentType: type,
      chunks: request as AsyncIterable<Buffer>,
      declaredBytes: declared,
      filename: null,
      formFields: () => Promise.resolve({}),
      truncated: () => false,
    };
  }
  if (type === 'multipart/form-data') return multipartFile(request, limitBytes);
  if (type === 'application/json' && allowJson) return { type: 'json', contentType: type, body: request.body as unknown };
  throw new DomainError(
    'UNSUPPORTED_MEDIA_TYPE',
    `content type ${type || '(none)'} is not accepted: send text/csv, multipart/form-data with a file part${allowJson ? ', or application/json' : ''}`,
  );
}

/**
 * An upload's body, not yet opened: `open` checks the media type and the size limit and starts
 * reading. Services take this typed value; only the controller's parameter decorator sees the
 * HTTP request.
 */
export interface UploadSource {
  /** The media type of the body, lower case, without parameters (`text/csv`, `application/json`, ...). */
  contentType: string;
  open(limitBytes: number): UploadBody;
}

/** The request's body as an UploadSource (for upload routes). */
export const UploadRequest = createParamDecorator((_: unknown, context: ExecutionContext): UploadSource => {
  const request = context.switchToHttp().getRequest<Request>();
  return { contentType: mediaType(request), open: (limitBytes) => openUploadBody(request, limitBytes, true) };
});

/** A CSV byte stream (a file, a seeded demo log) as an UploadSource: the same pipeline as an HTTP upload. */
export function csvStreamSource(chunks: AsyncIterable<Buffer>): UploadSource {
  return {
    contentType: 'text/csv',
    open: () => ({ type: 'stream', contentType: 'text/csv', chunks, declaredBytes: null, filename: null, formFields: () => Promise.resolve({}), truncated: () => false }),
  };
}

/** JSON rows (`{ rows: [...] }`) as an UploadSource, as an `application/json` upload sends them. */
export function jsonRowsSource(rows: ReadonlyArray<Record<string, unknown>>): UploadSource {
  return { contentType: 'application/json', open: () => ({ type: 'json', contentType: 'application/json', body: { rows } }) };
}
