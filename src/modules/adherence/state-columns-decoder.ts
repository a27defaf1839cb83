/** Agent states as columns: agent index, state index, start and end in seconds since the epoch. */
export interface StateColumns {
  agent: Int32Array;
  code: Int32Array;
  start: Float64Array;
  end: Float64Array;
}

const HEADER_BYTES = 19; // 'PGCOPY\n\377\r\n\0', int32 flags, int32 extension length (0)
/** One tuple: int16 field count, then (int32 length + value) for int4, int4, timestamptz, timestamptz. */
const ROW_BYTES = 2 + 8 + 8 + 12 + 12;
/** PostgreSQL's epoch (2000-01-01) in Unix milliseconds; binary timestamptz is int64 microseconds from it. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 4_294_967_296;

/** Seconds since the Unix epoch of a binary timestamptz at `p` (exact for whole milliseconds, like Date / 1000). */
function seconds(buf: Buffer, p: number): number {
  const micros = buf.readInt32BE(p) * TWO_32 + buf.readUInt32BE(p + 4);
  return (PG_EPOCH_MS + micros / 1000) / 1000;
}

/**
 * Decodes the output of `COPY (SELECT int4, int4, timestamptz, timestamptz ...) TO STDOUT
 * (FORMAT binary)` straight into typed columns, chunk by chunk as the stream delivers them: no
 * row objects, no text parsing, and no epoch conversion on the server (`extract(epoch ...)`
 * returns numeric and costs more than the scan). Nulls are not allowed (the query selects
 * none). Columns grow by doubling; `columns()` returns views of the filled part.
 */
export class StateColumnsDecoder {
  private cols: StateColumns;
  private n = 0;
  private pending: Buffer = Buffer.alloc(0);
  private headerRead = false;
  private skip = 0;
  private done = false;

  constructor(capacity = 1024) {
    this.cols = StateColumnsDecoder.alloc(Math.max(1, capacity));
  }

  private static alloc(n: number): StateColumns {
    return { agent: new Int32Array(n), code: new Int32Array(n), start: new Float64Array(n), end: new Float64Array(n) };
  }

  /** Feeds the next chunk of the stream. */
  push(chunk: Buffer): void {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let p = 0;
    if (!this.headerRead) {
      if (buf.length < HEADER_BYTES) {
        this.pending = Buffer.from(buf);
        return;
      }
      if (buf.toString('latin1', 0, 6) !== 'PGCOPY') throw new Error('not a binary COPY stream');
      this.skip = buf.readInt32BE(15); // header extension: skipped, possibly across chunks
      p = HEADER_BYTES;
      this.headerRead = true;
    }
    if (this.skip > 0) {
      const n = Math.min(this.skip, buf.length - p);
      this.skip -= n;
      p += n;
    }
    while (!this.done && buf.length - p >= 2) {
      const fields = buf.readInt16BE(p);
      if (fields === -1) {
        this.done = true;
        p += 2;
        break;
      }
      if (fields !== 4) throw new Error(`binary COPY: expected 4 fields, got ${fields}`);
      if (buf.length - p < ROW_BYTES) break;
      if (buf.readInt32BE(p + 2) !== 4 || buf.readInt32BE(p + 10) !== 4 || buf.readInt32BE(p + 18) !== 8 || buf.readInt32BE(p + 30) !== 8) {
        throw new Error('binary COPY: expected int4, int4, timestamptz, timestamptz without nulls');
      }
      if (this.n === this.cols.agent.length) this.grow();
      const i = this.n++;
      this.cols.agent[i] = buf.readInt32BE(p + 6);
      this.cols.code[i] = buf.readInt32BE(p + 14);
      this.cols.start[i] = seconds(buf, p + 22);
      this.cols.end[i] = seconds(buf, p + 34);
      p += ROW_BYTES;
    }
    buf = buf.subarray(p);
    this.pending = buf.length ? Buffer.from(buf) : Buffer.alloc(0);
  }

  private grow(): void {
    const next = StateColumnsDecoder.alloc(this.cols.agent.length * 2);
    next.agent.set(this.cols.agent);
    next.code.set(this.cols.code);
    next.start.set(this.cols.start);
    next.end.set(this.cols.end);
    this.cols = next;
  }

  /** The decoded rows; throws when the stream ended before its trailer. */
  columns(): StateColumns {
    if (!this.done) throw new Error('binary COPY stream ended early');
    const n = this.n;
    return { agent: this.cols.agent.subarray(0, n), code: this.cols.code.subarray(0, n), start: this.cols.start.subarray(0, n), end: this.cols.end.subarray(0, n) };
  }
}
