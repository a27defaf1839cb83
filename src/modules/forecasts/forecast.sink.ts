import { randomUUID } from 'node:crypto';
import { FORECAST_COLUMNS, parseForecastRecord, type ForecastValues } from '../../core/ingest/parse-forecast-record.js';
import type { RowIssue } from '../../core/ingest/types.js';
import type { BinaryCopyWriter } from '../uploads/binary-copy-writer.js';
import type { ChunkContext, IngestTransaction, ResolvedChannel, RowSink } from '../uploads/ingest.types.js';
import { IntervalSummary } from '../uploads/interval-summary.js';
import type { ForecastVersion } from './forecast-version.js';
import { FORECAST_STAGING_COLUMNS, FORECAST_STAGING_DDL, type ForecastsRepository } from './forecasts.repository.js';

/** What a forecast upload stores as its result: the version, JSON-ready. */
export interface ForecastVersionJson {
  id: string;
  label: string;
  source: string;
  createdByKeyId: string | null;
  createdByKeyName: string | null;
  createdAt: string;
  channels: string[];
  firstIntervalStart: string | null;
  lastIntervalStart: string | null;
  rowCount: number;
  contentSha256: string;
  uploadId: string | null;
  metadata?: Record<string, unknown> | null;
}

export function versionJson(v: ForecastVersion): ForecastVersionJson {
  return {
    ...v,
    createdAt: v.createdAt.toISOString(),
    firstIntervalStart: v.firstIntervalStart ? v.firstIntervalStart.toISOString().replace('.000Z', 'Z') : null,
    lastIntervalStart: v.lastIntervalStart ? v.lastIntervalStart.toISOString().replace('.000Z', 'Z') : null,
  };
}

/** A forecast upload: a new immutable version with its intervals. */
export class ForecastSink implements RowSink<ForecastVersionJson, null> {
  readonly kind = 'forecast' as const;
  readonly columns = FORECAST_COLUMNS;
  readonly stagingColumns = FORECAST_STAGING_COLUMNS;
  readonly stagingColumnsDdl = FORECAST_STAGING_DDL;
  private readonly v = {} as ForecastValues;
  private readonly summary = new IntervalSummary();
  private readonly versionId = randomUUID();

  /**
   * @param label label given with the request (query), else the multipart field `label`, the
   *   JSON `label`, the file name, or a dated default
   * @param source `upload` or `model:<name>`
   */
  constructor(
    private readonly repository: ForecastsRepository,
    private readonly label: string | null,
    private readonly source: string,
  ) {}

  accept(fields: readonly string[], positions: Int32Array, channel: ResolvedChannel, line: number, w: BinaryCopyWriter, issues: RowIssue[]): boolean {
    const v = this.v;
    if (!parseForecastRecord(fields, positions, channel.grid, v, issues)) return false;
    w.beginRow(8, 8 * 12);
    w.int4(line);
    w.int4(channel.id);
    w.timestamptz(v.intervalStartMs);
    w.float8(v.volume);
    w.float8(v.ahtSeconds);
    w.float8OrNull(v.shrinkage);
    w.float8OrNull(v.volumeP10);
    w.float8OrNull(v.volumeP90);
    this.summary.add(channel.id, channel.code, v.intervalStartMs);
    return true;
  }

  sealChunk(): null {
    return null;
  }

  mergeChunk(ctx: ChunkContext, table: string): Promise<boolean> {
    return this.repository.insertStagedIntervals(ctx.client, ctx.tenantId, this.versionId, table);
  }

  async finish(tx: IngestTransaction): Promise<ForecastVersionJson> {
    const jsonLabel = (tx.jsonBody as { label?: unknown } | null)?.label;
    const label =
      this.label ?? tx.formFields.label ?? (typeof jsonLabel === 'string' ? jsonLabel : null) ?? tx.filename ?? `forecast uploaded ${new Date().toISOString()}`;
    const first = this.summary.firstIntervalStart();
    const last = this.summary.lastIntervalStart();
    const version = await this.repository.insertVersion(tx.client, tx.tenantId, {
      id: this.versionId,
      label: label.slice(0, 200),
      source: this.source,
      createdByKeyId: tx.uploader.keyId,
      createdByKeyName: tx.uploader.keyName,
      channels: this.summary.channelCodes(),
      firstIntervalStart: first ? new Date(first) : null,
      lastIntervalStart: last ? new Date(last) : null,
      rowCount: tx.rows,
      contentSha256: tx.contentSha256,
      uploadId: tx.uploadId,
    });
    return versionJson(version);
  }
}
