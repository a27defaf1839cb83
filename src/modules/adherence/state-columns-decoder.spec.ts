import { StateColumnsDecoder } from './state-columns-decoder.js';

/**
 * The stream is written here byte by byte after PostgreSQL's documented binary COPY format
 * (https://www.postgresql.org/docs/15/sql-copy.html, "Binary Format"): 11-byte signature,
 * int32 flags, int32 header-extension length, then per tuple an int16 field count and per field
 * an int32 length and the value (int4 big-endian; timestamptz as int64 microseconds since
 * 2000-01-01 UTC), and an int16 -1 trailer.
 */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);

function stream(rows: Array<[number, number, number, number]>, extension = 0): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')];
  const head = Buffer.alloc(8 + extension);
  head.writeInt32BE(0, 0);
  head.writeInt32BE(extension, 4);
  parts.push(head);
  for (const [agent, code, startMs, endMs] of rows) {
    const b = Buffer.alloc(42);
    b.writeInt16BE(4, 0);
    b.writeInt32BE(4, 2);
    b.writeInt32BE(agent, 6);
    b.writeInt32BE(4, 10);
    b.writeInt32BE(code, 14);
    b.writeInt32BE(8, 18);
    b.writeBigInt64BE(BigInt(startMs - PG_EPOCH_MS) * 1000n, 22);
    b.writeInt32BE(8, 30);
    b.writeBigInt64BE(BigInt(endMs - PG_EPOCH_MS) * 1000n, 34);
    parts.push(b);
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

describe('StateColumnsDecoder', () => {
  // 2026-03-02T09:00:00.250Z and 10:30:00Z; a state before 2000 (negative microseconds).
  const rows: Array<[number, number, number, number]> = [
    [0, 1, Date.parse('2026-03-02T09:00:00.250Z'), Date.parse('2026-03-02T10:30:00Z')],
    [7, 8, Date.parse('1999-10-04T06:59:59Z'), Date.parse('1999-10-04T07:00:10Z')],
    [2_000_000, 0, Date.parse('2038-01-19T03:14:08Z'), Date.parse('2038-01-19T04:00:00Z')],
  ];

  it('decodes every row into columns, seconds equal to Date / 1000', () => {
    const d = new StateColumnsDecoder(1);
    d.push(stream(rows));
    const c = d.columns();
    expect(Array.from(c.agent)).toEqual([0, 7, 2_000_000]);
    expect(Array.from(c.code)).toEqual([1, 8, 0]);
    expect(Array.from(c.start)).toEqual(rows.map((r) => r[2] / 1000));
    expect(Array.from(c.end)).toEqual(rows.map((r) => r[3] / 1000));
  });

  it('gives the same result whatever the chunk boundaries, and skips a header extension', () => {
    const bytes = stream(rows, 5);
    for (const size of [1, 2, 3, 19, 41, 42, 43, 100]) {
      const d = new StateColumnsDecoder(1);
      for (let p = 0; p < bytes.length; p += size) d.push(bytes.subarray(p, p + size));
      const c = d.columns();
      expect(Array.from(c.agent)).toEqual([0, 7, 2_000_000]);
      expect(Array.from(c.start)).toEqual(rows.map((r) => r[2] / 1000));
    }
  });

  it('refuses a stream cut before its trailer, a null or another column type', () => {
    const bytes = stream(rows);
    const cut = new StateColumnsDecoder();
    cut.push(bytes.subarray(0, bytes.length - 2));
    expect(() => cut.columns()).toThrow('binary COPY stream ended early');
    const wrong = Buffer.from(bytes);
    wrong.writeInt32BE(-1, 19 + 10); // the second field of the first row: null
    expect(() => new StateColumnsDecoder().push(wrong)).toThrow('binary COPY: expected int4, int4, timestamptz, timestamptz without nulls');
    expect(() => new StateColumnsDecoder().push(Buffer.from('agent_id,state,start,end\na1,available,x,y\n'))).toThrow('not a binary COPY stream');
  });
});
