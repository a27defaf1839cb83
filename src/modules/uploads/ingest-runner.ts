import { createHash, randomUUID } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { createRecordMapper, type RecordMapper } from '../../core/ingest/create-record-mapper.js';
import { createCsvTokenizer } from '../../core/ingest/csv-tokenizer.js';
import { resolveColumns } from '../../core/ingest/resolve-columns.js';
import type { RowIssue } from '../../core/ingest/types.js';
import type { ImportMappingSpec } from '../../core/ingest/validate-import-mapping.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { httpStatusOf } from '../../platform/errors/error-codes.js';
import { LOGGER } from '../../platform/logging/logger.js';
import { ChannelsService } from '../channels/channels.service.js';
import { BinaryCopyWriter } from './binary-copy-writer.js';
import { ChunkStager } from './chunk-stager.js';
import type { IngestOutcome, IngestRequest, IngestTransaction, ResolvedChannel, RowSink } from './ingest.types.js';
import { RowErrors } from './row-errors.js';
import { requestAborted, type UploadBody } from './upload-body.js';
import { touchedRangeOf, UploadEvents, type UploadCommitted } from './upload-events.js';
import { UploadsRepository, type PriorUpload, type Queryable, type UploadConnection, type UploadOutcome } from './uploads.repository.js';
import { zoneClockFor } from '../channels/zone-clocks.js';

/** A counting semaphore: at most `size` holders, the others wait in order (or until `signal` aborts). */
class Semaphore {
  private readonly waiting: Array<() => void> = [];
  constructor(private free: number) {}

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(requestAborted());
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(requestAborted());
      };
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/** What reading the body produced (the staged rows are in the database by then). */
interface ReadResult {
  bytes: number;
  contentSha256: string;
  tooLarge: boolean;
  dataRecords: number;
  rows: number;
  skippedRows: number;
  headerInvalid: boolean;
  unknownChannels: Set<string>;
  errors: RowErrors;
  failure: unknown;
}

/** What channel-free sinks (schedules, agent states) receive in place of a row's channel. */
export const NO_CHANNEL: ResolvedChannel = { id: 0, code: '', grid: { clock: zoneClockFor('UTC'), intervalMinutes: 30, thresholdSeconds: 0 } };

const EMPTY_SHA = createHash('sha256').digest('hex');

/**
 * Age after which staging tables are dropped whatever their name says (a reused process id);
 * tables of a loader session that no longer exists are dropped at once (at start and before each upload).
 */
const STALE_STAGING_SECONDS = 6 * 60 * 60;

/** What an Idempotency-Key may be: 1 to 255 visible ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Duplicate (channel, interval) pairs listed in a refusal at most. */
const MAX_LISTED_DUPLICATES = 100;

/** The binary COPY chunks of what `write` writes. */
function encodeRows(write: (writer: BinaryCopyWriter) => void): Buffer[] {
  const chunks: Buffer[] = [];
  const writer = new BinaryCopyWriter((chunk) => {
    chunks.push(chunk);
    return true;
  });
  write(writer);
  writer.finish();
  return chunks;
}

/** The text a JSON upload is hashed (and measured) as. */
function jsonText(body: unknown): string {
  return JSON.stringify(body ?? null);
}

/** A 409: the Idempotency-Key of a stored upload, sent again with another body (or mapping). */
function keyReused(key: string, prior: PriorUpload): DomainError {
  return new DomainError(
    'IDEMPOTENCY_KEY_REUSED',
    `Idempotency-Key ${JSON.stringify(key)} was used by upload ${prior.id} with a different body or mapping; send a new key for new content`,
    { uploadId: prior.id },
  );
}

/** camelCase JSON key of a snake_case column. */
function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Runs one upload end to end: streams the body through the tokenizer (and the import mapping)
 * and validates every row; valid rows are COPYed (binary format) in chunks into staging tables
 * by a loader connection and merged chunk by chunk by the upload's one transaction while the
 * body is still arriving (see ChunkStager). The transaction commits only if every row is valid
 * and the upload is recorded in it: all or nothing. The same content (or Idempotency-Key) a
 * second time answers the first result and writes nothing.
 *
 * Memory: the chunks waiting for the database (at most a few of 8 MB) and the sink's summaries
 * (per channel, or per interval for contact logs), whatever the size of the file. The body is
 * always read to its end, even after a problem, so that the client receives the answer instead
 * of a reset connection. Uploads of one tenant and table family run one after the other
 * (advisory lock); at most a third of the connection pool is used by uploads.
 */
@Injectable()
export class IngestRunner implements OnApplicationBootstrap {
  private readonly slots: Semaphore;

  constructor(
    private readonly uploads: UploadsRepository,
    private readonly channels: ChannelsService,
    private readonly events: UploadEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.slots = new Semaphore(Math.max(1, Math.floor(config.databasePoolSize / 3)));
  }

  /** Staging tables of a process that died mid-upload are dropped when the next one starts. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.uploads.dropOrphanedStaging(STALE_STAGING_SECONDS);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not drop the staging tables of earlier processes');
    }
  }

  async run<R>(request: IngestRequest<R>): Promise<IngestOutcome<R>> {
    const startedAt = new Date();
    const { tenantId, uploader, sink } = request;
    const uploadId = randomUUID();
    const record = {
      id: uploadId,
      kind: sink.kind,
      keyId: uploader.keyId,
      keyName: uploader.keyName,
      contentType: null as string | null,
      mapping: request.mappingName,
      idempotencyKey: request.idempotencyKey,
      contentSha256: null as string | null,
      bytes: 0,
      rowCount: 0,
    };
    const finish = async (q: Queryable | undefined, outcome: UploadOutcome, extra: { errorCode?: string; errorMessage?: string; duplicateOf?: string; result?: unknown }): Promise<void> => {
      const finishedAt = new Date();
      await this.uploads.insert(tenantId, {
        ...record,
        startedAt,
        finishedAt,
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        outcome,
        errorCode: extra.errorCode ?? null,
        errorMessage: extra.errorMessage ?? null,
        duplicateOf: extra.duplicateOf ?? null,
        result: extra.result,
      }, q);
    };
    const recordFailure = async (error: unknown, q?: Queryable): Promise<void> => {
      const domain = error instanceof DomainError ? error : null;
      try {
        await finish(q, domain && httpStatusOf(domain.code) < 500 ? 'rejected' : 'failed', {
          errorCode: domain?.code ?? 'INTERNAL_ERROR',
          errorMessage: error instanceof Error ? error.message : String(error),
        });
      } catch (e) {
        this.logger.warn({ err: e, uploadId }, 'could not record a failed upload');
      }
    };

    let body: UploadBody;
    let mapping: { name: string; spec: ImportMappingSpec } | null;
    try {
      if (request.idempotencyKey !== null && !IDEMPOTENCY_KEY.test(request.idempotencyKey)) {
        record.idempotencyKey = null;
        throw new DomainError('MALFORMED_REQUEST', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
      }
      ({ body, mapping } = await request.prepare());
      record.contentType = body.contentType;
      if (request.idempotencyKey) {
        const prior = await this.uploads.findSucceededByKey(tenantId, sink.kind, request.idempotencyKey);
        if (prior) {
          // The same key answers the first result only for the same content: hash the body.
          const { bytes, contentSha256 } = await this.digest(body);
          record.bytes = bytes;
          record.contentSha256 = contentSha256;
          if (contentSha256 !== prior.contentSha256 || (mapping?.name ?? null) !== prior.mapping) throw keyReused(request.idempotencyKey, prior);
          await finish(undefined, 'duplicate', { duplicateOf: prior.id });
          return { uploadId: prior.id, duplicate: true, result: prior.result as R };
        }
      }
    } catch (error) {
      await recordFailure(error);
      throw error;
    }

    const channels = new Map<string, ResolvedChannel>();
    for (const c of await this.channels.list(tenantId)) {
      channels.set(c.code, { id: c.id, code: c.code, grid: { clock: zoneClockFor(c.timeZone), intervalMinutes: c.intervalMinutes, thresholdSeconds: c.thresholdSeconds } });
    }
    const codeOf = new Map([...channels.values()].map((c) => [c.id, c.code]));
    // Each upload holds two pooled connections: limit how many run at once so that uploads can
    // never take the whole pool (and wait for each other's second connection forever).
    const signal = body.signal;
    try {
      await this.slots.acquire(signal);
    } catch (error) {
      await recordFailure(error);
      throw error;
    }
    let main: UploadConnection;
    let loader: UploadConnection;
    let mainPid: number;
    let loaderPid: number;
    try {
      main = await this.uploads.acquire();
      loader = await this.uploads.acquire().catch(async (e: unknown) => {
        await main.release();
        throw e;
      });
      try {
        [mainPid, loaderPid] = [await this.uploads.backendPid(main.client), await this.uploads.backendPid(loader.client)];
      } catch (e) {
        await loader.release();
        await main.release();
        throw e;
      }
    } catch (error) {
      this.slots.release();
      await recordFailure(error);
      throw error;
    }
    const { client } = main;
    const stager = new ChunkStager(this.uploads, loader.client, sink, { client, tenantId, uploadId }, this.uploads.stagingPrefix(startedAt, uploadId, loaderPid));
    // While the client is gone, a statement of the transaction (the wait for the lock, a merge)
    // is cancelled from the loader connection: nothing waits on behalf of nobody.
    const cancellable = <T>(work: () => Promise<T>): Promise<T> => this.cancellable(signal, loader.client, mainPid, work);
    let open = false;
    let committed: UploadCommitted | null = null;
    try {
      await this.uploads.dropOrphanedStaging(STALE_STAGING_SECONDS, loader.client);
      await this.uploads.beginUpload(client);
      open = true;
      // One upload at a time per tenant and table family: replacing intervals needs it, and a
      // concurrent twin waits here and then finds the first as a duplicate.
      await cancellable(() => this.uploads.lockTenantKind(client, tenantId, sink.kind === 'forecast' || sink.channelFree ? sink.kind : 'actuals'));
      const t0 = Date.now();
      const read = await this.read(body, sink, mapping, channels, stager);
      if (signal?.aborted) throw requestAborted();
      const t1 = Date.now();
      record.bytes = read.bytes;
      record.rowCount = read.rows;
      record.contentSha256 = read.contentSha256;
      if (read.tooLarge || (body.type === 'stream' && body.truncated())) {
        throw new DomainError('PAYLOAD_TOO_LARGE', `upload is larger than the limit of ${this.config.uploadLimitBytes} bytes (WFM_UPLOAD_LIMIT_BYTES)`);
      }
      if (read.failure) throw read.failure as Error;
      if (read.headerInvalid) throw read.errors.toError();
      if (read.dataRecords === 0) {
        throw new DomainError('EMPTY_UPLOAD', read.bytes === 0 || read.contentSha256 === EMPTY_SHA ? 'the upload is empty' : 'the upload has a header but no rows');
      }
      if (read.unknownChannels.size > 0) await this.channels.requireAll(tenantId, [...read.unknownChannels]);
      if (read.errors.count > 0) throw read.errors.toError();
      if (read.rows === 0) throw new DomainError('EMPTY_UPLOAD', `every row (${read.skippedRows}) was left out by the skip rules of mapping ${mapping?.name ?? ''}`);
      if (stager.failure) throw stager.failure as Error;
      const outcome = await cancellable(async (): Promise<{ prior: PriorUpload; result?: never } | { prior: null; result: R }> => {
        if (stager.duplicates) await this.rejectDuplicates(client, stager.tables, codeOf, body.type === 'json' ? 'json' : 'csv');
        const prior = await this.uploads.findSucceeded(tenantId, sink.kind, {
          contentSha256: read.contentSha256,
          mapping: mapping?.name ?? null,
          idempotencyKey: request.idempotencyKey,
        }, client);
        if (prior) {
          // A concurrent twin committed first: the same content, or the same key (then it must be the same content).
          if (request.idempotencyKey && prior.idempotencyKey === request.idempotencyKey
            && (prior.contentSha256 !== read.contentSha256 || prior.mapping !== (mapping?.name ?? null))) {
            throw keyReused(request.idempotencyKey, prior);
          }
          return { prior };
        }
        const tx: IngestTransaction = {
          client,
          tenantId,
          uploadId,
          uploader,
          contentSha256: read.contentSha256,
          stagingTables: stager.tables,
          formFields: body.type === 'stream' ? await body.formFields() : {},
          filename: body.type === 'stream' ? body.filename : null,
          jsonBody: body.type === 'json' ? body.body : null,
          rows: read.rows,
          skippedRows: read.skippedRows,
          copy: (table, columns, write) => this.uploads.copyInto(client, table, columns, encodeRows(write)),
        };
        const result = await sink.finish(tx);
        await finish(client, 'succeeded', { result });
        return { prior: null, result };
      });
      if (outcome.prior) {
        const { prior } = outcome;
        await this.uploads.rollbackUpload(client);
        open = false;
        await finish(client, 'duplicate', { duplicateOf: prior.id });
        return { uploadId: prior.id, duplicate: true, result: prior.result as R };
      }
      const result = outcome.result;
      const t2 = Date.now();
      await this.uploads.commitUpload(client);
      open = false;
      this.logger.debug({ uploadId, rows: read.rows, chunks: stager.tables.length, readAndMergeMs: t1 - t0, finishMs: t2 - t1, commitMs: Date.now() - t2 }, 'upload committed');
      committed = { tenantId, kind: sink.kind, uploadId, ...touchedRangeOf(result), ...(sink.leftRanges ? { leftRanges: sink.leftRanges() } : {}) };
      return { uploadId, duplicate: false, result };
    } catch (error) {
      if (open) await this.uploads.rollbackUpload(client).catch(() => undefined);
      await recordFailure(error, client);
      throw error;
    } finally {
      await stager.dropTables().catch((e: unknown) => this.logger.warn({ err: e, uploadId }, 'could not drop staging tables'));
      await loader.release();
      await main.release();
      this.slots.release();
      // After the connections are back: listeners (KPI rollups) run in the background on the pool.
      if (committed) this.events.committed(committed);
    }
  }

  /**
   * Runs `work` (statements of the upload's transaction); if the client goes away meanwhile, the
   * statement running on session `pid` is cancelled from `canceller` and REQUEST_ABORTED thrown.
   * The cancel is awaited before anything else is sent, so it can only hit the statement it aims at.
   */
  private async cancellable<T>(signal: AbortSignal | undefined, canceller: PoolClient, pid: number, work: () => Promise<T>): Promise<T> {
    if (!signal) return work();
    if (signal.aborted) throw requestAborted();
    const cancel: { sent: Promise<void> | null } = { sent: null };
    const onAbort = (): void => {
      cancel.sent = this.uploads.cancelBackend(canceller, pid).catch((e: unknown) => this.logger.warn({ err: e }, 'could not cancel an abandoned upload'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    let result: T;
    try {
      result = await work();
    } catch (error) {
      if (signal.aborted) throw requestAborted();
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
      if (cancel.sent) await cancel.sent;
    }
    if (signal.aborted) throw requestAborted();
    return result;
  }

  /** Size and SHA-256 of a body read to its end (a repeated Idempotency-Key must repeat the content). */
  private async digest(body: UploadBody): Promise<{ bytes: number; contentSha256: string }> {
    if (body.type === 'json') {
      const text = jsonText(body.body);
      return { bytes: Buffer.byteLength(text), contentSha256: createHash('sha256').update(text).digest('hex') };
    }
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of body.chunks) {
      bytes += chunk.length;
      if (bytes > this.config.uploadLimitBytes) continue; // keep reading: the client gets an answer
      hash.update(chunk);
    }
    if (bytes > this.config.uploadLimitBytes || body.truncated()) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `upload is larger than the limit of ${this.config.uploadLimitBytes} bytes (WFM_UPLOAD_LIMIT_BYTES)`);
    }
    return { bytes, contentSha256: hash.digest('hex') };
  }

  /**
   * Reads the whole body: tokenizes, maps, validates and stages every row (chunks are merged
   * while reading goes on). Never stops reading early, so the client gets an answer.
   */
  private async read<R>(
    body: UploadBody,
    sink: RowSink<R>,
    mapping: { name: string; spec: ImportMappingSpec } | null,
    channels: Map<string, ResolvedChannel>,
    stager: ChunkStager<R, unknown>,
  ): Promise<ReadResult> {
    const errors = new RowErrors(body.type === 'json' ? 'json' : 'csv');
    const out: ReadResult = {
      bytes: 0, contentSha256: EMPTY_SHA, tooLarge: false, dataRecords: 0, rows: 0, skippedRows: 0,
      headerInvalid: false, unknownChannels: new Set(), errors, failure: null,
    };
    const issues: RowIssue[] = [];
    let positions: Int32Array = new Int32Array(0);
    let headerLength = 0;
    let mapper: RecordMapper | null = null;
    let labels = new Map<string, string>();
    const label = (column: string): string => labels.get(column) ?? column;
    const mapped: string[] = [];
    let rejected = false;
    const reject = (): void => {
      if (!rejected) stager.stop();
      rejected = true;
    };

    // PostgreSQL text cannot hold 0x00: a cell with a NUL byte is a row error naming it (the
    // fields are only searched once a decoded chunk had one).
    let sawNul = false;
    let rawHeader: readonly string[] = [];
    const nulCell = (fields: readonly string[], line: number): boolean => {
      if (!sawNul) return false;
      const k = fields.findIndex((f) => f.includes('\0'));
      if (k < 0) return false;
      errors.add(line, line === 1 ? undefined : (rawHeader[k] ?? undefined), fields[k].replace(/\0/g, '\\0').slice(0, 200), 'contains a NUL byte (0x00)');
      return true;
    };
    const onData = (fields: readonly string[], line: number): void => {
      out.dataRecords++;
      if (out.headerInvalid) return;
      if (nulCell(fields, line)) return reject();
      let rec = fields;
      if (mapper) {
        if (fields.length !== headerLength && mapping?.spec.delimiter !== 'whitespace') {
          errors.add(line, undefined, '', `has ${fields.length} fields; the header has ${headerLength}`);
          return reject();
        }
        const r = mapper.map(fields, mapped);
        if (r === 'skip') {
          out.skippedRows++;
          return;
        }
        if (r !== 'ok') {
          errors.add(line, r.column, r.value, r.reason);
          return reject();
        }
        rec = mapped;
      } else if (fields.length !== headerLength) {
        errors.add(line, undefined, '', `has ${fields.length} fields; the header has ${headerLength}`);
        return reject();
      }
      if (sink.channelFree) {
        issues.length = 0;
        if (sink.accept(rec, positions, NO_CHANNEL, line, stager.w, issues)) {
          out.rows++;
          stager.rowDone();
        } else {
          for (const i of issues) errors.add(line, label(i.column), i.value, i.reason);
          reject();
        }
        return;
      }
      const code = (rec[positions[0]] ?? '').trim();
      if (code === '') {
        errors.add(line, label('channel'), '', 'is required');
        return reject();
      }
      const channel = channels.get(code);
      if (!channel) {
        if (out.unknownChannels.size < 1000) out.unknownChannels.add(code);
        return reject();
      }
      issues.length = 0;
      if (sink.accept(rec, positions, channel, line, stager.w, issues)) {
        out.rows++;
        stager.rowDone();
      } else {
        for (const i of issues) errors.add(line, label(i.column), i.value, i.reason);
        reject();
      }
    };
    const onHeader = (header: readonly string[]): void => {
      headerLength = header.length;
      rawHeader = header;
      if (nulCell(header, 1)) {
        out.headerInvalid = true;
        reject();
        return;
      }
      let canonical: readonly string[] = header;
      if (mapping) {
        const m = createRecordMapper(mapping.spec, header);
        mapper = m;
        for (const i of m.issues) errors.add(1, i.column, '', i.reason);
        canonical = m.header;
        labels = new Map(m.header.map((c, k) => [c, m.sources[k]]));
      }
      const resolved = resolveColumns(canonical, sink.columns);
      positions = resolved.positions;
      for (const i of resolved.issues) errors.add(1, label(i.column), '', i.reason);
      if (errors.count > 0) {
        out.headerInvalid = true;
        reject();
      }
    };

    if (body.type === 'json') {
      try {
        this.readJson(body.body, sink, onHeader, onData, errors, out);
      } catch (error) {
        out.failure = error;
        reject();
      }
    } else {
      const hash = createHash('sha256');
      const decoder = new StringDecoder('utf8');
      let seenHeader = false;
      const tokenizer = createCsvTokenizer({
        delimiter: mapping?.spec.delimiter ?? ',',
        onRecord: (fields, line) => {
          if (!seenHeader) {
            seenHeader = true;
            onHeader(fields);
          } else {
            onData(fields, line);
          }
        },
        onError: (line, reason) => {
          errors.add(line, undefined, '', reason);
          reject();
        },
      });
      let stopped = false;
      try {
        for await (const chunk of body.chunks) {
          if (stopped) continue; // keep reading: the client gets an answer, not a reset
          out.bytes += chunk.length;
          if (out.bytes > this.config.uploadLimitBytes) {
            out.tooLarge = true;
            stopped = true;
            reject();
            continue;
          }
          hash.update(chunk);
          try {
            const text = decoder.write(chunk);
            if (!sawNul && text.includes('\0')) sawNul = true;
            tokenizer.push(text);
            await stager.throttle();
          } catch (error) {
            out.failure = error;
            stopped = true;
            reject();
          }
        }
      } catch (error) {
        // The body itself failed: the client went away, or a multipart body without a file.
        out.failure ??= error;
        stopped = true;
        reject();
      }
      if (!stopped) {
        try {
          tokenizer.push(decoder.end());
          tokenizer.end();
        } catch (error) {
          out.failure = error;
          reject();
        }
      }
      out.contentSha256 = hash.digest('hex');
    }
    await stager.drain();
    return out;
  }

  /** JSON `{ rows: [...] }`: each row an object with camelCase keys of the canonical columns. */
  private readJson<R>(
    body: unknown,
    sink: RowSink<R>,
    onHeader: (header: readonly string[]) => void,
    onData: (fields: readonly string[], line: number) => void,
    errors: RowErrors,
    out: ReadResult,
  ): void {
    const text = jsonText(body);
    out.bytes = Buffer.byteLength(text);
    out.contentSha256 = createHash('sha256').update(text).digest('hex');
    const rows = (body as { rows?: unknown } | null)?.rows;
    if (!Array.isArray(rows)) {
      throw new DomainError('VALIDATION_FAILED', 'rows: must be an array of objects', { errorCount: 1, errors: [{ field: 'rows', reason: 'must be an array of objects' }] });
    }
    const names = sink.columns.map((c) => c.name);
    const keys = names.map(camel);
    onHeader(names);
    const fields: string[] = new Array<string>(names.length);
    rows.forEach((row: unknown, i) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        out.dataRecords++;
        errors.add(i, undefined, '', 'must be an object');
        return;
      }
      const r = row as Record<string, unknown>;
      let bad = false;
      for (const key of Object.keys(r)) {
        if (!keys.includes(key)) {
          errors.add(i, key, '', `is not a field; expected ${keys.join(', ')}`);
          bad = true;
        }
      }
      if (bad) {
        out.dataRecords++;
        return;
      }
      keys.forEach((key, k) => {
        const v = r[key];
        fields[k] = v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
      });
      onData(fields, i);
    });
  }

  /** 422 INVALID_ROWS naming both (all) lines of each (channel, interval) staged more than once. */
  private async rejectDuplicates(client: PoolClient, tables: string[], codeOf: Map<number, string>, mode: 'csv' | 'json'): Promise<never> {
    const rows = await this.uploads.stagedDuplicates(client, tables, MAX_LISTED_DUPLICATES);
    const errors = new RowErrors(mode);
    for (const d of rows) {
      const [first, ...later] = d.lines;
      const where = mode === 'csv' ? 'line' : 'row';
      for (const line of later) {
        errors.add(line, 'interval_start', formatUtcIso(d.intervalStart.getTime()),
          `duplicate row: channel ${codeOf.get(d.channelId) ?? d.channelId}, interval ${formatUtcIso(d.intervalStart.getTime())} is on ${where}s ${first} and ${line}`);
      }
    }
    errors.count = Math.max(errors.count, rows[0]?.total ?? 0);
    throw errors.toError();
  }
}
