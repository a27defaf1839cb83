import type { Readable } from 'node:stream';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import busboy from 'busboy';
import type { Request, Response } from 'express';
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
      /** Aborted when the client goes away before the upload answers (HTTP uploads only). */
      signal?: AbortSignal;
    }
  | { type: 'json'; contentType: string; body: unknown; signal?: AbortSignal };

const CSV_TYPES = ['text/csv', 'application/csv', 'text/tab-separated-values', 'text/plain'];

function mediaType(request: Request): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** A 400 for a multipart body busboy cannot read (no boundary, a part never closed, a bad header...). */
function malformedMultipart(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError('MALFORMED_MULTIPART', `malformed multipart body: ${reason}`);
}

/** The client closed the connection before its upload was read (the answer reaches no one; the log keeps it). */
export function requestAborted(): DomainError {
  return new DomainError('REQUEST_ABORTED', 'the client closed the connection before the upload was read');
}

/**
 * Streams the `file` part of a multipart body. Every failure of the form (no boundary, a part
 * or the form never closed, a boundary other than the header's, a NUL byte in a field, the
 * client going away) becomes one `DomainError` that reading the file (or `formFields`) throws:
 * busboy's errors on the form and on its part streams are always listened to, so none of them
 * can reach the process as an unhandled 'error' event or rejection.
 */
function multipartFile(request: Request, limitBytes: number, signal: AbortSignal | undefined): UploadBody {
  let parser: ReturnType<typeof busboy>;
  try {
    parser = busboy({ headers: request.headers, limits: { fileSize: limitBytes, files: 5, fields: 20, fieldSize: 10_000 } });
  } catch (error) {
    throw malformedMultipart(error);
  }
  const fields: Record<string, string> = {};
  let truncated = false;
  let failure: DomainError | null = null;
  let part: { stream: Readable; filename: string } | null = null;
  let settlePart!: () => void;
  /** Resolves once the file part arrived, or the form ended or failed without it. */
  const partKnown = new Promise<void>((resolve) => (settlePart = resolve));
  let settleForm!: () => void;
  const formDone = new Promise<void>((resolve) => (settleForm = resolve));
  const fail = (error: unknown): void => {
    failure ??= malformedMultipart(error);
    settlePart();
    settleForm();
    // Stop parsing, and read the rest of the request so that the client receives the answer.
    request.unpipe(parser);
    request.resume();
  };
  parser.on('file', (name, stream, info) => {
    // busboy destroys a part it cannot finish with an error: the failure of the whole form.
    stream.on('error', fail);
    if (name !== 'file' || part) {
      stream.resume();
      return;
    }
    if (info.filename.includes('\0')) fail(new DomainError('MALFORMED_MULTIPART', 'the file name of part "file" contains a NUL byte'));
    stream.on('limit', () => (truncated = true));
    part = { stream, filename: info.filename };
    settlePart();
  });
  parser.on('field', (name, value) => {
    if (name.includes('\0') || value.includes('\0')) fail(new DomainError('MALFORMED_MULTIPART', `form field ${JSON.stringify(name.replace(/\0/g, ''))} contains a NUL byte`));
    else fields[name] = value;
  });
  parser.on('close', () => {
    settlePart();
    settleForm();
  });
  parser.on('error', fail);
  const abort = (): void => {
    if (!parser.destroyed) parser.destroy(requestAborted());
  };
  request.on('close', () => {
    if (!request.complete) abort();
  });
  signal?.addEventListener('abort', abort, { once: true });
  request.pipe(parser);
  let filename: string | null = null;
  // Read through functions: the event handlers above set these while the reader waits.
  const failed = (): DomainError | null => failure;
  const filePart = (): { stream: Readable; filename: string } | null => part;
  async function* chunks(): AsyncGenerator<Buffer> {
    await partKnown;
    const file = filePart();
    const early = failed();
    if (early) throw early;
    if (!file) throw new DomainError('VALIDATION_FAILED', 'the multipart body has no part named "file"', { errorCount: 1, errors: [{ field: 'file', reason: 'is required' }] });
    filename = file.filename;
    try {
      for await (const chunk of file.stream) yield chunk as Buffer;
    } catch (error) {
      fail(error);
    }
    // The part ended: the form must end well too (the rest of the body follows quickly).
    await formDone;
    const late = failed();
    if (late) throw late;
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
      await formDone;
      const error = failed();
      if (error) throw error;
      return fields;
    },
    truncated: () => truncated,
    signal,
  };
}

/** The raw body of a request as chunks; a client that goes away mid-body is REQUEST_ABORTED, not an internal error. */
async function* requestChunks(request: Request): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of request) yield chunk as Buffer;
  } catch {
    throw requestAborted();
  }
  if (!request.complete) throw requestAborted();
}

/**
 * Opens the body of an upload request without reading it: `text/csv` (also
 * `application/csv`, `text/tab-separated-values`, `text/plain`) streams the raw request, a
 * `multipart/form-data` body streams its `file` part, `application/json` is the already parsed
 * body. Anything else is 415. A Content-Length above the limit is 413 before a byte is read.
 */
export function openUploadBody(request: Request, limitBytes: number, allowJson: boolean, signal?: AbortSignal): UploadBody {
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
      chunks: requestChunks(request),
      declaredBytes: declared,
      filename: null,
      formFields: () => Promise.resolve({}),
      truncated: () => false,
      signal,
    };
  }
  if (type === 'multipart/form-data') return multipartFile(request, limitBytes, signal);
  if (type === 'application/json' && allowJson) return { type: 'json', contentType: type, body: request.body as unknown, signal };
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

/**
 * An AbortSignal that fires when the connection of `response` closes before the answer was
 * sent: the client went away (or dropped the upload midway), and nobody waits for the result.
 */
function closedEarly(response: Response): AbortSignal {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** The request's body as an UploadSource (for upload routes). */
export const UploadRequest = createParamDecorator((_: unknown, context: ExecutionContext): UploadSource => {
  const request = context.switchToHttp().getRequest<Request>();
  const signal = closedEarly(context.switchToHttp().getResponse<Response>());
  return { contentType: mediaType(request), open: (limitBytes) => openUploadBody(request, limitBytes, true, signal) };
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
