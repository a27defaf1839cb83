import { BinaryCopyWriter } from './binary-copy-writer.js';

function encode(write: (w: BinaryCopyWriter) => void): Buffer {
  const out: Buffer[] = [];
  const w = new BinaryCopyWriter((b) => {
    out.push(Buffer.from(b));
    return true;
  });
  write(w);
  w.finish();
  return Buffer.concat(out);
}

describe('BinaryCopyWriter (PostgreSQL COPY binary format)', () => {
  it('writes the signature, flags, header extension and trailer', () => {
    const b = encode(() => undefined);
    expect(b.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    expect(b.readInt32BE(11)).toBe(0);
    expect(b.readInt32BE(15)).toBe(0);
    expect(b.readInt16BE(19)).toBe(-1);
    expect(b.length).toBe(21);
  });

  it('encodes int4, float8, timestamptz, text and null fields with their lengths', () => {
    const b = encode((w) => {
      w.beginRow(6, 200);
      w.int4(-7);
      w.float8(18000.5);
      w.timestamptz(Date.UTC(2026, 2, 29, 1, 30));
      w.text('Zoë');
      w.nullValue();
      w.int4(2_147_483_647);
    });
    let p = 19;
    expect(b.readInt16BE(p)).toBe(6);
    p += 2;
    expect([b.readInt32BE(p), b.readInt32BE(p + 4)]).toEqual([4, -7]);
    p += 8;
    expect([b.readInt32BE(p), b.readDoubleBE(p + 4)]).toEqual([8, 18000.5]);
    p += 12;
    // Microseconds since 2000-01-01T00:00:00Z.
    expect([b.readInt32BE(p), b.readBigInt64BE(p + 4)]).toEqual([8, BigInt(Date.UTC(2026, 2, 29, 1, 30) - Date.UTC(2000, 0, 1)) * 1000n]);
    p += 12;
    expect(b.readInt32BE(p)).toBe(4);
    expect(b.subarray(p + 4, p + 8).toString('utf8')).toBe('Zoë');
    p += 8;
    expect(b.readInt32BE(p)).toBe(-1);
    p += 4;
    expect([b.readInt32BE(p), b.readInt32BE(p + 4)]).toEqual([4, 2_147_483_647]);
    p += 8;
    expect(b.readInt16BE(p)).toBe(-1);
    expect(b.length).toBe(p + 2);
  });

  it('encodes instants before 2000 (negative microseconds) exactly', () => {
    const b = encode((w) => {
      w.beginRow(1, 20);
      w.timestamptz(Date.UTC(1999, 9, 3, 7, 15, 55));
    });
    expect(b.readBigInt64BE(19 + 2 + 4)).toBe(BigInt(Date.UTC(1999, 9, 3, 7, 15, 55) - Date.UTC(2000, 0, 1)) * 1000n);
  });

  it('starts a new chunk rather than splitting a row, and signals a pause', () => {
    const chunks: number[] = [];
    const w = new BinaryCopyWriter((b) => {
      chunks.push(b.length);
      return false;
    });
    for (let i = 0; i < 30_000; i++) {
      w.beginRow(1, 20);
      w.float8(i);
    }
    expect(w.takePause()).toBe(true);
    expect(w.takePause()).toBe(false);
    w.finish();
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(19 + 30_000 * 14 + 2);
    expect(chunks.every((n) => n <= 256 * 1024)).toBe(true);
    expect(w.rows).toBe(30_000);
  });
});
