import { decodeFloat8Column, float8ColumnsSql } from './float8-columns.js';

/** float8send writes IEEE 754 binary64 in network byte order (big-endian): Buffer.writeDoubleBE is the independent encoder. */
function bigEndian(values: number[]): Buffer {
  const b = Buffer.alloc(8 * values.length);
  values.forEach((v, i) => b.writeDoubleBE(v, 8 * i));
  return b;
}

describe('decodeFloat8Column', () => {
  it('reads big-endian float8 values bit for bit', () => {
    const values = [0, -0, 1, -1.5, 0.1, 1e-300, 5e-324, 1.7976931348623157e308, NaN, 1735689600000, -123456789.125];
    const got = decodeFloat8Column(bigEndian(values), values.length);
    expect(got).toBeInstanceOf(Float64Array);
    expect(Array.from(got)).toEqual(values);
    expect(Object.is(got[1], -0)).toBe(true);
  });

  it('reads a view at any offset of a larger buffer (pg hands out slices)', () => {
    const inner = bigEndian([2.5, -7]);
    const outer = Buffer.concat([Buffer.from([1, 2, 3]), inner, Buffer.from([9])]);
    expect(Array.from(decodeFloat8Column(outer.subarray(3, 3 + inner.length), 2))).toEqual([2.5, -7]);
  });

  it('reads no rows as an empty column (string_agg of no rows is NULL)', () => {
    expect(decodeFloat8Column(null, 0).length).toBe(0);
  });

  it('refuses bytes that do not hold n values', () => {
    expect(() => decodeFloat8Column(bigEndian([1, 2]), 3)).toThrow('float8 column: expected 24 bytes, got 16');
    expect(() => decodeFloat8Column(null, 1)).toThrow('float8 column: expected 8 bytes, got NULL');
  });
});

describe('float8ColumnsSql', () => {
  it('aggregates every column of the select, NULL as NaN, in the select’s row order', () => {
    expect(float8ColumnsSql('SELECT a, b FROM t ORDER BY a', 2)).toBe(
      "SELECT count(*)::int AS n, string_agg(float8send(coalesce(c0::float8, 'NaN')), ''::bytea) AS c0, " +
        "string_agg(float8send(coalesce(c1::float8, 'NaN')), ''::bytea) AS c1 FROM (SELECT a, b FROM t ORDER BY a) s(c0, c1)",
    );
  });
});
