import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../../platform/logging/logger.js';
import type { RecordedUploadKind } from './ingest.types.js';

/** A committed upload: its tenant, kind and id, and the UTC range its rows cover when known. */
export interface UploadCommitted {
  tenantId: string;
  kind: RecordedUploadKind;
  uploadId: string;
  /** First instant touched (inclusive) and last (exclusive); null when the sink's result does not say. */
  fromUtc: Date | null;
  toUtc: Date | null;
  /**
   * Ranges the upload's rows moved out of (a re-uploaded case whose created_at changed leaves the
   * period of its previous created_at), as the sink reports them (`RowSink.leftRanges`); absent: none.
   */
  leftRanges?: ReadonlyArray<{ fromUtc: Date; toUtc: Date }>;
}

export type UploadCommittedListener = (event: UploadCommitted) => Promise<void>;

/**
 * Post-commit notification of uploads: the ingest runner calls `committed` after every
 * successful (non-duplicate) upload, once its transaction has committed and its connections
 * are back. Listeners (the KPI rollups) run in the background, one event after the other, so
 * an upload answers as soon as it is committed; `idle()` resolves when every event so far has
 * been handled (tests, shutdown). A failing listener is logged and never fails the upload.
 */
@Injectable()
export class UploadEvents implements BeforeApplicationShutdown {
  private readonly listeners: UploadCommittedListener[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  onCommitted(listener: UploadCommittedListener): void {
    this.listeners.push(listener);
  }

  committed(event: UploadCommitted): void {
    this.queue = this.queue.then(async () => {
      for (const listener of this.listeners) {
        try {
          await listener(event);
        } catch (error) {
          this.logger.warn({ err: error, uploadId: event.uploadId, kind: event.kind }, 'an upload listener failed');
        }
      }
    });
  }

  /** Resolves when the listeners of every event so far have run. */
  idle(): Promise<void> {
    return this.queue;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue;
  }
}

/**
 * The UTC range of an upload's result when it names its first and last interval start
 * (`firstIntervalStart`, `lastIntervalStart`): [first, last + 1 hour), which covers the last
 * interval of any length the engine allows.
 */
export function touchedRangeOf(result: unknown): { fromUtc: Date | null; toUtc: Date | null } {
  if (result && typeof result === 'object') {
    const r = result as Record<string, unknown>;
    const first = typeof r.firstIntervalStart === 'string' ? Date.parse(r.firstIntervalStart) : NaN;
    const last = typeof r.lastIntervalStart === 'string' ? Date.parse(r.lastIntervalStart) : NaN;
    if (Number.isFinite(first) && Number.isFinite(last)) return { fromUtc: new Date(first), toUtc: new Date(last + 3_600_000) };
  }
  return { fromUtc: null, toUtc: null };
}
