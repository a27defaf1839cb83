/** Microseconds between 1970-01-01 and PostgreSQL's epoch 2000-01-01 (UTC), in milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 4_294_967_296;
const CHUNK = 256 * 1024;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Scratch for float8: the bytes of a double, in platform order. */
const F64 = new Float64Array(1);
const F64_BYTES = new Uint8Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Encodes rows in PostgreSQL's binary COPY format (`COPY t FROM STDIN (FORMAT binary)`):
 * no text parsing of numbers and timestamps on the server, which is where a text COPY spends
 * most of its time. Rows go into 256 KB chunks handed to `emit`; a row never spans two chunks.
 * Column types: int4, float8, timestamptz (from epoch milliseconds), text (UTF-8), null.
 */
export class BinaryCopyWriter {
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  rows = 0;

  /** @param emit receives each full chunk; returns false when the consumer wants a pause. */
  constructor(private readonly emit: (chunk: Buffer) => boolean) {
    SIGNATURE.copy(this.buf, 0);
    this.buf.writeInt32BE(0, 11); // flags
    this.buf.writeInt32BE(0, 15); // header extension length
    this.pos = 19;
  }

  /** Starts a row of `fields` columns; `maxBytes` bounds its encoded size (for chunking). */
  beginRow(fields: number, maxBytes: number): void {
    if (this.pos + maxBytes + 2 > this.buf.length) this.flushChunk(maxBytes + 2);
    this.buf.writeInt16BE(fields, this.pos);
    this.pos += 2;
    this.rows++;
  }

  // int4 and float8 write bytes directly: Buffer.writeInt32BE / writeDoubleBE check their
  // arguments on every call, which is a third of the encoding time of a wide row.
  int4(value: number): void {
    const b = this.buf;
    const p = this.pos;
    b[p] = 0;
    b[p + 1] = 0;
    b[p + 2] = 0;
    b[p + 3] = 4;
    b[p + 4] = value >>> 24;
    b[p + 5] = value >>> 16;
    b[p + 6] = value >>> 8;
    b[p + 7] = value;
    this.pos = p + 8;
  }

  float8(value: number): void {
    const b = this.buf;
    const p = this.pos;
    F64[0] = value;
    b[p] = 0;
    b[p + 1] = 0;
    b[p + 2] = 0;
    b[p + 3] = 8;
    if (LITTLE_ENDIAN) {
      for (let i = 0; i < 8; i++) b[p + 4 + i] = F64_BYTES[7 - i];
    } else {
      for (let i = 0; i < 8; i++) b[p + 4 + i] = F64_BYTES[i];
    }
    this.pos = p + 12;
  }

  /** A timestamptz from UTC epoch milliseconds (stored as microseconds since 2000-01-01). */
  timestamptz(epochMs: number): void {
    const us = (epochMs - PG_EPOCH_MS) * 1000;
    const hi = Math.floor(us / TWO_32);
    this.buf.writeInt32BE(8, this.pos);
    this.buf.writeInt32BE(hi, this.pos + 4);
    this.buf.writeUInt32BE(us - hi * TWO_32, this.pos + 8);
    this.pos += 12;
  }

  /** UTF-8 text; reserve 4 + 3 × length bytes for it in `beginRow`. */
  text(value: string): void {
    const n = this.buf.write(value, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4 + n;
  }

  nullValue(): void {
    const b = this.buf;
    const p = this.pos;
    b[p] = 255;
    b[p + 1] = 255;
    b[p + 2] = 255;
    b[p + 3] = 255;
    this.pos = p + 4;
  }

  float8OrNull(value: number | null): void {
    if (value === null) this.nullValue();
    else this.float8(value);
  }

  int4OrNull(value: number | null): void {
    if (value === null) this.nullValue();
    else this.int4(value);
  }

  timestamptzOrNull(epochMs: number | null): void {
    if (epochMs === null) this.nullValue();
    else this.timestamptz(epochMs);
  }

  textOrNull(value: string | null): void {
    if (value === null) this.nullValue();
    else this.text(value);
  }

  /** Hands over what is buffered. */
  flush(): void {
    if (this.pos === 0) return;
    this.flushChunk(0);
  }

  /** Writes the trailer and hands over the rest. */
  finish(): void {
    if (this.pos + 2 > this.buf.length) this.flush();
    this.buf.writeInt16BE(-1, this.pos);
    this.pos += 2;
    this.flush();
  }

  /** True when a chunk was handed over and the consumer asked for a pause since the last call. */
  takePause(): boolean {
    const p = this.paused;
    this.paused = false;
    return p;
  }

  private paused = false;

  private flushChunk(need: number): void {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK, need));
    this.pos = 0;
    if (!this.emit(out)) this.paused = true;
  }
}
