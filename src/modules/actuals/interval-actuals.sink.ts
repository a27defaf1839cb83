import { INTERVAL_ACTUAL_COLUMNS, parseIntervalActualRecord, type IntervalActualValues } from '../../core/ingest/parse-interval-actual-record.js';
import type { RowIssue } from '../../core/ingest/types.js';
import type { BinaryCopyWriter } from '../uploads/binary-copy-writer.js';
import type { ChunkContext, IngestTransaction, ResolvedChannel, RowSink } from '../uploads/ingest.types.js';
import { IntervalSummary } from '../uploads/interval-summary.js';
import { INTERVAL_STAGING_COLUMNS, INTERVAL_STAGING_DDL, type ActualsRepository } from './actuals.repository.js';

/** What an interval-actuals upload answers. */
export interface IntervalActualsResult {
  uploadId: string;
  kind: 'interval-actuals';
  rows: number;
  /** Intervals written (one per row). */
  intervals: number;
  /** Of those, intervals that replaced earlier actuals (last write wins). */
  replacedIntervals: number;
  channels: string[];
  firstIntervalStart: string | null;
  lastIntervalStart: string | null;
}

type ChunkBounds = ReturnType<IntervalSummary['bounds']>;

/** ACD interval reports: one row per channel interval, replacing what was there. */
export class IntervalActualsSink implements RowSink<IntervalActualsResult, ChunkBounds> {
  readonly kind = 'interval-actuals' as const;
  readonly columns = INTERVAL_ACTUAL_COLUMNS;
  readonly stagingColumns = INTERVAL_STAGING_COLUMNS;
  readonly stagingColumnsDdl = INTERVAL_STAGING_DDL;
  private readonly v = {} as IntervalActualValues;
  private readonly summary = new IntervalSummary();
  private chunk = new IntervalSummary();
  private replaced = 0;

  constructor(private readonly repository: ActualsRepository) {}

  accept(fields: readonly string[], positions: Int32Array, channel: ResolvedChannel, line: number, w: BinaryCopyWriter, issues: RowIssue[]): boolean {
    const v = this.v;
    if (!parseIntervalActualRecord(fields, positions, channel.grid, v, issues)) return false;
    w.beginRow(17, 17 * 12);
    w.int4(line);
    w.int4(channel.id);
    w.timestamptz(v.intervalStartMs);
    w.int4(v.offered);
    w.int4(v.answered);
    w.int4(v.abandoned);
    w.int4(v.answeredWithinThreshold);
    w.int4(v.abandonedWithinThreshold);
    w.float8(v.thresholdSeconds);
    w.float8(v.handleSeconds);
    w.float8(v.waitSeconds);
    w.float8OrNull(v.talkSeconds);
    w.float8OrNull(v.holdSeconds);
    w.float8OrNull(v.acwSeconds);
    w.float8OrNull(v.agentsStaffed);
    w.float8OrNull(v.agentSecondsAvailable);
    w.nullValue();
    this.summary.add(channel.id, channel.code, v.intervalStartMs);
    this.chunk.add(channel.id, channel.code, v.intervalStartMs);
    return true;
  }

  sealChunk(): ChunkBounds {
    const bounds = this.chunk.bounds();
    this.chunk = new IntervalSummary();
    return bounds;
  }

  /** Last write wins: intervals of earlier uploads are deleted, then the chunk is inserted. */
  async mergeChunk(ctx: ChunkContext, table: string, bounds: ChunkBounds): Promise<boolean> {
    const { client, tenantId, uploadId } = ctx;
    if (await this.repository.hasOtherIntervalsWithin(client, tenantId, uploadId, bounds)) {
      this.replaced += await this.repository.deleteStagedIntervals(client, tenantId, uploadId, table);
    }
    return this.repository.insertStagedIntervals(client, tenantId, uploadId, table);
  }

  finish(tx: IngestTransaction): Promise<IntervalActualsResult> {
    return Promise.resolve({
      uploadId: tx.uploadId,
      kind: 'interval-actuals',
      rows: tx.rows,
      intervals: tx.rows,
      replacedIntervals: this.replaced,
      channels: this.summary.channelCodes(),
      firstIntervalStart: this.summary.firstIntervalStart(),
      lastIntervalStart: this.summary.lastIntervalStart(),
    });
  }
}
