import type { PoolClient } from 'pg';
import { BinaryCopyWriter } from './binary-copy-writer.js';
import type { ChunkContext, RowSink } from './ingest.types.js';
import type { UploadsRepository } from './uploads.repository.js';

/** Rows and bytes after which a chunk is staged and merged. */
const CHUNK_ROWS = 50_000;
const CHUNK_BYTES = 8 * 1024 * 1024;
/** Chunks read but not yet merged before the reader waits (bounds memory to a few chunks). */
const MAX_PENDING = 4;

interface Chunk<C> {
  table: string;
  buffers: Buffer[];
  info: C;
}

/**
 * Stages rows in chunks and merges each chunk while the next ones are being read, on three
 * lanes that run at the same time: this process parses the body; a loader connection COPYs
 * each chunk (binary format) into its own UNLOGGED table of schema `ingest_staging`; the
 * upload's transaction (another connection) merges the chunks one after the other. Staging
 * tables are scratch: the data reaches the real tables only through the one transaction, so
 * the upload stays all or nothing; `dropTables` removes them afterwards (and the runner drops
 * leftovers of crashed processes).
 *
 * After a chunk reports a repeated (channel, interval), later chunks are still staged but not
 * merged, so that every repetition can be listed; after any other failure, or `stop()`
 * (invalid rows: the upload will be refused), nothing more is sent to the database.
 */
export class ChunkStager<R, C> {
  /** Staging tables loaded so far (qualified names), in order. */
  readonly tables: string[] = [];
  duplicates = false;
  failure: unknown = null;
  private writer: BinaryCopyWriter;
  private buffers: Buffer[] = [];
  private bytes = 0;
  private rows = 0;
  private stopped = false;
  private sealed = 0;
  private readonly toLoad: Array<Chunk<C>> = [];
  private readonly toMerge: Array<Chunk<C>> = [];
  private loading: Promise<void> | null = null;
  private merging: Promise<void> | null = null;
  private readonly created: string[] = [];

  constructor(
    private readonly uploads: UploadsRepository,
    private readonly loader: PoolClient,
    private readonly sink: RowSink<R, C>,
    private readonly ctx: ChunkContext,
    /** Prefix of this upload's staging tables, e.g. `s1763800000_3f2a9c1b`. */
    private readonly prefix: string,
  ) {
    this.writer = this.newWriter();
  }

  /** The writer of the current chunk (valid until the next `rowDone`). */
  get w(): BinaryCopyWriter {
    return this.writer;
  }

  /** Call after each row written to `w`. */
  rowDone(): void {
    this.rows++;
    if (this.rows >= CHUNK_ROWS || this.bytes >= CHUNK_BYTES) this.seal();
  }

  /** Stops sending anything to the database (the upload will be refused anyway). */
  stop(): void {
    this.stopped = true;
    this.toLoad.length = 0;
    this.toMerge.length = 0;
    this.buffers = [];
  }

  /** Waits while too many chunks are waiting (backpressure on the reader). */
  async throttle(): Promise<void> {
    while (this.toLoad.length + this.toMerge.length >= MAX_PENDING && (this.loading || this.merging)) {
      await Promise.race([this.loading, this.merging].filter((p): p is Promise<void> => p !== null));
    }
  }

  /** Seals the last chunk and waits until every chunk is loaded and merged. */
  async drain(): Promise<void> {
    this.seal();
    while (this.loading || this.merging) await Promise.all([this.loading, this.merging]);
  }

  /** Drops this upload's staging tables (after the transaction ended, on the loader). */
  async dropTables(): Promise<void> {
    await this.uploads.dropStaging(this.loader, this.created);
  }

  private newWriter(): BinaryCopyWriter {
    return new BinaryCopyWriter((chunk) => {
      if (!this.stopped) {
        this.buffers.push(chunk);
        this.bytes += chunk.length;
      }
      return true;
    });
  }

  private seal(): void {
    if (this.rows === 0) return;
    this.writer.finish();
    const chunk: Chunk<C> = { table: this.uploads.stagingTable(this.prefix, ++this.sealed), buffers: this.buffers, info: this.sink.sealChunk() };
    this.buffers = [];
    this.bytes = 0;
    this.rows = 0;
    this.writer = this.newWriter();
    if (this.stopped || this.failure) return;
    this.toLoad.push(chunk);
    this.pumpLoad();
  }

  private pumpLoad(): void {
    if (this.loading || this.toLoad.length === 0) return;
    this.loading = this.load().finally(() => {
      this.loading = null;
      this.pumpLoad();
    });
  }

  private pumpMerge(): void {
    if (this.merging || this.toMerge.length === 0) return;
    this.merging = this.merge().finally(() => {
      this.merging = null;
      this.pumpMerge();
    });
  }

  /** Loader lane: CREATE UNLOGGED TABLE + binary COPY, autocommitted, so the transaction sees it. */
  private async load(): Promise<void> {
    for (let chunk = this.toLoad.shift(); chunk; chunk = this.toLoad.shift()) {
      if (this.stopped || this.failure) continue;
      try {
        this.created.push(chunk.table);
        await this.uploads.createStaging(this.loader, chunk.table, this.sink.stagingColumnsDdl);
        await this.uploads.copyInto(this.loader, chunk.table, this.sink.stagingColumns, chunk.buffers);
        chunk.buffers = [];
        this.tables.push(chunk.table);
        this.toMerge.push(chunk);
        this.pumpMerge();
      } catch (error) {
        this.failure ??= error;
      }
    }
  }

  /** Merge lane: the sink merges each loaded chunk inside the upload's transaction. */
  private async merge(): Promise<void> {
    for (let chunk = this.toMerge.shift(); chunk; chunk = this.toMerge.shift()) {
      if (this.stopped || this.failure || this.duplicates) continue;
      try {
        if (!(await this.sink.mergeChunk(this.ctx, chunk.table, chunk.info))) this.duplicates = true;
      } catch (error) {
        this.failure ??= error;
      }
    }
  }
}
