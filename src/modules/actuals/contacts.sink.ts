import { createContactAggregator } from '../../core/ingest/create-contact-aggregator.js';
import { CONTACT_COLUMNS, parseContactRecord, type ContactValues } from '../../core/ingest/parse-contact-record.js';
import type { RowIssue } from '../../core/ingest/types.js';
import type { BinaryCopyWriter } from '../uploads/binary-copy-writer.js';
import type { ChunkContext, IngestTransaction, ResolvedChannel, RowSink } from '../uploads/ingest.types.js';
import { IntervalSummary } from '../uploads/interval-summary.js';
import { CONTACT_STAGING_COLUMNS, CONTACT_STAGING_DDL, INTERVAL_STAGING_COLUMNS, type ActualsRepository } from './actuals.repository.js';

/** What a per-contact upload answers. */
export interface ContactsResult {
  uploadId: string;
  kind: 'contacts';
  /** Contacts kept. */
  rows: number;
  /** Rows left out by the skip rules of the import mapping. */
  skippedRows: number;
  contacts: { answered: number; abandoned: number; ignored: number };
  /** Contacts of earlier uploads in the same intervals, replaced. */
  replacedContacts: number;
  /** Interval actuals derived from the contacts. */
  intervals: number;
  replacedIntervals: number;
  channels: string[];
  firstIntervalStart: string | null;
  lastIntervalStart: string | null;
}

const INTERVALS = 'stage_contact_intervals';

/**
 * Per-contact logs: every contact is kept, and the intervals they arrived in are derived
 * (offered, answered, abandoned, within threshold, handle and wait seconds, distinct agents).
 * The upload replaces the contacts and the interval actuals of the intervals it covers.
 */
export class ContactsSink implements RowSink<ContactsResult, ReturnType<IntervalSummary['bounds']>> {
  readonly kind = 'contacts' as const;
  readonly columns = CONTACT_COLUMNS;
  readonly stagingColumns = CONTACT_STAGING_COLUMNS;
  readonly stagingColumnsDdl = CONTACT_STAGING_DDL;
  private readonly v = {} as ContactValues;
  private readonly aggregator = createContactAggregator();
  private readonly summary = new IntervalSummary();
  private readonly counts = { answered: 0, abandoned: 0, ignored: 0 };
  private replacedContacts = 0;

  constructor(private readonly repository: ActualsRepository) {}

  accept(fields: readonly string[], positions: Int32Array, channel: ResolvedChannel, line: number, w: BinaryCopyWriter, issues: RowIssue[]): boolean {
    const v = this.v;
    if (!parseContactRecord(fields, positions, channel.grid, v, issues)) return false;
    w.beginRow(13, 2 + 13 * 12 + 3 * (v.contactId.length + (v.agentId?.length ?? 0) + (v.contactType?.length ?? 0)) + 32);
    w.int4(line);
    w.int4(channel.id);
    w.timestamptz(v.intervalStartMs);
    w.text(v.contactId);
    w.timestamptz(v.arrivedMs);
    w.timestamptzOrNull(v.answeredMs);
    w.timestamptzOrNull(v.endedMs);
    w.timestamptzOrNull(v.abandonedMs);
    w.float8OrNull(v.handleSeconds);
    w.float8OrNull(v.waitSeconds);
    w.textOrNull(v.agentId);
    w.text(v.outcome);
    w.textOrNull(v.contactType);
    this.aggregator.add(channel.id, v.intervalStartMs, v, channel.grid.thresholdSeconds, line);
    this.summary.add(channel.id, channel.code, v.intervalStartMs);
    this.counts[v.outcome]++;
    return true;
  }

  sealChunk(): ReturnType<IntervalSummary['bounds']> {
    return { channelIds: [], mins: [], maxs: [] };
  }

  /** Contacts of earlier uploads in the chunk's intervals go; the chunk's contacts come. */
  async mergeChunk(ctx: ChunkContext, table: string): Promise<boolean> {
    this.replacedContacts += await this.repository.deleteContactsOfStagedIntervals(ctx.client, ctx.tenantId, ctx.uploadId, table);
    await this.repository.insertStagedContacts(ctx.client, ctx.tenantId, ctx.uploadId, table);
    return true;
  }

  /** The intervals derived from all contacts replace the interval actuals they cover. */
  async finish(tx: IngestTransaction): Promise<ContactsResult> {
    const { client, tenantId, uploadId } = tx;
    const intervals = this.aggregator.intervals();
    await this.repository.createStaging(client, this.repository.intervalStagingDdl(INTERVALS));
    await tx.copy(INTERVALS, INTERVAL_STAGING_COLUMNS, (w) => {
      for (const i of intervals) {
        w.beginRow(17, 17 * 12);
        w.int4(i.firstLine);
        w.int4(i.channelId);
        w.timestamptz(i.intervalStartMs);
        w.int4(i.offered);
        w.int4(i.answered);
        w.int4(i.abandoned);
        w.int4(i.answeredWithinThreshold);
        w.int4(i.abandonedWithinThreshold);
        w.float8(i.thresholdSeconds);
        w.float8(i.handleSeconds);
        w.float8(i.waitSeconds);
        for (let k = 0; k < 5; k++) w.nullValue();
        w.int4(i.agentsHandled);
      }
    });
    const replacedIntervals = (await this.repository.hasOtherIntervalsWithin(client, tenantId, uploadId, this.summary.bounds()))
      ? await this.repository.deleteStagedIntervals(client, tenantId, uploadId, INTERVALS)
      : 0;
    if (!(await this.repository.insertStagedIntervals(client, tenantId, uploadId, INTERVALS))) {
      throw new Error('contact intervals repeat: the aggregation produced one interval twice');
    }
    return {
      uploadId,
      kind: 'contacts',
      rows: tx.rows,
      skippedRows: tx.skippedRows,
      contacts: { ...this.counts },
      replacedContacts: this.replacedContacts,
      intervals: intervals.length,
      replacedIntervals,
      channels: this.summary.channelCodes(),
      firstIntervalStart: this.summary.firstIntervalStart(),
      lastIntervalStart: this.summary.lastIntervalStart(),
    };
  }
}
