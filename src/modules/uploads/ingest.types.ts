import type { PoolClient } from 'pg';
import type { ChannelGrid, ColumnSpec, RowIssue, UploadKind } from '../../core/ingest/types.js';
import type { ImportMappingSpec } from '../../core/ingest/validate-import-mapping.js';
import type { BinaryCopyWriter } from './binary-copy-writer.js';
import type { UploadBody } from './upload-body.js';

/** What the upload log records: the mappable kinds, schedules and agent states, KPI inputs, and the scheduling roster (agents). */
export type RecordedUploadKind = UploadKind | 'schedules' | 'agent-states' | KpiInputKind | 'agents';

/** The KPI input uploads: cases and their updates, evaluations, surveys, FCR, costs, workforce, customers, outbound. */
export type KpiInputKind = (typeof KPI_INPUT_KINDS)[number];
export const KPI_INPUT_KINDS = [
  'cases', 'case-updates', 'quality-evaluations', 'surveys', 'fcr-outcomes', 'costs',
  'workforce-events', 'customer-counts', 'outbound-attempts',
] as const;

/** A channel of the tenant as the ingestion pipeline sees it. */
export interface ResolvedChannel {
  id: number;
  code: string;
  grid: ChannelGrid;
}

/** Who uploads: an API key, or nobody (the demo seeder, a model run). */
export interface Uploader {
  keyId: string | null;
  keyName: string | null;
}

/** What a sink needs to merge a chunk: the open transaction and the upload. */
export interface ChunkContext {
  client: PoolClient;
  tenantId: string;
  uploadId: string;
}

/** What a row sink can do inside the upload's open transaction, once every chunk is merged. */
export interface IngestTransaction extends ChunkContext {
  uploader: Uploader;
  contentSha256: string;
  /** The staging tables of the chunks, in order. */
  stagingTables: string[];
  /** Multipart form fields (e.g. `label`), the multipart file name, the JSON body. */
  formFields: Record<string, string>;
  filename: string | null;
  jsonBody: unknown;
  /** Rows accepted and skipped (by the mapping). */
  rows: number;
  skippedRows: number;
  /** A second binary COPY into another staging table of the same transaction. */
  copy(table: string, columns: string, write: (writer: BinaryCopyWriter) => void): Promise<void>;
}

/**
 * The kind-specific half of an upload: how rows are read, staged and merged. Rows are staged
 * in chunks (staging tables whose first three columns are line, channel_id, interval_start);
 * each chunk is merged as soon as it is staged, then `finish` completes the upload.
 */
export interface RowSink<R, C = unknown> {
  readonly kind: RecordedUploadKind;
  /**
   * True when rows carry no `channel` column (schedules, agent states): the runner then skips
   * channel resolution and `accept` receives NO_CHANNEL.
   */
  readonly channelFree?: boolean;
  readonly columns: readonly ColumnSpec[];
  /** Column definitions of a staging table, and the column list of its COPY. */
  readonly stagingColumnsDdl: string;
  readonly stagingColumns: string;
  /**
   * Reads one record of a known channel. Writes the staged row (first column: the line) and
   * returns true, or appends the problems to `issues` and returns false.
   */
  accept(fields: readonly string[], positions: Int32Array, channel: ResolvedChannel, line: number, writer: BinaryCopyWriter, issues: RowIssue[]): boolean;
  /** Called when the rows accepted since the last call form a chunk; returns what its merge needs. */
  sealChunk(): C;
  /**
   * Merges one staged chunk (same transaction). Returns false, with the attempt undone, when a
   * (channel, interval) of the chunk repeats one of this upload.
   */
  mergeChunk(ctx: ChunkContext, table: string, info: C): Promise<boolean>;
  /** After the last chunk: what remains to write, and the result. */
  finish(tx: IngestTransaction): Promise<R>;
  /**
   * Optional, read after `finish`: UTC ranges the upload's rows left (rows that replaced stored
   * rows lying elsewhere in time), for the post-commit listeners besides the result's range.
   */
  leftRanges?(): ReadonlyArray<{ fromUtc: Date; toUtc: Date }>;
}

/** One upload to run. */
export interface IngestRequest<R> {
  tenantId: string;
  uploader: Uploader;
  /** Name of the import mapping (?mapping=), if any. */
  mappingName: string | null;
  /**
   * Opens the body and loads the mapping (may throw 413, 415, 404, 422); called inside the
   * runner so that refused uploads are recorded too.
   */
  prepare: () => Promise<{ body: UploadBody; mapping: { name: string; spec: ImportMappingSpec } | null }>;
  idempotencyKey: string | null;
  sink: RowSink<R, unknown>;
}

/** What an upload answers: its result, or the first result of the same content. */
export interface IngestOutcome<R> {
  uploadId: string;
  duplicate: boolean;
  result: R;
}
